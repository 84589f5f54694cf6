import type { EngineContext } from '../context';
import { Where } from '../list-query';
import type { ReportFilters } from '../reports/report-types';
import { addDays, daysBetween, lastOfMonth, monthAfter } from '../../../src-shared/dates';
import { widened, type RollupDays } from './sales-rollups-read';

/**
 * The year's order reports from the order summaries (order-summaries.ts) instead of the year's orders.
 * Each returns null when a filter asks what its summary does not keep (the report then reads the orders).
 */

const byOrderOrLine = (f: ReportFilters) => !!(f.warehouseId || f.clerkId || f.productId || f.brand || f.category);
const byCustomer = (f: ReportFilters) => !!(f.customerId || f.customerType || f.stateCode || f.city);

export const STATUS_ORDER =
  "CASE status WHEN 'draft' THEN 0 WHEN 'pending_approval' THEN 1 WHEN 'confirmed' THEN 2 WHEN 'processing' THEN 3 WHEN 'picked' THEN 4 WHEN 'partially_delivered' THEN 5 WHEN 'delivered' THEN 6 WHEN 'invoiced' THEN 7 ELSE 8 END";

/** Orders and value per status from the day-and-status rows; any filter reads the orders. */
export function orderSummaryFromDays(ctx: EngineContext, f: ReportFilters) {
  if (byOrderOrLine(f) || byCustomer(f)) return null;
  return ctx.ledger.sqlite
    .prepare(
      `SELECT status, sum(orders) AS orders, sum(value) AS value FROM order_day_statuses
       WHERE order_date BETWEEN ? AND ? GROUP BY status HAVING sum(orders) > 0 ORDER BY ${STATUS_ORDER}, status`,
    )
    .all(f.from, f.to) as { status: string; orders: number; value: number }[];
}

const daysIn = (first: string, last: string) => daysBetween(first, last) + 1;

/** Where a period's customer figures come from: month rows, and days of orders added or taken away. */
export interface MonthPlan {
  months: [string, string] | null;
  addDays: [string, string][];
  takeDays: [string, string][];
  /** the days of a month read whole but ending after the period: its last order may be past `to` */
  lastBefore: { lo: string; hi: string; after: [string, string] } | null;
}

/**
 * A month the period covers wholly is its row; one it covers more than half of is its row less the days
 * outside (a year to today takes away days that have not come yet, which cost nothing); one it covers less
 * is its days. Months read are one run, so the rows are one seek per customer.
 */
export function planMonths(from: string, to: string): MonthPlan {
  const plan: MonthPlan = { months: null, addDays: [], takeDays: [], lastBefore: null };
  const read: string[] = [];
  for (let month = from.slice(0, 7); month <= to.slice(0, 7); month = monthAfter(month)) {
    const first = `${month}-01`;
    const last = lastOfMonth(month);
    const lo = from > first ? from : first;
    const hi = to < last ? to : last;
    if (lo === first && hi === last) read.push(month);
    else if (daysIn(lo, hi) * 2 > daysIn(first, last)) {
      read.push(month);
      if (lo > first) plan.takeDays.push([first, addDays(lo, -1)]);
      if (hi < last) {
        plan.takeDays.push([addDays(hi, 1), last]);
        plan.lastBefore = { lo, hi, after: [addDays(hi, 1), last] };
      }
    } else plan.addDays.push([lo, hi]);
  }
  if (read.length) plan.months = [read[0]!, read[read.length - 1]!];
  // Months read must be one run: a day-read month between two read months cannot happen (only the ends are partial).
  return plan;
}

const endsSql = (sign: '' | '-', last: string) =>
  `SELECT customer_id, ${sign}count(*), ${sign}sum(status = 'cancelled'),
          ${sign}sum(CASE WHEN status = 'cancelled' THEN 0 ELSE total END), ${last}
   FROM orders INDEXED BY orders_date_customer_idx WHERE order_date BETWEEN ? AND ? AND status <> 'draft'
   GROUP BY customer_id`;

/**
 * The period stretched over the days before the first order and after the last (none of them has an order, so the
 * figures are the same) to whole months: a year to today from before the first order reads month rows, not the
 * first days' orders. Two seeks (min and max in one SELECT would scan the index).
 */
function stretched(ctx: EngineContext, f: ReportFilters): { from: string; to: string } {
  const days = ctx.ledger.sqlite
    .prepare(
      `SELECT (SELECT min(order_date) FROM orders INDEXED BY orders_date_customer_idx) AS first,
              (SELECT max(order_date) FROM orders INDEXED BY orders_date_customer_idx) AS last`,
    )
    .get() as RollupDays;
  const [from, to] = widened(f.from, f.to, days, 'month');
  return { from, to };
}

