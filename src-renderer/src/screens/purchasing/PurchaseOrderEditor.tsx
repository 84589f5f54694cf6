import { useEffect, useState } from 'react';
import type { OutputOf } from '../../../../src-shared/contract';
import { formatDocDate } from '../../../../src-shared/dates';
import { formatMoney, formatRate, parseMoney } from '../../../../src-shared/money';
import { call, type ApiError } from '../../api/client';
import { useDocumentKey } from '../../api/document-key';
import { Drawer } from '../../components/Drawer';
import { ProductPicker } from '../../components/ProductPicker';
import { useHotkeys } from '../../components/use-hotkeys';
import { useWarehouseOptions } from '../../components/use-warehouse-options';
import { toast } from '../../stores/toast-store';

type Order = OutputOf<'purchaseOrders.get'>;
interface Line {
  productId: number;
  sku: string;
  name: string;
  qtyText: string;
  /** blank: the price list's rate */
  rateText: string;
  received: number;
  why?: string;
}

const lineOf = (l: Order['lines'][number]): Line => ({
  productId: l.productId,
  sku: l.sku,
  name: l.productName,
  qtyText: String(l.quantity),
  rateText: formatMoney(l.rate, { symbol: false }),
  received: l.received,
});

/** A new or open purchase order. Alt+S fills it with the suggested order; each suggested line says why. */
export function PurchaseOrderEditor(props: { id: number | null; readOnly: boolean; onClose(): void; onSaved(): void }) {
  const warehouses = useWarehouseOptions();
  const [suppliers, setSuppliers] = useState<OutputOf<'suppliers.list'>>([]);
  const [order, setOrder] = useState<Order | null>(null);
  const [supplierId, setSupplierId] = useState(0);
  const [warehouseId, setWarehouseId] = useState(0);
  const [expectedOn, setExpectedOn] = useState('');
  const [lines, setLines] = useState<Line[]>([]);
  const [error, setError] = useState('');
  const key = useDocumentKey();
  useEffect(() => void call('suppliers.list', { includeInactive: false }).then(setSuppliers), []);
  useEffect(() => {
    if (props.id === null) return;
    void call('purchaseOrders.get', { id: props.id }).then((o) => {
      setOrder(o);
      setSupplierId(o.supplierId);
      setWarehouseId(o.warehouseId);
      setExpectedOn(o.expectedOn ?? '');
      setLines(o.lines.map(lineOf));
    });
  }, [props.id]);
  const wh = warehouseId || Number(warehouses[0]?.value ?? 0);
  const sup = supplierId || (suppliers[0]?.id ?? 0);
  const editable = !props.readOnly && (order === null || order.status === 'open');
  const setLine = (i: number, patch: Partial<Line>) =>
    setLines((ls) => ls.map((l, j) => (j === i ? { ...l, ...patch } : l)));

  const suggest = async () => {
    if (!sup || !wh) return;
    try {
      const s = await call('purchaseOrders.suggest', { supplierId: sup, warehouseId: wh });
      const wanted = s.lines.filter((l) => l.suggested > 0);
      setLines(
        s.lines.map((l) => ({
          productId: l.productId,
          sku: l.sku,
          name: l.productName,
          qtyText: String(l.suggested),
          rateText: formatMoney(l.rate, { symbol: false }),
          received: 0,
          why: l.why,
        })),
      );
      toast.ok(
        `Suggested ${wanted.length} of ${s.lines.length} products with norms (sales ${formatDocDate(s.from)} to ${formatDocDate(s.to)})`,
      );
    } catch (e) {
      setError((e as ApiError).message);
    }
  };
  useHotkeys({ 'alt+s': () => editable && void suggest() });

  const save = async () => {
    const chosen = lines.filter((l) => l.qtyText.trim() !== '' && l.qtyText.trim() !== '0');
    const bad = chosen.findIndex(
      (l) => !/^\d+$/.test(l.qtyText.trim()) || (l.rateText && parseMoney(l.rateText) === null),
    );
    if (bad >= 0) return setError(`${chosen[bad]!.sku}: quantity in whole units, rate in rupees`);
    const body = {
      expectedOn: expectedOn || null,
      lines: chosen.map((l) => ({
        productId: l.productId,
        quantity: Number(l.qtyText),
        ...(l.rateText ? { rate: parseMoney(l.rateText)! } : {}),
      })),
    };
    try {
      const saved = order
        ? await call('purchaseOrders.update', { ...body, id: order.id, version: order.version })
        : await call('purchaseOrders.create', { ...body, supplierId: sup, warehouseId: wh }, key.options);
      toast.ok(`Saved ${saved.number}: ${formatMoney(saved.amount)} before tax`);
      props.onSaved();
    } catch (e) {
      setError((e as ApiError).message);
    }
  };
  const cancel = async () => {
    const reason = window.prompt('Why is this order cancelled?');
    if (!order || !reason) return;
    await call('purchaseOrders.cancel', { id: order.id, reason }, key.options);
    toast.ok(`${order.number} cancelled`);
    props.onSaved();
  };
  return (
    <Drawer
      title={order ? `Purchase order ${order.number}` : 'New purchase order'}
      onClose={props.onClose}
      onSave={editable ? () => void save() : undefined}
    >
      {error && (
        <div className="form-error" role="alert">
          {error}
        </div>
      )}
      <div className="grid">
        <div className="field">
          <label htmlFor="po-supplier">Supplier</label>
          <select
            id="po-supplier"
            disabled={order !== null}
            value={sup}
            onChange={(e) => setSupplierId(Number(e.target.value))}
          >
            {suppliers.map((s) => (
              <option key={s.id} value={s.id}>
                {s.code} — {s.name} (lead time {s.leadTimeDays} d)
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="po-wh">Deliver to</label>
          <select
            id="po-wh"
            disabled={order !== null}
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
        <div className="field">
          <label htmlFor="po-expected">Expected on</label>
          <input id="po-expected" type="date" value={expectedOn} onChange={(e) => setExpectedOn(e.target.value)} />
        </div>
        {editable && (
          <button type="button" onClick={() => void suggest()}>
            Suggested order <kbd>Alt+S</kbd>
          </button>
        )}
      </div>
      <table className="lines compact" aria-label="Order lines">
        <thead>
          <tr>
            <th>Product</th>
            <th className="num">Quantity</th>
            <th className="num">Rate ₹</th>
            {order && <th className="num">Received</th>}
            <th>Why</th>
          </tr>
        </thead>
        <tbody>
          {lines.map((l, i) => (
            <tr key={l.productId}>
              <td>
                <strong>{l.sku}</strong> {l.name}
              </td>
              <td className="num">
                <input
                  aria-label={`Quantity of ${l.sku}`}
                  disabled={!editable}
                  value={l.qtyText}
                  onChange={(e) => setLine(i, { qtyText: e.target.value })}
                />
              </td>
              <td className="num">
                <input
                  aria-label={`Rate of ${l.sku}`}
                  disabled={!editable}
                  placeholder="price list"
                  value={l.rateText}
                  onChange={(e) => setLine(i, { rateText: e.target.value })}
                />
              </td>
              {order && <td className="num">{l.received}</td>}
              <td className="why muted">{l.why ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {editable && (
        <ProductPicker
          label="Add a product"
          onPick={(p) =>
            setLines((ls) =>
              ls.some((l) => l.productId === p.id)
                ? ls
                : [...ls, { productId: p.id, sku: p.sku, name: p.name, qtyText: '', rateText: '', received: 0 }],
            )
          }
        />
      )}
      {order && (
        <p className="muted">
          {formatMoney(order.amount)} before tax
          {order.lines.some((l) => l.discountBps) &&
            ` · discounts ${order.lines.map((l) => formatRate(l.discountBps)).join(', ')}`}
          {editable && (
            <button type="button" className="ghost" onClick={() => void cancel()}>
              Cancel this order…
            </button>
          )}
        </p>
      )}
    </Drawer>
  );
}
