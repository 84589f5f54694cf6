import { useEffect, useState } from 'react';
import type { OutputOf } from '../../../../src-shared/contract';
import { formatDocDate } from '../../../../src-shared/dates';
import { call, type ApiError } from '../../api/client';
import { useDocumentKey } from '../../api/document-key';
import { useWarehouseOptions } from '../../components/use-warehouse-options';
import type { BrandReturn } from '../../../../src-shared/contract/brand-returns';

type Reason = 'expiry' | 'damage' | 'recall';
type StockRow = OutputOf<'inventory.stock'>['rows'][number];

/**
 * Goods going back to the brand, batch by batch from the warehouse's stock (nearest expiry first, which
 * is what usually goes back). Quantities are base units; Enter in a quantity posts the debit note.
 */
export function NewBrandReturn(props: {
  suppliers: OutputOf<'suppliers.list'>;
  onPosted(r: BrandReturn): void;
  onClose(): void;
}) {
  const warehouses = useWarehouseOptions();
  const [supplierId, setSupplierId] = useState(0);
  const [warehouseId, setWarehouseId] = useState(0);
  const [reason, setReason] = useState<Reason>('expiry');
  const [notes, setNotes] = useState('');
  const [search, setSearch] = useState('');
  const [stock, setStock] = useState<StockRow[]>([]);
  const [qty, setQty] = useState<Record<number, string>>({});
  const [problem, setProblem] = useState('');
  const [saving, setSaving] = useState(false);
  const key = useDocumentKey();
  const wh = warehouseId || Number(warehouses[0]?.value ?? 0);
  useEffect(() => {
    if (!wh) return;
    void call('inventory.stock', { warehouseId: wh, search, sort: 'expiry', limit: 200 }).then((r) => setStock(r.rows));
  }, [wh, search]);
  useEffect(() => setQty({}), [wh]);

  const lines = Object.entries(qty)
    .filter(([, t]) => t.trim() !== '')
    .map(([batchId, t]) => ({ batchId: Number(batchId), quantity: Number(t) }));
  const post = async () => {
    if (!supplierId) return setProblem('Choose the supplier the goods go back to');
    if (lines.length === 0) return setProblem('Type the quantity going back against at least one batch');
    const bad = lines.find((l) => !Number.isInteger(l.quantity) || l.quantity <= 0);
    if (bad) return setProblem('Quantities are whole base units, more than 0');
    setSaving(true);
    try {
      const r = await call('brandReturns.post', { supplierId, warehouseId: wh, reason, notes, lines }, key.options);
      key.renew();
      props.onPosted(r);
    } catch (e) {
      setProblem((e as ApiError).message);
    } finally {
      setSaving(false);
    }
  };

  return (
    <form
      className="card"
      aria-label="New return to the brand"
      onSubmit={(e) => {
        e.preventDefault();
        void post();
      }}
      onKeyDown={(e) => e.key === 'Escape' && props.onClose()}
    >
      <h3>New return to the brand</h3>
      <div className="grid">
        <div className="field">
          <label htmlFor="ret-supplier">Supplier</label>
          <select
            id="ret-supplier"
            autoFocus
            value={supplierId}
            onChange={(e) => setSupplierId(Number(e.target.value))}
          >
            <option value={0}>Choose the supplier…</option>
            {props.suppliers.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name} · {s.code}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="ret-warehouse">From warehouse</label>
          <select id="ret-warehouse" value={wh} onChange={(e) => setWarehouseId(Number(e.target.value))}>
            {warehouses.map((w) => (
              <option key={w.value} value={w.value}>
                {w.label}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="ret-reason">Reason</label>
          <select id="ret-reason" value={reason} onChange={(e) => setReason(e.target.value as Reason)}>
            <option value="expiry">Expired / near expiry</option>
            <option value="damage">Damaged</option>
            <option value="recall">Recalled by the brand</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor="ret-notes">Notes</label>
          <input id="ret-notes" value={notes} onChange={(e) => setNotes(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="ret-search">Find product</label>
          <input id="ret-search" value={search} onChange={(e) => setSearch(e.target.value)} placeholder="SKU or name" />
        </div>
      </div>
      <table className="lines compact" aria-label="Batches in stock">
        <thead>
          <tr>
            <th>SKU</th>
            <th>Product</th>
            <th>Batch</th>
            <th>Expires</th>
            <th className="num">On hand</th>
            <th className="num">Return</th>
          </tr>
        </thead>
        <tbody>
          {stock.map((s) => (
            <tr key={s.batchId}>
              <td>{s.sku}</td>
              <td>{s.productName}</td>
              <td>{s.batchNo}</td>
              <td className={s.daysToExpiry !== null && s.daysToExpiry < 0 ? 'bad' : ''}>
                {formatDocDate(s.expiresOn) || '—'}
              </td>
              <td className="num">
                {s.onHand} {s.baseUnit}
              </td>
              <td className="num">
                <input
                  aria-label={`Return from batch ${s.batchNo} of ${s.sku}`}
                  inputMode="numeric"
                  size={6}
                  value={qty[s.batchId] ?? ''}
                  onChange={(e) => setQty((q) => ({ ...q, [s.batchId]: e.target.value }))}
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {stock.length === 0 && <p className="muted">No stock in this warehouse{search ? ' matches' : ''}.</p>}
      {problem && (
        <div className="form-error" role="alert">
          {problem}
        </div>
      )}
      <div className="toolbar left">
        <button className="primary" type="submit" disabled={saving}>
          Post debit note ({lines.length} batch{lines.length === 1 ? '' : 'es'}) <kbd>Enter</kbd>
        </button>
        <button type="button" onClick={props.onClose}>
          Cancel (Esc)
        </button>
      </div>
    </form>
  );
}
