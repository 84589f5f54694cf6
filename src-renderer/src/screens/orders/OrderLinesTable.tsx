import { useState } from 'react';
import type { PricedLine } from '../../../../src-shared/contract/orders';
import { formatMoney as money, formatRate } from '../../../../src-shared/money';

// The grid's amounts are all rupees (the header says so); the sign on each would cost a column's width.
const formatMoney = (paise: number) => money(paise, { symbol: false });
import { parseDiscountPercent } from '../../../../src-shared/percent';
import { formatQuantity, parseQuantity } from '../../../../src-shared/quantity';
import { useOrderDraft, type DraftLine } from '../../stores/order-draft-store';

/** An editable cell that keeps what was typed, commits on Enter or leaving, and says why it cannot. */
function EditCell({
  label,
  initial,
  className,
  commit,
}: {
  label: string;
  initial: string;
  className: string;
  commit(text: string): string | null;
}) {
  const [text, setText] = useState(initial);
  const [error, setError] = useState('');
  const run = () => setError(commit(text) ?? '');
  return (
    <td className={`${className} ${error ? 'has-error' : ''}`}>
      <input
        aria-label={label}
        value={text}
        aria-invalid={Boolean(error)}
        title={error || undefined}
        onChange={(e) => {
          setText(e.target.value);
          setError('');
        }}
        onBlur={run}
        onKeyDown={(e) => e.key === 'Enter' && run()}
      />
      {error && (
        <div className="field-error" role="alert">
          {error}
        </div>
      )}
    </td>
  );
}

function QuantityCell({ line }: { line: DraftLine }) {
  const update = useOrderDraft((s) => s.updateLine);
  return (
    <EditCell
      label={`Quantity of ${line.sku}`}
      className="qty-cell"
      initial={line.enteredAs || formatQuantity(line.quantity, line)}
      commit={(text) => {
        const parsed = parseQuantity(text, line);
        if (!parsed.ok) return `${line.sku}: ${parsed.error}`;
        if (parsed.quantity !== line.quantity) update(line.key, { quantity: parsed.quantity, enteredAs: parsed.text });
        return null;
      }}
    />
  );
}

function DiscountCell({ line }: { line: DraftLine }) {
  const update = useOrderDraft((s) => s.updateLine);
  return (
    <EditCell
      label={`Extra discount % on ${line.sku}`}
      className="right pct-cell"
      initial={line.manualDiscountBps ? String(line.manualDiscountBps / 100) : ''}
      commit={(text) => {
        const parsed = parseDiscountPercent(text);
        if (!parsed.ok) return parsed.error;
        if (parsed.bps !== line.manualDiscountBps) update(line.key, { manualDiscountBps: parsed.bps });
        return null;
      }}
    />
  );
}

function StockCell({ line, priced }: { line: DraftLine; priced: PricedLine | undefined }) {
  const update = useOrderDraft((s) => s.updateLine);
  if (!priced) return <td />;
  const short = priced.quantity > priced.available;
  if (!short)
    return (
      <td className="stock ok" title="Free stock in this warehouse">
        {priced.available} free
      </td>
    );
  const value = line.shortageAction === 'other_warehouse' ? `wh:${line.warehouseId}` : line.shortageAction;
  return (
    <td className="stock short" title={`${priced.available} free — short ${priced.quantity - priced.available}`}>
      <select
        aria-label={`If ${line.sku} is short`}
        value={value}
        onChange={(e) => {
          const v = e.target.value;
          if (v.startsWith('wh:'))
            update(line.key, { shortageAction: 'other_warehouse', warehouseId: Number(v.slice(3)) });
          else update(line.key, { shortageAction: v as DraftLine['shortageAction'], warehouseId: null });
        }}
      >
        <option value="backorder">Short {priced.quantity - priced.available}: backorder</option>
        <option value="reduce">Reduce to {priced.available}</option>
        {priced.otherWarehouses.map((w) => (
          <option key={w.warehouseId} value={`wh:${w.warehouseId}`}>
            Send from {w.code} ({w.available} free)
          </option>
        ))}
      </select>
    </td>
  );
}

