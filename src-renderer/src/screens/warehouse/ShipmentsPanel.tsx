import { useEffect, useState } from 'react';
import type { OutputOf } from '../../../../src-shared/contract';
import { call } from '../../api/client';
import { toast } from '../../stores/toast-store';

type Shipment = OutputOf<'shipments.inTransit'>[number];
type Warehouse = OutputOf<'warehouses.list'>[number];

/** Primary shipments the brand has invoiced to us, on their way; receiving one records short, excess and damaged per line. */
export function ShipmentsPanel({
  warehouses,
  canReceive,
  onReceived,
}: {
  warehouses: Warehouse[];
  canReceive: boolean;
  onReceived(): void;
}) {
  const [rows, setRows] = useState<Shipment[]>([]);
  const [open, setOpen] = useState<Shipment | null>(null);
  const reload = () => void call('shipments.inTransit', {}).then(setRows);
  useEffect(reload, []);
  return (
    <div>
      {rows.length === 0 ? (
        <p className="muted">No primary shipments in transit. They arrive from HQ when sync pulls.</p>
      ) : (
        <table className="plain" aria-label="Primary shipments in transit">
          <thead>
            <tr>
              <th>Brand invoice</th>
              <th>Date</th>
              <th>Lines</th>
              <th className="num">Quantity</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {rows.map((s) => (
              <tr key={s.id}>
                <td>{s.brandInvoiceNumber}</td>
                <td>{s.invoiceDate}</td>
                <td>{s.lines.map((l) => `${l.sku} ${l.batchNo}`).join(', ')}</td>
                <td className="num">{s.totalQty}</td>
                <td>{canReceive && <button onClick={() => setOpen(s)}>Receive</button>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {open && (
        <ReceiveShipment
          shipment={open}
          warehouses={warehouses}
          onClose={() => setOpen(null)}
          onDone={() => {
            setOpen(null);
            reload();
            onReceived();
          }}
        />
      )}
    </div>
  );
}

function ReceiveShipment({
  shipment,
  warehouses,
  onClose,
  onDone,
}: {
  shipment: Shipment;
  warehouses: Warehouse[];
  onClose(): void;
  onDone(): void;
}) {
  const [warehouseId, setWarehouseId] = useState(warehouses.find((w) => w.active)?.id ?? 0);
  const [lines, setLines] = useState(shipment.lines.map((l) => ({ lineNo: l.lineNo, received: l.qty, damaged: 0 })));
  const [error, setError] = useState('');
  const set = (i: number, key: 'received' | 'damaged', value: string) =>
    setLines((ls) => ls.map((l, j) => (j === i ? { ...l, [key]: Math.max(0, Math.floor(Number(value) || 0)) } : l)));
  const receive = async () => {
    try {
      const done = await call('shipments.receive', { id: shipment.id, warehouseId, lines });
      const short = done.lines.reduce((s, l) => s + l.short, 0);
      const damaged = done.lines.reduce((s, l) => s + l.damaged, 0);
      toast.ok(
        `${shipment.brandInvoiceNumber} received as ${done.goodsReceiptNumber}${short ? `; ${short} short` : ''}${damaged ? `; ${damaged} damaged` : ''}`,
      );
      onDone();
    } catch (e) {
      setError((e as Error).message);
    }
  };
  return (
    <div className="drawer-backdrop center" onClick={onClose}>
      <div
        className="modal"
        role="dialog"
        aria-label={`Receive ${shipment.brandInvoiceNumber}`}
        onClick={(e) => e.stopPropagation()}
      >
        <header>
          <h2>Receive {shipment.brandInvoiceNumber}</h2>
        </header>
        <div className="modal-body">
          <label>
            Into warehouse{' '}
            <select aria-label="Warehouse" value={warehouseId} onChange={(e) => setWarehouseId(Number(e.target.value))}>
              {warehouses
                .filter((w) => w.active)
                .map((w) => (
                  <option key={w.id} value={w.id}>
                    {w.code}
                  </option>
                ))}
            </select>
          </label>
          <table className="plain">
            <thead>
              <tr>
                <th>Product</th>
                <th>Batch</th>
                <th>Expiry</th>
                <th className="num">Invoiced</th>
                <th>Received</th>
                <th>Damaged</th>
                <th className="num">Short / excess</th>
              </tr>
            </thead>
            <tbody>
              {shipment.lines.map((l, i) => {
                const got = lines[i]!;
                const diff = got.received - l.qty;
                return (
                  <tr key={l.lineNo}>
                    <td>
                      {l.sku} {l.productName}
                    </td>
                    <td>{l.batchNo}</td>
                    <td>{l.expiryDate}</td>
                    <td className="num">{l.qty}</td>
                    <td>
                      <input
                        aria-label={`Received line ${i + 1}`}
                        type="number"
                        min={0}
                        value={got.received}
                        onChange={(e) => set(i, 'received', e.target.value)}
                      />
                    </td>
                    <td>
                      <input
                        aria-label={`Damaged line ${i + 1}`}
                        type="number"
                        min={0}
                        value={got.damaged}
                        onChange={(e) => set(i, 'damaged', e.target.value)}
                      />
                    </td>
                    <td className="num">{diff < 0 ? `${-diff} short` : diff > 0 ? `${diff} excess` : '—'}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          {error && (
            <div className="form-error" role="alert">
              {error}
            </div>
          )}
          <div className="toolbar">
            <button onClick={onClose}>Cancel</button>
            <button className="primary" onClick={() => void receive()}>
              Receive into stock
            </button>
          </div>
        </div>
      </div>
    </div>
  );
}
