import { businessToday } from '../business-date';
import type { EngineContext } from '../context';
import { productsBilledSince } from '../summaries/daily-sales-reports';

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
  const byStatus = new Map(
    (
      sqlite
        .prepare('SELECT status, count(*) AS n, coalesce(sum(total), 0) AS v FROM orders GROUP BY status')
        .all() as { status: string; n: number; v: number }[]
    ).map((r) => [r.status, r]),
  );
  const tiles = groups.map((g) => ({
    key: g.key,
    label: g.label,
    status: g.statuses.join(','),
    count: g.statuses.reduce((s, st) => s + (byStatus.get(st)?.n ?? 0), 0),
    value: g.statuses.reduce((s, st) => s + (byStatus.get(st)?.v ?? 0), 0),
  }));
  const money = sqlite
    .prepare(
      `SELECT coalesce(sum(total - paid - credited), 0) AS outstanding, coalesce(sum(CASE WHEN due_date < ? THEN total - paid - credited END), 0) AS overdue,
              count(CASE WHEN due_date < ? THEN 1 END) AS overdueInvoices
       FROM invoices WHERE status = 'posted' AND total > paid + credited`,
    )
    .get(today, today) as { outstanding: number; overdue: number; overdueInvoices: number };
  const sales = sqlite
    .prepare(
      "SELECT coalesce(sum(CASE WHEN invoice_date = ? THEN total END), 0) AS today, coalesce(sum(CASE WHEN invoice_date >= ? THEN total END), 0) AS month FROM invoices WHERE status = 'posted' AND invoice_date >= ?",
    )
    .get(today, monthStart, monthStart) as { today: number; month: number };
  const span = { day: ['-29 days', '%Y-%m-%d'], week: ['-83 days', '%Y-W%W'], month: ['-364 days', '%Y-%m'] }[
    input.trend
  ];
  const trend = sqlite
    .prepare(
      `SELECT strftime('${span[1]}', invoice_date) AS period, sum(total) AS billed FROM invoices WHERE status = 'posted' AND invoice_date >= date(?, '${span[0]}') GROUP BY period ORDER BY period`,
    )
    .all(today) as { period: string; billed: number }[];
  const topCustomers = sqlite
    .prepare(
      "SELECT c.id, c.name, sum(i.total) AS billed FROM invoices i JOIN customers c ON c.id = i.customer_id WHERE i.status = 'posted' AND i.invoice_date >= ? GROUP BY c.id ORDER BY billed DESC LIMIT 8",
    )
    .all(monthStart) as { id: number; name: string; billed: number }[];
  // The month's products from the daily sales summary, not a month of invoice lines.
  const products = productsBilledSince(ctx, monthStart);
  const productContribution = [
    ...products.slice(0, 7),
    ...(products.length > 7
      ? [{ id: 0, name: 'All others', taxable: products.slice(7).reduce((s, p) => s + p.taxable, 0) }]
      : []),
  ];
  const schemeCost = sqlite
    .prepare(
      `SELECT json_extract(s.value, '$.name') AS name, sum(json_extract(s.value, '$.benefit')) AS cost
       FROM orders o, json_each(o.schemes, '$.applied') s WHERE o.order_date >= ? AND o.status NOT IN ('draft', 'pending_approval', 'cancelled') GROUP BY name ORDER BY cost DESC LIMIT 8`,
    )
    .all(monthStart) as { name: string; cost: number }[];
  const activity = sqlite
    .prepare(
      `SELECT e.at, coalesce(u.display_name, 'system') AS who, o.id AS orderId, coalesce(o.number, 'draft #' || o.id) AS orderNumber, c.name AS customer, e.message
       FROM order_events e JOIN orders o ON o.id = e.order_id JOIN customers c ON c.id = o.customer_id LEFT JOIN users u ON u.id = e.user_id ORDER BY e.id DESC LIMIT 12`,
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
