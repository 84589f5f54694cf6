import { useEffect, useState } from 'react';
import type { OutputOf } from '../../../../src-shared/contract';
import { formatDocDate } from '../../../../src-shared/dates';
import { formatMoney } from '../../../../src-shared/money';
import { call, type ApiError } from '../../api/client';
import { download } from '../../components/download';
import { useHotkeys } from '../../components/use-hotkeys';
import { useSession } from '../../stores/session-store';
import { toast } from '../../stores/toast-store';
import { PurchaseOrderEditor } from './PurchaseOrderEditor';
import { StockNormsPanel } from './StockNormsPanel';

type Head = OutputOf<'purchaseOrders.list'>[number];
const statusLabel = { open: 'Open', partly_received: 'Partly received', closed: 'Closed', cancelled: 'Cancelled' };

/** Indents to the brand: Alt+N opens a new one (with the suggested order), Enter opens one to send or change. */
export function PurchaseOrdersScreen() {
  const can = useSession((s) => s.can);
  const [rows, setRows] = useState<Head[]>([]);
  const [editing, setEditing] = useState<number | 'new' | null>(null);
  const reload = () => void call('purchaseOrders.list', {}).then(setRows);
  useEffect(reload, []);
  useHotkeys({ 'alt+n': () => can('purchasing.write') && setEditing('new') });
  const send = async (po: Head) => {
    try {
      if (can('purchasing.write')) await call('purchaseOrders.send', { id: po.id });
      for (const format of ['pdf', 'csv'] as const) {
        const file = await call('documents.purchaseOrder', { id: po.id, format });
        download({ ...file, mime: format === 'pdf' ? 'application/pdf' : 'text/csv' });
      }
      toast.ok(`${po.number} saved as PDF and CSV for ${po.supplierName}`);
      reload();
    } catch (e) {
      toast.error((e as ApiError).message);
    }
  };
  return (
    <section className="screen">
      <header className="screen-head">
        <h1>Purchase orders</h1>
        <div className="toolbar">
          {can('purchasing.write') && (
            <button className="primary" onClick={() => setEditing('new')}>
              New purchase order <kbd>Alt+N</kbd>
            </button>
          )}
        </div>
      </header>
      <table className="plain" aria-label="Purchase orders">
        <thead>
          <tr>
            <th>Number</th>
            <th>Date</th>
            <th>Supplier</th>
            <th>Warehouse</th>
            <th>Expected</th>
            <th className="num">Amount</th>
            <th>Status</th>
            <th>Sent</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {rows.map((po) => (
            <tr
              key={po.id}
              tabIndex={0}
              onClick={() => setEditing(po.id)}
              onKeyDown={(e) => e.key === 'Enter' && setEditing(po.id)}
            >
              <td>{po.number}</td>
              <td>{formatDocDate(po.orderDate)}</td>
              <td>{po.supplierName}</td>
              <td>{po.warehouseName}</td>
              <td>{formatDocDate(po.expectedOn) || '—'}</td>
              <td className="num">{formatMoney(po.amount)}</td>
              <td>
                <span className={`pill ${po.status === 'cancelled' ? 'blocked' : 'active'}`}>
                  {statusLabel[po.status]}
                </span>
              </td>
              <td>{po.sentAt ? 'Sent' : '—'}</td>
              <td>
                {po.status !== 'cancelled' && (
                  <button
                    className="ghost"
                    onClick={(e) => {
                      e.stopPropagation();
                      void send(po);
                    }}
                  >
                    Send (PDF + CSV)
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {rows.length === 0 && <p className="muted">No purchase orders yet (Alt+N).</p>}
      <StockNormsPanel readOnly={!can('purchasing.write')} />
      {editing !== null && (
        <PurchaseOrderEditor
          id={editing === 'new' ? null : editing}
          readOnly={!can('purchasing.write')}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            reload();
          }}
        />
      )}
    </section>
  );
}
