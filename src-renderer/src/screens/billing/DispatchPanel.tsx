import { businessToday } from '../../stores/business-date';
import { useEffect, useState } from 'react';
import type { OutputOf } from '../../../../src-shared/contract';
import { call } from '../../api/client';
import { useActionKeys } from '../../api/document-key';
import { PdfPreview } from '../../components/PdfPreview';
import { toast } from '../../stores/toast-store';
import { DispatchBoard } from './DispatchBoard';
import { downloadEwayBills, EwayBillImport } from './EwayBillFile';

type Pdf = OutputOf<'documents.dispatchSheet'>;

/** Load delivery notes on a vehicle (the board), print the sheet, and record what happened at each stop. */
export function DispatchPanel({ canWrite }: { canWrite: boolean }) {
  const [open, setOpen] = useState<OutputOf<'dispatches.open'>>([]);
  const actionKeys = useActionKeys();
  const [pdf, setPdf] = useState<Pdf | null>(null);
  const [imported, setImported] = useState(0);
  const reload = () => void call('dispatches.open', {}).then(setOpen);
  useEffect(reload, []);
  const dispatched = async (id: number) => {
    reload();
    setPdf(await call('documents.dispatchSheet', { id }));
  };
  const confirm = async (dispatchId: number, deliveryNoteId: number, outcome: 'delivered' | 'refused') => {
    try {
      const target = `${dispatchId}:${deliveryNoteId}`;
      await call(
        'dispatches.confirmDelivery',
        { dispatchId, deliveryNoteId, outcome, deliveredOn: businessToday() },
        actionKeys.options(target),
      );
      actionKeys.done(target);
      reload();
    } catch (e) {
      toast.error((e as Error).message);
    }
  };
  return (
    <div className="approval-list">
      <DispatchBoard canWrite={canWrite} onDispatched={(id) => void dispatched(id)} refreshKey={imported} />
      {canWrite && (
        <EwayBillImport
          onImported={() => {
            setImported((n) => n + 1);
            reload();
          }}
        />
      )}
      {open.map((d) => (
        <article key={d.id} className="card" aria-label={`Dispatch ${d.number}`}>
          <header className="detail-head">
            <strong>{d.number}</strong>
            <span>
              {d.vehicleNo} · {d.driver}
            </span>
            <button onClick={() => void call('documents.dispatchSheet', { id: d.id }).then(setPdf)}>
              Dispatch sheet
            </button>
            {canWrite && (
              <button
                onClick={() => void downloadEwayBills({ dispatchId: d.id }).catch((e: Error) => toast.error(e.message))}
              >
                E-way bill JSON
              </button>
            )}
          </header>
          {d.notes.map((n) => (
            <div key={n.deliveryNoteId} className="detail-head">
              <span>
                {n.number} — {n.customerName}, {n.city}
                {n.ewayBill ? ` · EWB ${n.ewayBill}` : ''}
                {n.ewayBillOverride ? ` · no e-way bill: ${n.ewayBillOverride}` : ''}
              </span>
              {n.outcome === 'pending' && canWrite ? (
                <>
                  <button onClick={() => void confirm(d.id, n.deliveryNoteId, 'delivered')}>Delivered</button>
                  <button className="warn" onClick={() => void confirm(d.id, n.deliveryNoteId, 'refused')}>
                    Refused
                  </button>
                </>
              ) : (
                <span className="pill active">{n.outcome.replace('_', ' ')}</span>
              )}
            </div>
          ))}
        </article>
      ))}
      {pdf && <PdfPreview pdf={pdf} onClose={() => setPdf(null)} />}
    </div>
  );
}
