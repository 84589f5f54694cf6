import { useEffect, useState } from 'react';
import type { OutputOf } from '../../../../src-shared/contract';
import { formatRate } from '../../../../src-shared/money';
import { call } from '../../api/client';
import { TextField } from '../../components/fields';
import { useForm } from '../../components/use-form';
import { useHotkeys } from '../../components/use-hotkeys';
import { useSession } from '../../stores/session-store';
import { toast } from '../../stores/toast-store';
import { TallyPartyNames } from './TallyPartyNames';

type Loaded = OutputOf<'tally.mapping'>;
type Mapping = Loaded['mapping'];

/** A row per GST rate the mapping or the products have, so a 3 % or 0.25 % product gets its own ledger too. */
function withBilledRates(loaded: Loaded): Mapping {
  const missing = loaded.ratesBilled.filter((r) => !loaded.mapping.salesLedgers.some((s) => s.rate === r));
  const salesLedgers = [
    ...loaded.mapping.salesLedgers,
    ...missing.map((rate) => ({ rate, ledger: `Sales @ ${formatRate(rate)}` })),
  ].sort((a, b) => a.rate - b.rate);
  return { ...loaded.mapping, salesLedgers };
}

/** The ledger names Tally knows; the accountant types them as they appear in Tally. Ctrl+S saves. */
export function TallyMappingForm() {
  const canWrite = useSession((s) => s.can('billing.write'));
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const form = useForm<Mapping>({} as Mapping);
  const load = async () => {
    const l = await call('tally.mapping', {});
    setLoaded(l);
    form.reset(withBilledRates(l));
  };
  useEffect(() => {
    void load();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  const save = () =>
    form.submit(async (m) => {
      await call('tally.saveMapping', m);
      setLoaded((l) => l && { ...l, saved: true });
      toast.ok('Tally mapping saved');
    });
  useHotkeys({ 'ctrl+s': () => canWrite && void save() });
  if (!loaded || !form.values.salesLedgers) return null;

  return (
    <section className="card" aria-label="Tally ledgers">
      <h2>Tally ledgers</h2>
      {!loaded.saved && <p className="muted">Not saved yet: these are the usual names. Change any to match Tally.</p>}
      {form.formError && (
        <div className="form-error" role="alert">
          {form.formError}
        </div>
      )}
      <fieldset disabled={!canWrite}>
        <div className="grid">
          <TextField form={form} path="companyName" label="Company name in Tally" width="wide" autoFocus />
        </div>
        <h3>Sales ledger per GST rate</h3>
        <div className="grid">
          {form.values.salesLedgers.map((s, i) => (
            <TextField key={s.rate} form={form} path={`salesLedgers.${i}.ledger`} label={`GST ${formatRate(s.rate)}`} />
          ))}
        </div>
        <h3>Tax, round off and TDS</h3>
        <div className="grid">
          <TextField form={form} path="cgst" label="Output CGST" />
          <TextField form={form} path="sgst" label="Output SGST" />
          <TextField form={form} path="igst" label="Output IGST" />
          <TextField form={form} path="roundOff" label="Round off" />
          <TextField form={form} path="tdsReceivable" label="TDS receivable (194Q)" />
        </div>
        <h3>Receipts go to</h3>
        <div className="grid">
          <TextField form={form} path="receiptLedgers.cash" label="Cash" />
          <TextField form={form} path="receiptLedgers.cheque" label="Cheque" />
          <TextField form={form} path="receiptLedgers.upi" label="UPI" />
          <TextField form={form} path="receiptLedgers.bank" label="Bank transfer" />
        </div>
        <div className="toolbar left">
          <button className="primary" disabled={form.saving} onClick={() => void save()}>
            Save mapping (Ctrl+S)
          </button>
        </div>
      </fieldset>
      <TallyPartyNames parties={loaded.parties} canWrite={canWrite} onChange={() => void load()} />
    </section>
  );
}
