import { formatMoney } from '../../../src-shared/money';
import { col, type ReportColumn, type ReportRow } from '../reports/report-types';
import { marginBps } from './margin-rules';

/**
 * The margin columns a report adds for roles with cost.read, over invoice lines aliased `il`: cost of goods,
 * the sales value before tax of the lines whose cost is known, and how many lines have no known cost.
 */
export const marginSql = (il = 'il') =>
  `coalesce(sum(${il}.cost), 0) AS cost, coalesce(sum(CASE WHEN ${il}.cost IS NOT NULL THEN ${il}.taxable END), 0) AS costedSales,
   coalesce(sum(${il}.cost IS NULL), 0) AS unknownCost`;

/**
 * Turns the raw margin sums on each row into cost, margin and margin % columns (and their totals), and says
 * how many lines were left out for want of a cost: a line without one is never counted at a 100% margin.
 */
export function addMarginColumns(
  columns: ReportColumn[],
  rows: ReportRow[],
  totals: Record<string, number | null>,
  notes: string[],
): void {
  let cost = 0;
  let sales = 0;
  let unknown = 0;
  for (const r of rows) {
    const rowCost = Number(r.cost ?? 0);
    const rowSales = Number(r.costedSales ?? 0);
    const rowUnknown = Number(r.unknownCost ?? 0);
    const known = rowSales !== 0 || rowCost !== 0;
    r.margin = known ? rowSales - rowCost : null;
    r.marginPct = known ? marginBps(rowSales - rowCost, rowSales) : null;
    if (!known) r.cost = null;
    delete r.costedSales;
    delete r.unknownCost;
    cost += rowCost;
    sales += rowSales;
    unknown += rowUnknown;
  }
  columns.push(
    col('cost', 'Cost of goods', 'money'),
    col('margin', 'Margin', 'money'),
    col('marginPct', 'Margin %', 'pct'),
  );
  totals.cost = cost;
  totals.margin = sales - cost;
  totals.marginPct = marginBps(sales - cost, sales);
  notes.push(
    `Margin is value before tax less cost of goods at moving-average cost (${formatMoney(sales - cost)} on ${formatMoney(sales)}).` +
      (unknown > 0 ? ` Cost unknown on ${unknown} lines: they are left out of margin and margin %.` : ''),
  );
}
