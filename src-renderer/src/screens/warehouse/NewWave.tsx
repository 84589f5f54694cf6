import { useEffect, useState } from 'react';
import type { OutputOf } from '../../../../src-shared/contract';
import { call } from '../../api/client';
import { useDocumentKey } from '../../api/document-key';
import { useHotkeys } from '../../components/use-hotkeys';

type Ready = OutputOf<'picking.readyOrders'>[number];

/** Choose a warehouse and the orders for one walk; all ready orders are ticked to start with. */
export function NewWave({
  onClose,
  onCreated,
}: {
  onClose(): void;
  onCreated(list: OutputOf<'picking.create'>): void;
}) {
  const [warehouses, setWarehouses] = useState<OutputOf<'warehouses.list'>>([]);
  const [warehouseId, setWarehouseId] = useState<number | null>(null);
  const [ready, setReady] = useState<Ready[]>([]);
  const [chosen, setChosen] = useState<Set<number>>(new Set());
  const [error, setError] = useState('');
  const documentKey = useDocumentKey();
  useHotkeys({ escape: onClose });
  useEffect(() => {
    void call('warehouses.list', { includeInactive: false }).then((w) => {
      setWarehouses(w);
      setWarehouseId(w[0]?.id ?? null);
    });
  }, []);
  useEffect(() => {
    if (warehouseId === null) return;
    void call('picking.readyOrders', { warehouseId }).then((r) => {
      setReady(r);
      setChosen(new Set(r.map((o) => o.id)));
    });
  }, [warehouseId]);
  const create = async () => {
    try {
      onCreated(
        await call('picking.create', { warehouseId: warehouseId!, orderIds: [...chosen] }, documentKey.options),
      );
    } catch (e) {
      setError((e as Error).message);
    }
  };
  return (
    <div className="drawer-backdrop center">
      <div className="modal" role="dialog" aria-label="New pick list">
        <header>
          <h2>New pick list</h2>
        </header>
        <div className="modal-body">
          <label>
            Warehouse{' '}
            <select value={warehouseId ?? ''} onChange={(e) => setWarehouseId(Number(e.target.value))}>
              {warehouses.map((w) => (
                <option key={w.id} value={w.id}>
                  {w.code} — {w.name}
                </option>
              ))}
            </select>
          </label>
          {ready.length === 0 ? (
            <p className="muted">No confirmed orders wait for picking here.</p>
          ) : (
            <table className="plain">
              <thead>
                <tr>
                  <th />
                  <th>Order</th>
                  <th>Customer</th>
                  <th>Route</th>
                  <th>Deliver by</th>
                  <th>Lines</th>
                </tr>
              </thead>
              <tbody>
                {ready.map((o) => (
                  <tr key={o.id}>
                    <td>
                      <input
                        type="checkbox"
                        aria-label={`Include ${o.number}`}
                        checked={chosen.has(o.id)}
                        onChange={(e) => {
                          const next = new Set(chosen);
                          if (e.target.checked) next.add(o.id);
                          else next.delete(o.id);
                          setChosen(next);
                        }}
                      />
                    </td>
                    <td>{o.number}</td>
                    <td>{o.customerName}</td>
                    <td>{o.route}</td>
                    <td>{o.requiredDate ?? '—'}</td>
                    <td>{o.lines}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {error && (
            <div className="form-error" role="alert">
              {error}
            </div>
          )}
        </div>
        <footer>
          <button className="primary" disabled={chosen.size === 0} onClick={() => void create()}>
            Make pick list ({chosen.size} orders)
          </button>
          <button onClick={onClose}>Cancel</button>
        </footer>
      </div>
    </div>
  );
}
