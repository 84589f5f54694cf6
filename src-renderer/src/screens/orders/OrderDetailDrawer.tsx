import { useEffect, useState } from 'react';
import { OrderShippingTerms } from './OrderShippingTerms';
import type { OutputOf } from '../../../../src-shared/contract';
import { formatMoney } from '../../../../src-shared/money';
import { call } from '../../api/client';
import { useDocumentKey } from '../../api/document-key';
import { Drawer } from '../../components/Drawer';
import { ManualBatches } from './ManualBatches';
import { useSession } from '../../stores/session-store';
import { toast } from '../../stores/toast-store';

type Detail = OutputOf<'orders.get'>;
export const statusLabel: Record<string, string> = {
  draft: 'Draft',
  pending_approval: 'Pending approval',
  confirmed: 'Confirmed',
  processing: 'Processing',
  picked: 'Picked',
  partially_delivered: 'Part delivered',
  delivered: 'Delivered',
  invoiced: 'Invoiced',
  cancelled: 'Cancelled',
};

/** One order: lines with their batches and reasons, schemes, credit at placement, and the timeline. */
export function OrderDetailDrawer({
  id,
  onClose,
  onChanged,
  onResume,
}: {
  id: number;
  onClose(): void;
  onChanged(): void;
  onResume(detail: Detail): void;
}) {
  const [order, setOrder] = useState<Detail | null>(null);
  const [reason, setReason] = useState('');
  const [error, setError] = useState('');
  const documentKey = useDocumentKey();
  const canWrite = useSession((s) => s.can('orders.write'));
  useEffect(() => {
    void call('orders.get', { id }).then(setOrder);
  }, [id]);
  if (!order) return null;
  const cancel = async () => {
    try {
      setOrder(await call('orders.cancel', { id, reason }, documentKey.options));
      toast.ok(`Order ${order.number ?? id} cancelled`);
      onChanged();
    } catch (e) {
      setError((e as Error).message);
    }
  };
  const cancellable = ['draft', 'pending_approval', 'confirmed', 'processing'].includes(order.status);
  const allocatable = ['confirmed', 'processing', 'picked', 'partially_delivered'].includes(order.status);
  const fillBackorders = async () => {
    try {
      setOrder(await call('orders.fillBackorders', { id }));
      toast.ok('Arrived stock reserved for the backorder');
      onChanged();
    } catch (e) {
      setError((e as Error).message);
    }
  };
  return (
    <Drawer
      title={`Order ${order.number ?? `draft #${order.id}`}`}
      onClose={onClose}
      footer={
        order.status === 'draft' && canWrite ? (
          <button className="primary" onClick={() => onResume(order)}>
            Open in order entry
          </button>
        ) : undefined
      }
    >
      <div className="detail-head">
        <span className={`pill status-${order.status}`}>{statusLabel[order.status]}</span>
        <span>
          {order.customerName} ({order.customerCode})
        </span>
        <span className="muted">
          {order.orderDate} · {order.warehouseCode} · {order.paymentType} · by {order.createdBy}
        </span>
        <strong className="num">{formatMoney(order.total)}</strong>
      </div>
      <table className="lines compact" aria-label="Lines">
        <thead>
          <tr>
            <th>#</th>
            <th>Product</th>
            <th className="right">Qty</th>
            <th className="right">Price</th>
            <th className="right">Total</th>
            <th>Batches</th>
          </tr>
        </thead>
        <tbody>
          {order.lines.map((l) => (
            <tr key={l.id}>
              <td>{l.lineNo}</td>
              <td>
                <strong>{l.sku}</strong> {l.productName} {l.isFree && <span className="pill active">FREE</span>}
                <div className="why">
                  {l.priceSource}
                  {l.discountNote ? ` · ${l.discountNote}` : ''}
                </div>
              </td>
              <td className="right num">
                {l.quantity}
                {l.backordered > 0 && <div className="why bad">{l.backordered} backordered</div>}
              </td>
              <td className="right num">{formatMoney(l.unitPrice)}</td>
              <td className="right num">{formatMoney(l.total)}</td>
              <td>
                {l.batches.map((b) => (
                  <div key={b.batchNo}>
                    {b.batchNo} ×{b.quantity} <span className="muted">{b.expiresOn ? `exp ${b.expiresOn}` : ''}</span>
                  </div>
                ))}
                {l.allocationNote && <div className="why">{l.allocationNote}</div>}
                {canWrite && l.allocated < l.quantity && l.allocationNote.startsWith('manual') && allocatable && (
                  <ManualBatches
                    lineId={l.id}
                    open={l.quantity - l.allocated}
                    onDone={(o) => {
                      setOrder(o);
                      onChanged();
                    }}
                  />
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {canWrite && allocatable && order.lines.some((l) => l.backordered > 0) && (
        <div className="line-actions">
          <button onClick={() => void fillBackorders()}>Reserve arrived stock for the backorder</button>
          {error && !cancellable && (
            <div className="field-error" role="alert">
              {error}
            </div>
          )}
        </div>
      )}
      {order.number && (
        <OrderShippingTerms
          orderId={order.id}
          changeable={canWrite && !['invoiced', 'cancelled'].includes(order.status)}
        />
      )}
      <h3>Timeline</h3>
      <ol className="timeline">
        {order.events.map((e, i) => (
          <li key={i}>
            <span className="muted">{e.at.replace('T', ' ').slice(0, 16)}</span> <strong>{e.userName}</strong> —{' '}
            {e.message}
          </li>
        ))}
      </ol>
      {cancellable && canWrite && (
        <div className="cancel-box">
          <h3>Cancel this order</h3>
          <input
            aria-label="Reason for cancelling"
            placeholder="Reason"
            value={reason}
            onChange={(e) => setReason(e.target.value)}
          />
          <button className="warn" onClick={() => void cancel()}>
            Cancel order
          </button>
          {error && (
            <div className="field-error" role="alert">
              {error}
            </div>
          )}
        </div>
      )}
    </Drawer>
  );
}
