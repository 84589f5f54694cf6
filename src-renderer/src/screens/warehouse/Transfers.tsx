import { businessDay } from '../../stores/business-date';
import { useEffect, useState } from 'react';
import type { OutputOf } from '../../../../src-shared/contract';
import type { StockRow } from '../../../../src-shared/contract/inventory';
import { call } from '../../api/client';
import { PdfPreview } from '../../components/PdfPreview';
import { useActionKeys, useDocumentKey } from '../../api/document-key';
import { toast } from '../../stores/toast-store';

/** Transfers between warehouses: in transit first, each received in full with one click. */
export function TransfersPanel({ canReceive }: { canReceive: boolean }) {
  const [rows, setRows] = useState<OutputOf<'inventory.transfers'>>([]);
  const [pdf, setPdf] = useState<OutputOf<'documents.deliveryChallan'> | null>(null);
  const reload = () => void call('inventory.transfers', { status: '' }).then(setRows);
  const actionKeys = useActionKeys();
  useEffect(reload, []);
  return (
    <>
      <table className="plain" aria-label="Transfers">
        <thead>
          <tr>
            <th>Transfer</th>
            <th>Challan</th>
            <th>From</th>
            <th>To</th>
            <th>Lines</th>
            <th>Units</th>
            <th>Sent</th>
            <th>Status</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {rows.map((t) => (
            <tr key={t.id}>
              <td>{t.number}</td>
              <td>
                <button
                  className="link"
                  title="Print the delivery challan"
                  onClick={() => void call('documents.deliveryChallan', { id: t.id }).then(setPdf)}
                >
                  {t.challanNumber ?? 'Challan'}
                </button>
              </td>
              <td>{t.from}</td>
              <td>{t.to}</td>
              <td>{t.lines}</td>
              <td>{t.quantity}</td>
              <td>{businessDay(t.sentAt)}</td>
              <td>
                {t.status === 'in_transit' ? 'In transit' : `Received ${t.receivedAt ? businessDay(t.receivedAt) : ''}`}
              </td>
              <td>
                {canReceive && t.status === 'in_transit' && (
                  <button
                    onClick={() =>
                      void call('inventory.receiveTransfer', { id: t.id }, actionKeys.options(`receive:${t.id}`)).then(
                        () => {
                          actionKeys.done(`receive:${t.id}`);
                          toast.ok(`${t.number} received at ${t.to}`);
                          reload();
                        },
                      )
                    }
                  >
                    Receive
                  </button>
                )}
              </td>
            </tr>
          ))}
          {rows.length === 0 && (
            <tr>
              <td colSpan={9} className="muted">
                No transfers yet. Open a batch in the stock list to send some.
              </td>
            </tr>
          )}
        </tbody>
      </table>
      {pdf && <PdfPreview pdf={pdf} onClose={() => setPdf(null)} />}
    </>
  );
}

export function SendTransfer({
  row,
  warehouses,
  onSent,
}: {
  row: StockRow;
  warehouses: OutputOf<'warehouses.list'>;
  onSent(): void;
}) {
  const others = warehouses.filter((w) => w.id !== row.warehouseId && w.active);
  const [to, setTo] = useState(others[0]?.id ?? 0);
  const [qty, setQty] = useState('');
  const [error, setError] = useState('');
  const documentKey = useDocumentKey();
  if (others.length === 0) return null;
  const send = async () => {
    try {
      const t = await call(
        'inventory.transfer',
        {
          fromWarehouseId: row.warehouseId,
          toWarehouseId: to,
          lines: [{ batchId: row.batchId, quantity: Number(qty) }],
        },
        documentKey.options,
      );
      documentKey.renew();
      toast.ok(`${t.number} sent under delivery challan ${t.challanNumber}`);
      onSent();
    } catch (e) {
      setError((e as Error).message);
    }
  };
  return (
    <div className="cancel-box">
      <h3>Send to another warehouse</h3>
      <select aria-label="Destination warehouse" value={to} onChange={(e) => setTo(Number(e.target.value))}>
        {others.map((w) => (
          <option key={w.id} value={w.id}>
            {w.code}
          </option>
        ))}
      </select>
      <input
        aria-label="Quantity to send"
        inputMode="numeric"
        placeholder={`up to ${row.available}`}
        value={qty}
        onChange={(e) => setQty(e.target.value)}
      />
      <button onClick={() => void send()}>Send</button>
      {error && (
        <div className="field-error" role="alert">
          {error}
        </div>
      )}
    </div>
  );
}
