import type { EngineContext } from '../context';
import { Where } from '../list-query';
import type { ReportFilters } from '../reports/report-types';
import type { Measure } from './daily-sales-sql';
import { hasProductFilter, summaryMarginSql } from './daily-sales-read';
import { rollupDays, rollupRange, type RollupMeasure } from './sales-rollups-read';

type Row = Record<string, number | string>;

/**
 * The sales reports from `sales_rollups` (a row per customer or product per month, plus the days at
 * the range's ends), when the filters are ones the rollup keeps: a customer rollup knows nothing of
 * products, a product rollup nothing of customers, neither of warehouses or clerks. Null otherwise,
 * and the caller reads daily_sales (daily-sales-reports.ts), which reads the lines when it must.
 */
const hasCustomerFilter = (f: ReportFilters) => Boolean(f.customerId || f.customerType || f.stateCode || f.city);
const splitsByPlaceOrClerk = (f: ReportFilters) => Boolean(f.warehouseId || f.clerkId);

const BILLED: Measure[] = ['billed_qty', 'billed_taxable', 'billed_tax', 'billed_value'];
const MARGIN: Measure[] = ['billed_cost', 'billed_costed_sales', 'billed_uncosted_lines'];

/** Customer filters on `s` (customer rollup) joined to customers `c`. */
const customerWhere = (f: ReportFilters) =>
  new Where()
    .when(f.customerId, 's.key_id = ?', f.customerId)
    .when(f.customerType, 'c.type = ?', f.customerType)
    .when(f.stateCode, 'c.bill_state_code = ?', f.stateCode)
    .when(f.city, 'c.bill_city = ? COLLATE NOCASE', f.city);

/** Product filters on `s` (product rollup) joined to products `p`. */
const productWhere = (f: ReportFilters) =>
  new Where()
    .when(f.productId, 's.key_id = ?', f.productId)
    .when(f.brand, 'p.brand = ?', f.brand)
    .when(f.category, 'p.category = ?', f.category);

/** Sales performance by customer, city or product. */
export function salesRowsFromRollups(
  ctx: EngineContext,
  f: ReportFilters,
  g: { key: string; label: string },
  withCost: boolean,
): Row[] | null {
  if (splitsByPlaceOrClerk(f)) return null;
  const byCustomer = (f.groupBy === 'customer' || f.groupBy === 'geography') && !hasProductFilter(f);
  const byProduct = f.groupBy === 'product' && !hasCustomerFilter(f);
  if (!byCustomer && !byProduct) return null;
  const invoices: Measure = byCustomer ? 'invoices' : 'product_invoices';
  const range = rollupRange(
    byCustomer ? 'customer' : 'product',
    f.from,
    f.to,
    [invoices, ...BILLED, ...(withCost ? MARGIN : [])],
    rollupDays(ctx.ledger.sqlite),
  );
  const where = byCustomer ? customerWhere(f) : productWhere(f);
  const join = byCustomer ? 'JOIN customers c ON c.id = s.key_id' : 'JOIN products p ON p.id = s.key_id';
  const key = g.key.replace('c.id', 's.key_id').replace('p.id', 's.key_id');
  const sums = (x: string) =>
    `sum(${x}invoices) AS invoices, sum(${x}billed_qty) AS billed_qty, sum(${x}billed_taxable) AS billed_taxable,
     sum(${x}billed_tax) AS billed_tax, sum(${x}billed_value) AS billed_value
     ${withCost ? MARGIN.map((m) => `, sum(${x}${m}) AS ${m}`).join('') : ''}`;
  // Summed per customer (product) first, then labelled: a join per key, not per rollup row.
  return ctx.ledger.sqlite
    .prepare(
      `SELECT ${g.label} AS name, sum(s.invoices) AS invoices, sum(s.billed_qty) AS units, sum(s.billed_taxable) AS taxable,
              sum(s.billed_tax) AS tax, sum(s.billed_value) AS value${withCost ? `, ${summaryMarginSql(false)}` : ''}
       FROM (SELECT r.key_id, ${sums('r.').replace('r.invoices', `r.${invoices}`)} FROM ${range.sql} r GROUP BY r.key_id) s
         ${join} ${where.sql}
       GROUP BY ${key} HAVING sum(s.billed_qty) <> 0 ORDER BY value DESC, ${key} LIMIT 5000`,
    )
    .all(...range.params, ...where.params) as Row[];
}

