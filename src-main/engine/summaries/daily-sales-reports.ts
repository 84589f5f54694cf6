import type { EngineContext } from '../context';
import type { ReportFilters } from '../reports/report-types';
import { hasProductFilter, summaryFilters, summaryJoins, summaryMarginSql } from './daily-sales-read';

type Row = Record<string, number | string>;

/**
 * The line reports' rows read from `daily_sales` instead of a year of invoice lines. Each returns
 * null when the summary cannot give the same figures (the caller then reads the lines): invoices
 * are counted on one line per invoice (or per invoice and product), so a count is exact only when
 * no filter could split an invoice between rows shown and rows left out.
 */
export function salesRowsFromSummary(
  ctx: EngineContext,
  f: ReportFilters,
  g: { key: string; label: string },
  withCost: boolean,
): Row[] | null {
  const splitsInvoices = Boolean(f.warehouseId || f.clerkId);
  let invoices: string | null = null;
  if (f.groupBy === 'product' && !splitsInvoices) invoices = 's.product_invoices';
  if ((f.groupBy === 'customer' || f.groupBy === 'geography') && !splitsInvoices && !hasProductFilter(f))
    invoices = 's.invoices';
  const where = summaryFilters(f, { byLine: true });
  if (!invoices || !where) return null;
  const key = g.key.replace('c.id', 's.customer_id').replace('p.id', 's.product_id');
  const joins = summaryJoins(f, { customers: true, products: f.groupBy === 'product' });
  return ctx.ledger.sqlite
    .prepare(
      `SELECT ${g.label} AS name, sum(${invoices}) AS invoices, sum(s.billed_qty) AS units, sum(s.billed_taxable) AS taxable,
              sum(s.billed_tax) AS tax, sum(s.billed_value) AS value${withCost ? `, ${summaryMarginSql(false)}` : ''}
       FROM daily_sales s ${joins} ${where.sql} AND s.billed_qty <> 0 GROUP BY ${key} ORDER BY value DESC, ${key} LIMIT 5000`,
    )
    .all(...where.params) as Row[];
}

/** Product contribution's rows: billed paid-for (not free) units and taxable value per product. */
export function productContributionFromSummary(ctx: EngineContext, f: ReportFilters, withCost: boolean): Row[] {
  const where = summaryFilters(f, { byLine: true })!;
  return ctx.ledger.sqlite
    .prepare(
      `SELECT p.id AS productId, p.sku, p.name, p.brand, x.units, x.taxable${withCost ? ', x.cost, x.costedSales, x.unknownCost' : ''}
       FROM (SELECT s.product_id, sum(s.billed_qty - s.free_qty) AS units, sum(s.billed_taxable - s.free_taxable) AS taxable
                    ${withCost ? `, ${summaryMarginSql(true)}` : ''}
             FROM daily_sales s ${summaryJoins(f)} ${where.sql} AND s.billed_qty > s.free_qty GROUP BY s.product_id) x
       JOIN products p ON p.id = x.product_id ORDER BY x.taxable DESC, p.id LIMIT 5000`,
    )
    .all(...where.params) as Row[];
}

/**
 * Booking/billing/backlog by day from the summary: booked (order totals, not cancelled) and billed
 * (invoice totals) on the days in the period, and confirmed − cancelled − delivered line values on
 * every day up to its end (the backlog runs from the first day). Null: a product, warehouse or clerk
 * filter, where an invoice's total would have to count whole if any of its lines matched.
 */
export function backlogByDayFromSummary(ctx: EngineContext, f: ReportFilters) {
  if (hasProductFilter(f) || f.warehouseId || f.clerkId) return null;
  const where = summaryFilters({ ...f, from: '0000-00-00' }, { byLine: false })!;
  const rows = ctx.ledger.sqlite
    .prepare(
      `SELECT s.day, sum(s.booked_value) AS booked, sum(s.billed_value) AS billed,
              sum(s.confirmed_value - s.cancelled_value - s.delivered_value) AS change
       FROM daily_sales s ${summaryJoins(f)} ${where.sql} GROUP BY s.day ORDER BY s.day`,
    )
    .all(...where.params) as { day: string; booked: number; billed: number; change: number }[];
  return rows;
}
