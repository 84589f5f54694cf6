import { useEffect, useState } from 'react';
import type { OutputOf } from '../../../../src-shared/contract';
import { formatMoney } from '../../../../src-shared/money';
import { call } from '../../api/client';
import { downloadText } from '../../components/download';
import { toast } from '../../stores/toast-store';

type Due = OutputOf<'einvoice.due'>;
type Refused = OutputOf<'einvoice.exportBulk'>['refused'];
type Results = OutputOf<'einvoice.importResponse'>['results'];

const keyOf = (d: { type: string; id: number }) => `${d.type}:${d.id}`;

/**
 * The e-invoice desk: documents due for an IRN (with the IRP's errors when it refused one), ticked and downloaded as
 * one bulk JSON for the IRP, and the IRP's answer pasted back in.
 */
export function EinvoicePanel({ canBill }: { canBill: boolean }) {
  const [due, setDue] = useState<Due | null>(null);
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const [refused, setRefused] = useState<Refused>([]);
  const [response, setResponse] = useState('');
  const [results, setResults] = useState<Results>([]);
  const [error, setError] = useState('');
  const [refresh, setRefresh] = useState(0);
  useEffect(() => {
    void call('einvoice.due', {}).then((d) => {
      setDue(d);
      setChosen(new Set(d.documents.map(keyOf)));
    });
  }, [refresh]);
  if (!due) return null;
  if (!due.appliesFrom)
    return <p className="muted">E-invoicing is off: set the date it applies from under Settings → Company.</p>;

  const toggle = (key: string) => {
    const next = new Set(chosen);
    if (next.has(key)) next.delete(key);
    else next.add(key);
    setChosen(next);
  };
  const exportChosen = async () => {
    const documents = due.documents.filter((d) => chosen.has(keyOf(d))).map((d) => ({ type: d.type, id: d.id }));
    try {
      const file = await call('einvoice.exportBulk', { documents });
      setRefused(file.refused);
      if (file.count > 0) downloadText({ filename: file.filename, mime: 'application/json', text: file.content });
      toast.ok(`${file.count} document${file.count === 1 ? '' : 's'} in ${file.filename}`);
    } catch (e) {
      setError((e as Error).message);
    }
  };
  const importResponse = async () => {
    try {
      const imported = await call('einvoice.importResponse', { response });
      setResults(imported.results);
      setResponse('');
      setError('');
      setRefresh((n) => n + 1);
    } catch (e) {
      setError((e as Error).message);
    }
  };
  return (
    <div className="stack">
      <h2>
        {due.count} document{due.count === 1 ? '' : 's'} due for an IRN{' '}
        <span className="muted">(B2B, from {due.appliesFrom})</span>
      </h2>
      {error && (
        <div className="form-error" role="alert">
          {error}
        </div>
      )}
      {due.count > 0 && (
        <table className="plain" aria-label="Due for an IRN">
          <thead>
            <tr>
              <th />
              <th>Document</th>
              <th>Date</th>
              <th>Customer</th>
              <th className="right">Total</th>
              <th>IRP errors</th>
            </tr>
          </thead>
          <tbody>
            {due.documents.map((d) => (
              <tr key={keyOf(d)}>
                <td>
                  <input
                    type="checkbox"
                    aria-label={`Include ${d.number}`}
                    checked={chosen.has(keyOf(d))}
                    onChange={() => toggle(keyOf(d))}
                  />
                </td>
                <td>{d.number}</td>
                <td>{d.date}</td>
                <td>{d.customerName}</td>
                <td className="right num">{formatMoney(d.total)}</td>
                <td className="bad">{d.errors.map((e) => `${e.code} ${e.message}`).join('; ')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <div className="toolbar left">
        <button type="button" disabled={chosen.size === 0} onClick={() => void exportChosen()}>
          Download JSON ({chosen.size})
        </button>
      </div>
      {refused.length > 0 && (
        <ul className="form-error" aria-label="Not exported">
          {refused.map((r) => (
            <li key={keyOf(r)}>{r.message}</li>
          ))}
        </ul>
      )}
      {canBill && (
        <section className="card" aria-label="Import IRP response">
          <h2>Import IRP response</h2>
          <label htmlFor="irp-response">Paste the IRP's JSON (one answer or a list)</label>
          <textarea id="irp-response" rows={6} value={response} onChange={(e) => setResponse(e.target.value)} />
          <button type="button" disabled={!response.trim()} onClick={() => void importResponse()}>
            Import
          </button>
          {results.length > 0 && (
            <ul aria-label="Imported">
              {results.map((r) => (
                <li key={keyOf(r)}>
                  {r.number}: {r.outcome === 'refused' ? `refused — ${r.errors.map((e) => e.message).join('; ')}` : ''}
                  {r.outcome !== 'refused' ? `${r.outcome}, IRN ${r.irn} (Ack ${r.ackNo}, ${r.ackDate})` : ''}
                </li>
              ))}
            </ul>
          )}
        </section>
      )}
    </div>
  );
}
