import type { InvoiceMargin as Margin } from '../../../../src-shared/contract/margin';
import { formatMoney, formatRate } from '../../../../src-shared/money';

/** formatRate loses the sign of a margin between 0 and −1%; a loss must read as one. */
export const marginPct = (bps: number | null) =>
  bps === null ? '—' : `${bps < 0 ? '−' : ''}${formatRate(Math.abs(bps))}`;

/** A line's margin, or why there is none: never a 100% margin for a line whose cost is unknown. */
export function lineMarginText(margin: Margin, lineId: number): string {
  const line = margin.lines.find((l) => l.id === lineId);
  return line?.margin === null || line === undefined ? 'cost unknown' : formatMoney(line.margin);
}

/** What the bill earns, as billed and after its credit notes; only roles with cost.read receive these figures. */
export function InvoiceMarginSummary({ margin }: { margin: Margin }) {
  const changed = margin.afterCredits.sales !== margin.sales || margin.afterCredits.cost !== margin.cost;
  return (
    <p className="muted" data-testid="invoice-margin">
      Cost of goods {formatMoney(margin.cost)} · margin <strong>{formatMoney(margin.margin)}</strong> (
      {marginPct(margin.marginBps)})
      {changed &&
        ` · after credit notes ${formatMoney(margin.afterCredits.margin)} (${marginPct(margin.afterCredits.marginBps)})`}
      {margin.unknownLines > 0 && ` · cost unknown on ${margin.unknownLines} lines, left out`}
    </p>
  );
}
