import { addDays } from '../../../src-shared/dates';
import { businessToday } from '../business-date';
import type { EngineContext } from '../context';
import { orderStatusCounts } from '../summaries/order-status-counts';
import { receivablesAsOf } from '../summaries/receivables-by-due-date';
import { billedByDaySince, customersBilledSince, productsBilledSince } from '../summaries/dashboard-rollups';

const groups: { key: string; label: string; statuses: string[] }[] = [
  { key: 'pending_approval', label: 'Pending approval', statuses: ['pending_approval'] },
  { key: 'confirmed', label: 'Pending (confirmed)', statuses: ['confirmed'] },
  { key: 'processing', label: 'Processing', statuses: ['processing', 'picked', 'partially_delivered'] },
  { key: 'delivered', label: 'Delivered', statuses: ['delivered', 'invoiced'] },
  { key: 'cancelled', label: 'Cancelled', statuses: ['cancelled'] },
];

/**
 * The owner's Monday screen: orders by stage, what is owed and overdue, today's and this
 * month's billing, the trend, top customers and products, scheme cost, and recent activity.
 * Every figure is one SQL aggregate over indexed columns.
 */
export function dashboard(ctx: EngineContext, input: { trend: 'day' | 'week' | 'month' }) {
  const { sqlite } = ctx.ledger;
  const today = businessToday(ctx);
  const monthStart = `${today.slice(0, 7)}-01`;
  // Kept by triggers on orders: a dozen rows, not a scan of every order of every year.
  const byStatus = new Map(orderStatusCounts(sqlite).map((r) => [r.status, r]));
  const tiles = groups.map((g) => ({
    key: g.key,
    label: g.label,
    status: g.statuses.join(','),
    count: g.statuses.reduce((s, st) => s + (byStatus.get(st)?.n ?? 0), 0),
    value: g.statuses.reduce((s, st) => s + (byStatus.get(st)?.v ?? 0), 0),
  }));
  // Kept by triggers on invoices: a row per due date, not a read of every open invoice.
  const money = receivablesAsOf(sqlite, today);
  // Billing by day, by customer and by product from the sales rollups: Σ billed value = Σ posted invoice
  // totals, on the invoice date; a handful of rows instead of a month (or a year) of invoices.
  const span = ({ day: [29, '%Y-%m-%d'], week: [83, '%Y-W%W'], month: [364, '%Y-%m'] } as const)[input.trend];
  const trendFrom = addDays(today, -span[0]);
  const sales = { today: 0, month: 0 };
  const byPeriod = new Map<string, number>();
  // Days with a posted invoice, from the trend's first day or the month's if earlier (ordered by day).
  for (const d of billedByDaySince(ctx, trendFrom < monthStart ? trendFrom : monthStart, span[1])) {
    if (d.day === today) sales.today += d.billed;
    if (d.day >= monthStart) sales.month += d.billed;
    if (d.day >= trendFrom) byPeriod.set(d.period, (byPeriod.get(d.period) ?? 0) + d.billed);
  }
  const trend = [...byPeriod].map(([period, billed]) => ({ period, billed }));
  const topCustomers = customersBilledSince(ctx, monthStart, 8);
  // The month's products from the product rollup, not a month of invoice lines.
  const products = productsBilledSince(ctx, monthStart, 7);
  const productContribution = [
    ...products.top,
    ...(products.others === null ? [] : [{ id: 0, name: 'All others', taxable: products.others }]),
  ];
  // Only the month's orders that applied a scheme (orders_with_schemes_idx; an order without one adds no row).
  const schemeCost = sqlite
    .prepare(
      `SELECT json_extract(s.value, '$.name') AS name, sum(json_extract(s.value, '$.benefit')) AS cost
       FROM orders o INDEXED BY orders_with_schemes_idx, json_each(o.schemes, '$.applied') s
       WHERE o.order_date >= ? AND json_array_length(o.schemes, '$.applied') > 0
         AND o.status NOT IN ('draft', 'pending_approval', 'cancelled')
       GROUP BY name ORDER BY cost DESC LIMIT 8`,
    )
    .all(monthStart) as { name: string; cost: number }[];
  const activity = sqlite
    .prepare(
      `SELECT e.at, coalesce(u.display_name, 'system') AS who, o.id AS orderId, coalesce(o.number, 'draft #' || o.id) AS orderNumber, c.name AS customer, e.message
       FROM (SELECT * FROM order_events ORDER BY id DESC LIMIT 12) e JOIN orders o ON o.id = e.order_id
         JOIN customers c ON c.id = o.customer_id LEFT JOIN users u ON u.id = e.user_id ORDER BY e.id DESC`,
    )
    .all() as { at: string; who: string; orderId: number; orderNumber: string; customer: string; message: string }[];
  return {
    today,
    tiles,
    outstanding: money.outstanding,
    overdue: money.overdue,
    overdueInvoices: money.overdueInvoices,
    salesToday: sales.today,
    salesMonth: sales.month,
    trend,
    topCustomers,
    productContribution,
    schemeCost,
    activity,
  };
}
