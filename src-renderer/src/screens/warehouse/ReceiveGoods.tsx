import { useRef, useState } from 'react';
import type { OutputOf } from '../../../../src-shared/contract';
import { parseMoney } from '../../../../src-shared/money';
import { parseQuantity } from '../../../../src-shared/quantity';
import { call, ApiError } from '../../api/client';
import { useDocumentKey } from '../../api/document-key';
import { Drawer } from '../../components/Drawer';
import { ProductPicker, type PickedProduct } from '../../components/ProductPicker';
import { useSession } from '../../stores/session-store';
import { toast } from '../../stores/toast-store';

interface Line {
  product: PickedProduct;
  batchNo: string;
  manufacturedOn: string;
  expiresOn: string;
  qtyText: string;
  /** rupees, landed before tax; blank: valued at the moving average (and hidden from roles without cost) */
  valueText: string;
}

/** A goods receipt: pick or scan products, enter batch, dates and quantity in any unit, post. */
export function ReceiveGoods({
  warehouses,
  onClose,
  onDone,
}: {
  warehouses: OutputOf<'warehouses.list'>;
  onClose(): void;
  onDone(): void;
}) {
  const [warehouseId, setWarehouseId] = useState(warehouses[0]?.id ?? 0);
  const [supplier, setSupplier] = useState('');
  const [reference, setReference] = useState('');
  const [lines, setLines] = useState<Line[]>([]);
  const [error, setError] = useState<ApiError | null>(null);
  const documentKey = useDocumentKey();
  const seesCost = useSession((s) => s.can('cost.read'));
  const pickerRef = useRef<HTMLInputElement>(null);
  const setLine = (i: number, patch: Partial<Line>) =>
    setLines((ls) => ls.map((l, j) => (j === i ? { ...l, ...patch } : l)));
  const post = async () => {
    const parsed = lines.map((l) => parseQuantity(l.qtyText, l.product));
    const bad = parsed.findIndex((p) => !p.ok);
    if (bad >= 0)
      return setError(
        new ApiError({
          code: 'invalid_input',
          message: `Line ${bad + 1}: ${(parsed[bad] as { error: string }).error}`,
          field: `lines.${bad}.quantity`,
        }),
      );
    const values = lines.map((l) => (seesCost && l.valueText.trim() ? parseMoney(l.valueText) : undefined));
    const badValue = values.findIndex((v) => v === null || (v !== undefined && v < 0));
    if (badValue >= 0)
      return setError(
        new ApiError({
          code: 'invalid_input',
          message: `Line ${badValue + 1}: value in rupees, e.g. 1250.00`,
          field: `lines.${badValue}.value`,
        }),
      );
    try {
      const grn = await call(
        'inventory.receive',
        {
          warehouseId,
          supplier,
          reference,
          lines: lines.map((l, i) => ({
            productId: l.product.id,
            batchNo: l.batchNo,
            manufacturedOn: l.manufacturedOn || null,
            expiresOn: l.expiresOn || null,
            quantity: (parsed[i] as { quantity: number }).quantity,
            ...(values[i] !== undefined ? { value: values[i]! } : {}),
          })),
        },
        documentKey.options,
      );
      toast.ok(`Posted ${grn.number}: ${grn.lines} lines, ${grn.quantity} units`);
      onDone();
    } catch (e) {
      setError(e as ApiError);
    }
  };
  return (
    <Drawer title="Receive goods" onClose={onClose} onSave={() => void post()}>
      {error && (
        <div className="form-error" role="alert">
          {error.field ? `${error.field}: ` : ''}
          {error.message}
        </div>
      )}
      <div className="grid">
        <div className="field">
          <label htmlFor="grn-wh">Warehouse</label>
          <select id="grn-wh" value={warehouseId} onChange={(e) => setWarehouseId(Number(e.target.value))}>
            {warehouses.map((w) => (
              <option key={w.id} value={w.id}>
                {w.code} — {w.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="grn-supplier">Supplier</label>
          <input id="grn-supplier" value={supplier} onChange={(e) => setSupplier(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="grn-ref">Supplier invoice no.</label>
          <input id="grn-ref" value={reference} onChange={(e) => setReference(e.target.value)} />
        </div>
      </div>
      <table className="lines compact receive-lines">
        <thead>
          <tr>
            <th>Product</th>
            <th>Batch</th>
            <th>Mfg</th>
            <th>Expiry</th>
            <th>Quantity</th>
            {seesCost && <th>Value (₹)</th>}
            <th />
          </tr>
        </thead>
        <tbody>
          {lines.map((l, i) => (
            <tr key={i}>
              <td>
                <strong>{l.product.sku}</strong> {l.product.name}
              </td>
              <td>
                <input
                  aria-label={`Batch of line ${i + 1}`}
                  value={l.batchNo}
                  onChange={(e) => setLine(i, { batchNo: e.target.value.toUpperCase() })}
                />
              </td>
              <td>
                <input
                  type="date"
                  aria-label={`Manufactured on, line ${i + 1}`}
                  value={l.manufacturedOn}
                  onChange={(e) => setLine(i, { manufacturedOn: e.target.value })}
                />
              </td>
              <td>
                <input
                  type="date"
                  aria-label={`Expiry of line ${i + 1}`}
                  value={l.expiresOn}
                  onChange={(e) => setLine(i, { expiresOn: e.target.value })}
                />
              </td>
              <td>
                <input
                  aria-label={`Quantity of line ${i + 1}`}
                  placeholder="e.g. 10c"
                  value={l.qtyText}
                  onChange={(e) => setLine(i, { qtyText: e.target.value })}
                />
              </td>
              {seesCost && (
                <td>
                  <input
                    aria-label={`Value of line ${i + 1}`}
                    placeholder="before tax"
                    aria-invalid={error?.field === `lines.${i}.value`}
                    value={l.valueText}
                    onChange={(e) => setLine(i, { valueText: e.target.value })}
                  />
                </td>
              )}
              <td>
                <button
                  className="ghost"
                  aria-label={`Remove line ${i + 1}`}
                  onClick={() => setLines((ls) => ls.filter((_, j) => j !== i))}
                >
                  ✕
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <ProductPicker
        ref={pickerRef}
        label="Add a product"
        onPick={(product) =>
          setLines((ls) => [
            ...ls,
            { product, batchNo: '', manufacturedOn: '', expiresOn: '', qtyText: '', valueText: '' },
          ])
        }
      />
    </Drawer>
  );
}