/**
 * Per customer: orders that are not drafts, cancelled, value not cancelled, last order. By customer type or
 * place only: one customer's orders are cheaper read from orders_customer_idx, the rest from the orders.
 */
export function customerOrdersFromMonths(ctx: EngineContext, f: ReportFilters) {
  if (byOrderOrLine(f) || f.customerId) return null;
  f = { ...f, ...stretched(ctx, f) };
  const plan = planMonths(f.from, f.to);
  const parts: string[] = [];
  const params: unknown[] = [];
  const where = new Where()
    .when(f.customerType, 'c.type = ?', f.customerType)
    .when(f.stateCode, 'c.bill_state_code = ?', f.stateCode)
    .when(f.city, 'c.bill_city = ? COLLATE NOCASE', f.city);
  if (plan.months) {
    // A month read whole but only partly in the period keeps its last order only when that is in the period.
    parts.push(`SELECT m.customer_id, sum(m.orders), sum(m.cancelled), sum(m.value),
                       max(CASE WHEN m.last_order BETWEEN ? AND ? THEN m.last_order END)
                FROM customers c CROSS JOIN customer_order_months m ON m.customer_id = c.id AND m.month BETWEEN ? AND ?
                ${where.sql} GROUP BY c.id`);
    params.push(f.from, f.to, ...plan.months, ...where.params);
  }
  for (const [lo, hi] of plan.takeDays) {
    parts.push(endsSql('-', 'NULL'));
    params.push(lo, hi);
  }
  for (const [lo, hi] of plan.addDays) {
    parts.push(endsSql('', 'max(order_date)'));
    params.push(lo, hi);
  }
  if (plan.lastBefore) {
    // Customers who ordered after `to` in the last month: their last order up to `to` in it, from their orders.
    parts.push(`SELECT o.customer_id, 0, 0, 0, max(o.order_date) FROM orders o INDEXED BY orders_customer_idx
                WHERE o.customer_id IN (SELECT customer_id FROM orders INDEXED BY orders_date_customer_idx
                                        WHERE order_date BETWEEN ? AND ? AND status <> 'draft')
                  AND o.order_date BETWEEN ? AND ? AND o.status <> 'draft' GROUP BY o.customer_id`);
    params.push(...plan.lastBefore.after, plan.lastBefore.lo, plan.lastBefore.hi);
  }
  return ctx.ledger.sqlite
    .prepare(
      `WITH parts(customer_id, orders, cancelled, value, last_order) AS (${parts.join(' UNION ALL ')})
       SELECT c.id AS customerId, c.code, c.name, c.bill_city AS city, sum(m.orders) AS orders,
              sum(m.cancelled) AS cancelled, sum(m.value) AS value, max(m.last_order) AS lastOrder
       FROM parts m JOIN customers c ON c.id = m.customer_id ${where.sql}
       GROUP BY c.id HAVING sum(m.orders) > 0 ORDER BY value DESC, c.id LIMIT 5000`,
    )
    .all(...params, ...where.params) as Record<string, number | string>[];
}

export type SchemeRow = {
  schemeId: number;
  scheme: string;
  orders: number;
  benefit: number;
  orderValue: number;
  freeGoods: number;
  avgWith?: number;
  lift?: number;
};

/** Per scheme, and the orders without any, from the day-and-scheme rows; any filter reads the orders. */
export function schemesFromDays(ctx: EngineContext, f: ReportFilters) {
  if (byOrderOrLine(f) || byCustomer(f)) return null;
  const { sqlite } = ctx.ledger;
  const rows = sqlite
    .prepare(
      `SELECT scheme_id AS schemeId, max(CASE WHEN orders > 0 THEN name END) AS scheme, sum(orders) AS orders,
              sum(benefit) AS benefit, sum(order_value) AS orderValue, sum(free_goods) AS freeGoods
       FROM scheme_days WHERE order_date BETWEEN ? AND ? AND scheme_id <> 0
       GROUP BY scheme_id HAVING sum(orders) > 0 ORDER BY benefit DESC, scheme_id`,
    )
    .all(f.from, f.to) as SchemeRow[];
  const without = sqlite
    .prepare(
      `SELECT coalesce(sum(orders), 0) AS n, coalesce(sum(order_value), 0) AS v FROM scheme_days
       WHERE order_date BETWEEN ? AND ? AND scheme_id = 0`,
    )
    .get(f.from, f.to) as { n: number; v: number };
  return { rows, without };
}
