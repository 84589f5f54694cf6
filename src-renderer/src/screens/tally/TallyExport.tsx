import { useState } from 'react';
import type { OutputOf } from '../../../../src-shared/contract';
import { formatMoney } from '../../../../src-shared/money';
import { call } from '../../api/client';
import { download } from '../../components/download';
import { businessToday } from '../../stores/business-date';

type Exported = OutputOf<'tally.exportVouchers'>;

/** The XML is ASCII (non-ASCII names go as &#…; references), so it can be base64'd as it is. */
const save = (filename: string, xml: string) => download({ filename, mime: 'application/xml', base64: btoa(xml) });

/** Which vouchers of which period go to Tally, and the masters to import first. */
export function TallyExport() {
  const today = businessToday();
  const [from, setFrom] = useState(`${today.slice(0, 8)}01`);
  const [to, setTo] = useState(today);
  const [kinds, setKinds] = useState({ sales: true, creditNotes: true, receipts: true });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const [last, setLast] = useState<Exported | null>(null);

  const run = async (what: 'vouchers' | 'masters') => {
    setBusy(true);
    setError('');
    try {
      if (what === 'vouchers') {
        const out = await call('tally.exportVouchers', { from, to, ...kinds });
        setLast(out);
        save(out.filename, out.xml);
      } else {
        const out = await call('tally.exportMasters', {});
        save(out.filename, out.xml);
      }
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  const kind = (key: keyof typeof kinds, label: string) => (
    <label className="check">
      <input
        type="checkbox"
        name={key}
        checked={kinds[key]}
        onChange={(e) => setKinds({ ...kinds, [key]: e.target.checked })}
      />{' '}
      {label}
    </label>
  );

  return (
    <section className="card" aria-label="Export to Tally">
      <h2>Export to Tally</h2>
      <p className="muted">
        Import the masters first (Gateway of Tally → Import → Masters), then the vouchers. Importing the same period
        again alters the vouchers in Tally instead of adding them twice.
      </p>
      {error && (
        <div className="form-error" role="alert">
          {error}
        </div>
      )}
      <div className="grid">
        <div className="field">
          <label htmlFor="tally-from">From</label>
          <input id="tally-from" name="from" type="date" value={from} onChange={(e) => setFrom(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="tally-to">To</label>
          <input id="tally-to" name="to" type="date" value={to} onChange={(e) => setTo(e.target.value)} />
        </div>
      </div>
      <div className="checks">
        {kind('sales', 'Sales invoices')}
        {kind('creditNotes', 'Credit notes')}
        {kind('receipts', 'Receipts')}
      </div>
      <div className="toolbar left">
        <button className="primary" disabled={busy} onClick={() => void run('vouchers')}>
          Export vouchers
        </button>
        <button disabled={busy} onClick={() => void run('masters')}>
          Export masters (ledgers)
        </button>
      </div>
      {last && (
        <p role="status">
          {last.filename}: {last.counts.sales} sales ({formatMoney(last.totals.sales)}), {last.counts.cancelled}{' '}
          cancelled, {last.counts.creditNotes} credit notes ({formatMoney(last.totals.creditNotes)}),{' '}
          {last.counts.receipts} receipts ({formatMoney(last.totals.receipts)}, TDS {formatMoney(last.totals.tds)}),{' '}
          {last.counts.reversals} bounced.
        </p>
      )}
    </section>
  );
}
