import { businessToday } from '../../stores/business-date';
import { useEffect, useState } from 'react';
import type { OutputOf } from '../../../../src-shared/contract';
import { formatMoney } from '../../../../src-shared/money';
import { call, ApiError } from '../../api/client';
import { useActionKeys, useDocumentKey } from '../../api/document-key';
import { PdfPreview } from '../../components/PdfPreview';
import { toast } from '../../stores/toast-store';
import { EwayBillFields, type EwayBills } from './EwayBillFields';

type Pdf = OutputOf<'documents.dispatchSheet'>;
const tripLabels = { vehicleNo: 'Vehicle no.', driver: 'Driver', transporter: 'Transporter', lrNumber: 'LR / docket', route: 'Route' } as const;

/**
 * Load delivery notes on a vehicle, print the sheet, and record what happened at each stop. Each
 * note leaves under its invoice; one worth more than the company's limit asks for its e-way bill.
 */
export function DispatchPanel({ canWrite }: { canWrite: boolean }) {
  const [pending, setPending] = useState<OutputOf<'dispatches.pending'>>([]);
  const [open, setOpen] = useState<OutputOf<'dispatches.open'>>([]);
  const [chosen, setChosen] = useState<Set<number>>(new Set());
  const [trip, setTrip] = useState({ vehicleNo: '', driver: '', transporter: '', lrNumber: '', route: '' });
  const [ewayBills, setEwayBills] = useState<EwayBills>({});
  const [error, setError] = useState<{ message: string; field: string }>({ message: '', field: '' });
  const documentKey = useDocumentKey();
  const actionKeys = useActionKeys();
  const [pdf, setPdf] = useState<Pdf | null>(null);
  const reload = () => {
    void call('dispatches.pending', {}).then(setPending);
    void call('dispatches.open', {}).then(setOpen);
  };
  useEffect(reload, []);
  const loading = pending.filter((n) => chosen.has(n.id));
  const dispatch = async () => {
    try {
      const bills = Object.fromEntries(loading.filter((n) => ewayBills[n.id]).map((n) => [String(n.id), ewayBills[n.id]!]));
      const d = await call('dispatches.create', { ...trip, deliveryNoteIds: loading.map((n) => n.id), ewayBills: bills }, documentKey.options);
      documentKey.renew();
      toast.ok(`${d.number} dispatched on ${d.vehicleNo}`);
      setChosen(new Set());
      setEwayBills({});
      setError({ message: '', field: '' });
      reload();
      setPdf(await call('documents.dispatchSheet', { id: d.id }));
    } catch (e) {
      const field = e instanceof ApiError ? (e.field ?? '') : '';
      setError({ message: (e as Error).message, field });
      document.querySelector<HTMLElement>(`[data-field="${field}"]`)?.focus();
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
      <form className="card dispatch-load" aria-label="Load a vehicle" onSubmit={(e) => { e.preventDefault(); void dispatch(); }}>
        <h2>Load a vehicle</h2>
        {pending.length === 0 ? <p className="muted">Every delivery note is on a vehicle.</p> : pending.map((n) => (
          <label key={n.id} className="check">
            <input type="checkbox" checked={chosen.has(n.id)} data-field={`deliveryNoteIds.${loading.findIndex((l) => l.id === n.id)}`}
              onChange={(e) => { const next = new Set(chosen); if (e.target.checked) next.add(n.id); else next.delete(n.id); setChosen(next); }} />
            {n.number} · {n.customerName}, {n.city} · route {n.route || '—'} · {n.packages} pkgs ·{' '}
            {n.invoiceNumber ? `${n.invoiceNumber} ${formatMoney(n.invoiceTotal ?? 0)}` : <span className="pill blocked">not invoiced</span>}
            {n.needsEwayBill && <> <span className="pill on_hold">needs e-way bill</span></>}
          </label>
        ))}
        {canWrite && pending.length > 0 && (
          <>
            <div className="grid">
              {(Object.keys(tripLabels) as (keyof typeof tripLabels)[]).map((k) => (
                <div className="field" key={k}><label htmlFor={`trip-${k}`}>{tripLabels[k]}</label>
                  <input id={`trip-${k}`} data-field={k} value={trip[k]} onChange={(e) => setTrip({ ...trip, [k]: e.target.value })} /></div>
              ))}
            </div>
            <EwayBillFields notes={loading.filter((n) => n.needsEwayBill)} value={ewayBills} onChange={setEwayBills} errorField={error.field} />
            <button className="primary" type="submit" disabled={chosen.size === 0}>Dispatch {chosen.size} note(s)</button>
          </>
        )}
        {error.message && <div className="form-error" role="alert">{error.message}</div>}
      </form>
      {open.map((d) => (
        <article key={d.id} className="card" aria-label={`Dispatch ${d.number}`}>
          <header className="detail-head"><strong>{d.number}</strong><span>{d.vehicleNo} · {d.driver}</span>
            <button onClick={() => void call('documents.dispatchSheet', { id: d.id }).then(setPdf)}>Dispatch sheet</button></header>
          {d.notes.map((n) => (
            <div key={n.deliveryNoteId} className="detail-head">
              <span>{n.number} — {n.customerName}, {n.city}{n.ewayBill ? ` · EWB ${n.ewayBill}` : ''}{n.ewayBillOverride ? ` · no e-way bill: ${n.ewayBillOverride}` : ''}</span>
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
