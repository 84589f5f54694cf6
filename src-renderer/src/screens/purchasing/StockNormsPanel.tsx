import { useEffect, useState } from 'react';
import type { OutputOf } from '../../../../src-shared/contract';
import { call, type ApiError } from '../../api/client';
import { ProductPicker, type PickedProduct } from '../../components/ProductPicker';
import { useWarehouseOptions } from '../../components/use-warehouse-options';
import { toast } from '../../stores/toast-store';

type Norm = OutputOf<'stockNorms.list'>[number];
interface Editing {
  productId: number;
  label: string;
  min: string;
  max: string;
  cover: string;
}
const text = (n: number | null) => (n === null ? '' : String(n));
const whole = (t: string) => (t.trim() === '' ? null : Number(t));

/**
 * Stock norms a warehouse keeps per product (base units): the suggested order fills up to max, or to
 * days of cover. Pick a product or a row, type, Enter saves; all three blank removes the norm.
 */
export function StockNormsPanel({ readOnly }: { readOnly: boolean }) {
  const warehouses = useWarehouseOptions();
  const [warehouseId, setWarehouseId] = useState(0);
  const [norms, setNorms] = useState<Norm[]>([]);
  const [editing, setEditing] = useState<Editing | null>(null);
  const [error, setError] = useState('');
  const wh = warehouseId || Number(warehouses[0]?.value ?? 0);
  const reload = () => void (wh && call('stockNorms.list', { warehouseId: wh }).then(setNorms));
  useEffect(reload, [wh]);
  const edit = (productId: number, label: string, n?: Norm) =>
    setEditing({
      productId,
      label,
      min: text(n?.minQuantity ?? null),
      max: text(n?.maxQuantity ?? null),
      cover: text(n?.coverDays ?? null),
    });
  const save = async () => {
    if (!editing) return;
    const [minQuantity, maxQuantity, coverDays] = [whole(editing.min), whole(editing.max), whole(editing.cover)];
    if ([minQuantity, maxQuantity, coverDays].some((v) => v !== null && !Number.isInteger(v)))
      return setError('Min, max and days of cover are whole numbers');
    try {
      await call('stockNorms.set', {
        warehouseId: wh,
        productId: editing.productId,
        minQuantity,
        maxQuantity,
        coverDays,
      });
      toast.ok(`Norm for ${editing.label} saved`);
      setEditing(null);
      setError('');
      reload();
    } catch (e) {
      setError((e as ApiError).message);
    }
  };
  const set = (patch: Partial<Editing>) => setEditing((e) => (e ? { ...e, ...patch } : e));
  return (
    <section className="card" aria-label="Stock norms">
      <h3>
        Stock norms <span className="muted">(base units; the suggested order tops up to max or days of cover)</span>
      </h3>
      <div className="field">
        <label htmlFor="norm-warehouse">Warehouse</label>
        <select
          id="norm-warehouse"
          style={{ maxWidth: 360 }}
          value={wh}
          onChange={(e) => setWarehouseId(Number(e.target.value))}
        >
          {warehouses.map((w) => (
            <option key={w.value} value={w.value}>
              {w.label}
            </option>
          ))}
        </select>
      </div>
      <table className="lines compact">
        <thead>
          <tr>
            <th>SKU</th>
            <th>Product</th>
            <th className="num">Min</th>
            <th className="num">Max</th>
            <th className="num">Days of cover</th>
          </tr>
        </thead>
        <tbody>
          {norms.map((n) => (
            <tr
              key={n.productId}
              tabIndex={readOnly ? undefined : 0}
              onClick={() => !readOnly && edit(n.productId, n.sku, n)}
              onKeyDown={(e) => e.key === 'Enter' && !readOnly && edit(n.productId, n.sku, n)}
            >
              <td>{n.sku}</td>
              <td>{n.productName}</td>
              <td className="num">{text(n.minQuantity) || '—'}</td>
              <td className="num">{text(n.maxQuantity) || '—'}</td>
              <td className="num">{text(n.coverDays) || '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {norms.length === 0 && <p className="muted">No norms in this warehouse yet.</p>}
      {error && (
        <div className="form-error" role="alert">
          {error}
        </div>
      )}
      {!readOnly &&
        (editing ? (
          <div
            className="grid"
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                e.preventDefault();
                void save();
              }
              if (e.key === 'Escape') {
                e.stopPropagation();
                setEditing(null);
              }
            }}
          >
            <div className="field">
              <label>Product</label>
              <strong>{editing.label}</strong>
            </div>
            <div className="field">
              <label htmlFor="norm-min">Min</label>
              <input id="norm-min" autoFocus value={editing.min} onChange={(e) => set({ min: e.target.value })} />
            </div>
            <div className="field">
              <label htmlFor="norm-max">Max</label>
              <input id="norm-max" value={editing.max} onChange={(e) => set({ max: e.target.value })} />
            </div>
            <div className="field">
              <label htmlFor="norm-cover">Days of cover</label>
              <input id="norm-cover" value={editing.cover} onChange={(e) => set({ cover: e.target.value })} />
            </div>
            <button type="button" onClick={() => void save()}>
              Save norm <kbd>Enter</kbd>
            </button>
          </div>
        ) : (
          <ProductPicker
            label="Set a norm for"
            onPick={(p: PickedProduct) =>
              edit(
                p.id,
                p.sku,
                norms.find((n) => n.productId === p.id),
              )
            }
          />
        ))}
    </section>
  );
}