/** Product contribution: billed paid-for (not free) units and taxable value per product. */
export function productContributionFromRollups(ctx: EngineContext, f: ReportFilters, withCost: boolean): Row[] | null {
  if (splitsByPlaceOrClerk(f) || hasCustomerFilter(f)) return null;
  // Billed less its free part per row, so the GROUP BY sorts five numbers a row, not twelve (50k products × pieces).
  const paid = (m: string, as: string) => ({ as, sql: `billed_${m} - free_${m}` });
  const range = rollupRange(
    'product',
    f.from,
    f.to,
    [
      paid('qty', 'units'),
      paid('taxable', 'taxable'),
      ...(withCost ? [paid('cost', 'cost'), paid('costed_sales', 'costed'), paid('uncosted_lines', 'uncosted')] : []),
    ],
    rollupDays(ctx.ledger.sqlite),
  );
  const where = productWhere(f);
  const join = f.brand || f.category ? 'JOIN products p ON p.id = s.key_id' : '';
  const margin = ', sum(s.cost) AS cost, sum(s.costed) AS costedSales, sum(s.uncosted) AS unknownCost';
  // The largest 5,000 picked on the sums alone, then named: not 50k rows sorted with their names.
  return ctx.ledger.sqlite
    .prepare(
      `SELECT p.id AS productId, p.sku, p.name, p.brand, x.units, x.taxable${withCost ? ', x.cost, x.costedSales, x.unknownCost' : ''}
       FROM (SELECT s.key_id AS product_id, sum(s.units) AS units, sum(s.taxable) AS taxable${withCost ? margin : ''}
             FROM ${range.sql} s ${join} ${where.sql} GROUP BY s.key_id HAVING sum(s.units) > 0
             ORDER BY taxable DESC, s.key_id LIMIT 5000) x
       JOIN products p ON p.id = x.product_id ORDER BY x.taxable DESC, p.id`,
    )
    .all(...range.params, ...where.params) as Row[];
}

/**
 * Per customer over the period, for customer performance: booked, billed, the margin sums and the payments
 * received, as a subquery `m` with `m.customer_id`. Its params come before any later positional ones.
 */
export function customerFiguresFromRollups(ctx: EngineContext, f: ReportFilters): { sql: string; params: string[] } {
  const measures: RollupMeasure[] = ['booked_value', 'billed_value', ...MARGIN, 'received'];
  const range = rollupRange('customer', f.from, f.to, measures, rollupDays(ctx.ledger.sqlite));
  return {
    sql: `(SELECT s.key_id AS customer_id, sum(s.booked_value) AS booked, sum(s.billed_value) AS billed,
             sum(s.received) AS received, ${summaryMarginSql(false)} FROM ${range.sql} s GROUP BY s.key_id)`,
    params: range.params,
  };
}

/**
 * Booking/billing/backlog by day for the whole business (no filter at all): the 'all' rollup's day
 * rows from the first day (the backlog is a running sum). Null when any filter is set.
 */
export function backlogByDayFromRollups(ctx: EngineContext, f: ReportFilters) {
  if (hasCustomerFilter(f) || hasProductFilter(f) || splitsByPlaceOrClerk(f)) return null;
  // Orders confirmed or cancelled since the last fold are still in the pending rows (pending-rollups.ts).
  return ctx.ledger.sqlite
    .prepare(
      `SELECT day, sum(booked) AS booked, sum(billed) AS billed, sum(change) AS change FROM (
         SELECT period AS day, booked_value AS booked, billed_value AS billed,
                confirmed_value - cancelled_value - delivered_value AS change
         FROM sales_rollups WHERE dimension = 'all' AND grain = 'day' AND period <= @to
         UNION ALL
         SELECT day, booked_value, 0, confirmed_value - cancelled_value FROM sales_rollups_pending WHERE day <= @to)
       GROUP BY day ORDER BY day`,
    )
    .all({ to: f.to }) as { day: string; booked: number; billed: number; change: number }[];
}
