import { TallyExport } from './TallyExport';
import { TallyMappingForm } from './TallyMappingForm';

/** The accountant's Tally desk: export a period's vouchers and the masters, and map Stockist onto Tally's ledgers. */
export function TallyScreen() {
  return (
    <section className="screen narrow">
      <h1>Tally</h1>
      <TallyExport />
      <TallyMappingForm />
    </section>
  );
}
