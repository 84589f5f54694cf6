import { businessToday } from '../../stores/business-date';
import { useEffect, useState } from 'react';
import type { OutputOf } from '../../../../src-shared/contract';
import { call } from '../../api/client';
import { useActionKeys, useDocumentKey } from '../../api/document-key';
import { PdfPreview } from '../../components/PdfPreview';
import { toast } from '../../stores/toast-store';

type Pdf = OutputOf<'documents.dispatchSheet'>;

/** Load delivery notes on a vehicle, print the sheet, and record what happened at each stop. */
export function DispatchPanel({ canWrite }: { canWrite: boolean }) {
  const [pending, setPending] = useState<OutputOf<'dispatches.pending'>>([]);
  const [open, setOpen] = useState<OutputOf<'dispatches.open'>>([]);
  const [chosen, setChosen] = useState<Set<number>>(new Set());
  const [trip, setTrip] = useState({ vehicleNo: '', driver: '', transporter: '', lrNumber: '', route: '', ewayBill: '' });
  const [error, setError] = useState('');
  const documentKey = useDocumentKey();
  const actionKeys = useActionKeys();
  const [pdf, setPdf] = useState<Pdf | null>(null);
  const reload = () => {
    void call('dispatches.pending', {}).then(setPending);
    void call('dispatches.open', {}).then(setOpen);
  };
  useEffect(reload, []);
  const dispatch = async () => {
    try {
      const d = await call('dispatches.create', { ...trip, deliveryNoteIds: [...chosen] }, documentKey.options);
      documentKey.renew();
      toast.ok(`${d.number} dispatched on ${d.vehicleNo}`);
      setChosen(new Set());
      setError('');
      reload();
      setPdf(await call('documents.dispatchSheet', { id: d.id }));
    } catch (e) {
      setError((e as Error).message);
    }
  };
  const confirm = async (dispatchId: number, deliveryNoteId: number, outcome: 'delivered' | 'refused') => {
    try {
      const target = `${dispatchId}:${deliveryNoteId}`;
      await call('dispatches.confirmDelivery', { dispatchId, deliveryNoteId, outcome, deliveredOn: businessToday() }, actionKeys.options(target));
      actionKeys.done(target);
      reload();
    } catch (e) {
      toast.error((e as Error).message);
    }
  };
  return (
    <div className="approval-list">
      <article className="card" aria-label="Load a vehicle">
        <h2>Load a vehicle</h2>
        {pending.length === 0 ? <p className="muted">Every delivery note is on a vehicle.</p> : pending.map((n) => (
          <label key={n.id} className="check">
            <input type="checkbox" checked={chosen.has(n.id)} onChange={(e) => { const next = new Set(chosen); if (e.target.checked) next.add(n.id); else next.delete(n.id); setChosen(next); }} />
            {n.number} · {n.customerName}, {n.city} · route {n.route || '—'} · {n.packages} pkgs
          </label>
        ))}
        {canWrite && pending.length > 0 && (
          <div className="grid">
            {(['vehicleNo', 'driver', 'transporter', 'lrNumber', 'route', 'ewayBill'] as const).map((k) => (
              <div className="field" key={k}><label htmlFor={`trip-${k}`}>{{ vehicleNo: 'Vehicle no.', driver: 'Driver', transporter: 'Transporter', lrNumber: 'LR / docket', route: 'Route', ewayBill: 'E-way bill' }[k]}</label>
                <input id={`trip-${k}`} value={trip[k]} onChange={(e) => setTrip({ ...trip, [k]: e.target.value })} /></div>
            ))}
            <button className="primary" disabled={chosen.size === 0} onClick={() => void dispatch()}>Dispatch {chosen.size} note(s)</button>
          </div>
        )}
        {error && <div className="form-error" role="alert">{error}</div>}
      </article>
      {open.map((d) => (
        <article key={d.id} className="card" aria-label={`Dispatch ${d.number}`}>
          <header className="detail-head"><strong>{d.number}</strong><span>{d.vehicleNo} · {d.driver}</span>
            <button onClick={() => void call('documents.dispatchSheet', { id: d.id }).then(setPdf)}>Dispatch sheet</button></header>
          {d.notes.map((n) => (
            <div key={n.deliveryNoteId} className="detail-head">
              <span>{n.number} — {n.customerName}, {n.city}</span>
              {n.outcome === 'pending' && canWrite ? (
                <>
                  <button onClick={() => void confirm(d.id, n.deliveryNoteId, 'delivered')}>Delivered</button>
                  <button className="warn" onClick={() => void confirm(d.id, n.deliveryNoteId, 'refused')}>Refused</button>
                </>
              ) : <span className="pill active">{n.outcome.replace('_', ' ')}</span>}
            </div>
          ))}
        </article>
      ))}
      {pdf && <PdfPreview pdf={pdf} onClose={() => setPdf(null)} />}
    </div>
  );
}