/** Why a line costs what it does: shown under the line only when asked for (Alt+P), else on hover. */
const explain = (p: PricedLine) =>
  [p.priceSource, p.discountNote, `GST ${formatRate(p.taxRate)}`].filter(Boolean).join(' · ');

/** The order's lines as the engine priced them, one dense row each; the reasons on demand. */
export function OrderLinesTable({ showWhy }: { showWhy: boolean }) {
  const { lines, quote, removeLine } = useOrderDraft();
  const priced = quote?.lines ?? [];
  const free = priced.filter((l) => l.isFree);
  // Only a role with cost.read gets margin on the quote: the mark is theirs.
  const markOf = (lineNo: number | undefined) => quote?.margin?.lines.find((m) => m.lineNo === lineNo);
  return (
    <div className="lines-scroll">
      <table className="lines dense" aria-label="Order lines">
        <colgroup>
          <col className="c-no" />
          <col className="c-product" />
          <col className="c-qty" />
          <col className="c-money" />
          <col className="c-pct" />
          <col className="c-money" />
          <col className="c-money" />
          <col className="c-total" />
          <col className="c-stock" />
          <col className="c-x" />
        </colgroup>
        <thead>
          <tr>
            <th>#</th>
            <th>Product</th>
            <th>Quantity</th>
            <th className="right">Price ₹</th>
            <th className="right">Disc %</th>
            <th className="right">Disc ₹</th>
            <th className="right">GST ₹</th>
            <th className="right">Total ₹</th>
            <th>Stock</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {lines.map((line, i) => {
            const p = priced[i];
            const mark = markOf(p?.lineNo);
            return (
              <tr
                key={line.key}
                data-testid="order-line"
                className={mark?.belowCost ? 'below-cost' : undefined}
                title={p ? explain(p) : undefined}
              >
                <td>{i + 1}</td>
                <td className="product">
                  <div className="clip">
                    {mark?.belowCost && p && (
                      <span
                        className="pill blocked"
                        data-testid="below-cost"
                        title={`Cost ${money(mark.cost!)}; sells at ${money(p.taxable)} before tax`}
                      >
                        BELOW COST
                      </span>
                    )}{' '}
                    <strong>{line.sku}</strong> {line.name}
                  </div>
                  {showWhy && p && (
                    <div className="why" data-testid="price-source">
                      {explain(p)}
                    </div>
                  )}
                </td>
                <QuantityCell line={line} />
                <td className="right num" title={p?.priceSource}>
                  {p ? formatMoney(p.unitPrice) : '…'}
                </td>
                <DiscountCell line={line} />
                <td className="right num" title={p?.discountNote || undefined}>
                  {p && p.discount ? formatMoney(p.discount) : '—'}
                </td>
                <td className="right num" title={p ? `GST ${formatRate(p.taxRate)}` : undefined}>
                  {p ? formatMoney(p.tax) : ''}
                </td>
                <td className="right num strong">{p ? formatMoney(p.total) : ''}</td>
                <StockCell line={line} priced={p} />
                <td>
                  <button className="ghost" aria-label={`Remove ${line.sku}`} onClick={() => removeLine(line.key)}>
                    ✕
                  </button>
                </td>
              </tr>
            );
          })}
          {free.map((p) => (
            <tr key={`free-${p.lineNo}`} className="free" data-testid="free-line" title={p.discountNote}>
              <td>{p.lineNo}</td>
              <td className="product">
                <div className="clip">
                  <span className="pill active">FREE</span> <strong>{p.sku}</strong> {p.productName}
                </div>
                {showWhy && <div className="why">{p.discountNote}</div>}
              </td>
              <td>
                {p.quantity} {p.baseUnit}
              </td>
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
