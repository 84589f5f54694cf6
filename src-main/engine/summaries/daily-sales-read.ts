import { Where } from '../list-query';
import type { ReportFilters } from '../reports/report-types';

/**
 * The report filters on `daily_sales s` joined to customers `c` and products `p`: the same
 * conditions as reports/report-filters.ts's orderFilters, on the summary's key columns.
 * `byLine`: product filters pick summary rows (line reports). Without it, an order-level report's
 * product filter means "orders with such a line", which the summary cannot answer: null, and the
 * report reads the lines.
 */
export function summaryFilters(f: ReportFilters, options: { byLine: boolean }): Where | null {
  if (!options.byLine && hasProductFilter(f)) return null;
  return new Where()
    .add('s.day BETWEEN ? AND ?', f.from, f.to)
    .when(f.customerId, 's.customer_id = ?', f.customerId)
    .when(f.customerType, 'c.type = ?', f.customerType)
    .when(f.stateCode, 'c.bill_state_code = ?', f.stateCode)
    .when(f.city, 'c.bill_city = ? COLLATE NOCASE', f.city)
    .when(f.warehouseId, 's.warehouse_id = ?', f.warehouseId)
    .when(f.clerkId, 's.clerk_id = ?', f.clerkId)
    .when(f.productId, 's.product_id = ?', f.productId)
    .when(f.brand, 'p.brand = ?', f.brand)
    .when(f.category, 'p.category = ?', f.category);
}

export const hasProductFilter = (f: ReportFilters) => Boolean(f.productId || f.brand || f.category);

/** Joins a summary query needs for its filters (and labels): customers only when filtered on them. */
export function summaryJoins(f: ReportFilters, need: { customers?: boolean; products?: boolean } = {}): string {
  const customers = need.customers || Boolean(f.customerType || f.stateCode || f.city);
  const products = need.products || Boolean(f.brand || f.category);
  return `${customers ? 'JOIN customers c ON c.id = s.customer_id' : ''} ${products ? 'JOIN products p ON p.id = s.product_id' : ''}`;
}

/** Margin sums (report-margin.ts's marginSql) from the summary; `paidOnly` leaves free goods out. */
export function summaryMarginSql(paidOnly: boolean): string {
  const less = (x: string) => (paidOnly ? ` - s.free_${x}` : '');
  return `sum(s.billed_cost${less('cost')}) AS cost, sum(s.billed_costed_sales${less('costed_sales')}) AS costedSales,
          sum(s.billed_uncosted_lines${less('uncosted_lines')}) AS unknownCost`;
}
