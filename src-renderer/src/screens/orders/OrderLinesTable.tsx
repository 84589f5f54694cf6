import { useState } from 'react';
import type { PricedLine } from '../../../../src-shared/contract/orders';
import { formatMoney, formatRate } from '../../../../src-shared/money';
import { formatQuantity, parseQuantity } from '../../../../src-shared/quantity';
import { useOrderDraft, type DraftLine } from '../../stores/order-draft-store';

function QuantityCell({ line }: { line: DraftLine }) {
  const update = useOrderDraft((s) => s.updateLine);
  const [text, setText] = useState(line.enteredAs || formatQuantity(line.quantity, line));
  const [error, setError] = useState('');
  const commit = () => {
    const parsed = parseQuantity(text, line);
    if (!parsed.ok) return setError(parsed.error);
    setError('');
    setText(parsed.text);
    if (parsed.quantity !== line.quantity) update(line.key, { quantity: parsed.quantity, enteredAs: parsed.text });
  };
  return (
    <td className="qty-cell">
      <input aria-label={`Quantity of ${line.sku}`} value={text} aria-invalid={Boolean(error)} onChange={(e) => setText(e.target.value)} onBlur={commit} onKeyDown={(e) => e.key === 'Enter' && commit()} />
      <div className="muted small">{error ? <span className="field-error">{error}</span> : `${line.quantity} ${line.baseUnit}`}</div>
    </td>
  );
}

function StockCell({ line, priced }: { line: DraftLine; priced: PricedLine | undefined }) {
  const update = useOrderDraft((s) => s.updateLine);
  if (!priced) return <td />;
  const short = priced.quantity > priced.available;
  if (!short) return <td className="stock ok" title="Free stock in this warehouse">{priced.available} free</td>;
  const value = line.shortageAction === 'other_warehouse' ? `wh:${line.warehouseId}` : line.shortageAction;
  return (
    <td className="stock short">
      <div>{priced.available} free — short {priced.quantity - priced.available}</div>
      <select
        aria-label={`If ${line.sku} is short`}
        value={value}
        onChange={(e) => {
          const v = e.target.value;
          if (v.startsWith('wh:')) update(line.key, { shortageAction: 'other_warehouse', warehouseId: Number(v.slice(3)) });
          else update(line.key, { shortageAction: v as DraftLine['shortageAction'], warehouseId: null });
        }}
      >
        <option value="backorder">Backorder the rest</option>
        <option value="reduce">Reduce to {priced.available}</option>
        {priced.otherWarehouses.map((w) => (
          <option key={w.warehouseId} value={`wh:${w.warehouseId}`}>Send from {w.code} ({w.available} free)</option>
        ))}
      </select>
    </td>
  );
}

/** The order's lines as the engine priced them: every number with its reason under it. */
export function OrderLinesTable() {
  const { lines, quote, removeLine, updateLine } = useOrderDraft();
  const priced = quote?.lines ?? [];
  const free = priced.filter((l) => l.isFree);
  return (
    <div className="lines-scroll">
    <table className="lines" aria-label="Order lines">
      <thead>
        <tr>
          <th>#</th><th>Product</th><th>Quantity</th><th className="right">Price</th><th className="right">Disc %</th><th className="right">Discount</th>
          <th className="right">Tax</th><th className="right">Total</th><th>Stock</th><th />
        </tr>
      </thead>
      <tbody>
        {lines.map((line, i) => {
          const p = priced[i];
          return (
            <tr key={line.key} data-testid="order-line">
              <td>{i + 1}</td>
              <td>
                <strong>{line.sku}</strong> {line.name}
                {p && <div className="why">{p.priceSource}</div>}
              </td>
              <QuantityCell line={line} />
              <td className="right num">{p ? formatMoney(p.unitPrice) : '…'}</td>
              <td className="right">
                <input
                  className="pct"
                  aria-label={`Extra discount % on ${line.sku}`}
                  defaultValue={line.manualDiscountBps ? String(line.manualDiscountBps / 100) : ''}
                  onBlur={(e) => {
                    const pct = Number(e.target.value || 0);
                    if (Number.isFinite(pct) && pct >= 0 && pct <= 100) updateLine(line.key, { manualDiscountBps: Math.round(pct * 100) });
                  }}
                />
              </td>
              <td className="right num">
                {p && p.discount ? formatMoney(p.discount) : '—'}
                {p?.discountNote && <div className="why">{p.discountNote}</div>}
              </td>
              <td className="right num">{p ? `${formatMoney(p.tax)}` : ''}{p && <div className="why">{formatRate(p.taxRate)}</div>}</td>
              <td className="right num strong">{p ? formatMoney(p.total) : ''}</td>
              <StockCell line={line} priced={p} />
              <td><button className="ghost" aria-label={`Remove ${line.sku}`} onClick={() => removeLine(line.key)}>✕</button></td>
            </tr>
          );
        })}
        {free.map((p) => (
          <tr key={`free-${p.lineNo}`} className="free" data-testid="free-line">
            <td>{p.lineNo}</td>
            <td><strong>{p.sku}</strong> {p.productName} <span className="pill active">FREE</span><div className="why">{p.discountNote}</div></td>
            <td>{p.quantity} {p.baseUnit}</td>
            <td className="right num">{formatMoney(p.unitPrice)}</td>
            <td />
            <td className="right num">{formatMoney(p.discount)}</td>
            <td className="right num">{formatMoney(p.tax)}</td>
            <td className="right num strong">{formatMoney(p.total)}</td>
            <td className={p.available >= p.quantity ? 'stock ok' : 'stock short'}>{p.available} free</td>
            <td />
          </tr>
        ))}
      </tbody>
    </table>
    </div>
  );
}
