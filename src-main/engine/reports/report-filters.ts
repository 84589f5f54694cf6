import { Where } from '../list-query';
import type { ReportFilters } from './report-types';

/**
 * The filters every order-based report shares, on orders `o`, customers `c` and (when the
 * report joins them) order lines `ol` and products `p`. With `milestones`, the order's columns are
 * read from its milestone row `m` instead (the same customer, warehouse and clerk, kept with it).
 */
export function orderFilters(f: ReportFilters, options: { lines: boolean; milestones?: boolean }): Where {
  const o = options.milestones ? { alias: 'm', id: 'm.order_id' } : { alias: 'o', id: 'o.id' };
  const where = new Where()
    .when(f.customerId, `${o.alias}.customer_id = ?`, f.customerId)
    .when(f.customerType, 'c.type = ?', f.customerType)
    .when(f.stateCode, 'c.bill_state_code = ?', f.stateCode)
    .when(f.city, 'c.bill_city = ? COLLATE NOCASE', f.city)
    .when(f.warehouseId, `${o.alias}.warehouse_id = ?`, f.warehouseId)
    .when(f.clerkId, `${o.alias}.created_by = ?`, f.clerkId);
  if (options.lines) {
    where
      .when(f.productId, 'ol.product_id = ?', f.productId)
      .when(f.brand, 'p.brand = ?', f.brand)
      .when(f.category, 'p.category = ?', f.category);
  } else if (f.productId || f.brand || f.category) {
    const w = new Where()
      .when(f.productId, 'l2.product_id = ?', f.productId)
      .when(f.brand, 'p2.brand = ?', f.brand)
      .when(f.category, 'p2.category = ?', f.category);
    where.add(
      `${o.id} IN (SELECT l2.order_id FROM order_lines l2 JOIN products p2 ON p2.id = l2.product_id ${w.sql})`,
      ...w.params,
    );
  }
  return where;
}

/** Period labels the way the owner reads them: 2026-11-22, 2026-W47, 2026-11. */
export function periodKey(period: ReportFilters['period'], column: string): string {
  const day = `business_date(${column})`;
  if (period === 'day') return day;
  if (period === 'week') return `strftime('%Y-W%W', ${day})`;
  return `strftime('%Y-%m', ${day})`;
}

/** Every period between two dates, with its last day (for "as at end of period" figures). */
export function periodsBetween(
  from: string,
  to: string,
  period: ReportFilters['period'],
): { key: string; end: string }[] {
  const out: { key: string; end: string }[] = [];
  const seen = new Map<string, string>();
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += 86_400_000) {
    const day = new Date(t).toISOString().slice(0, 10);
    seen.set(periodOfDay(day, period), day);
  }
  for (const [key, end] of seen) out.push({ key, end });
  return out;
}

/** The period label of a calendar date, as periodKey's SQL gives it. */
export function periodOfDay(day: string, period: ReportFilters['period']): string {
  if (period === 'day') return day;
  if (period === 'month') return day.slice(0, 7);
  // SQLite's %W: week of the year, Monday first, days before the first Monday are week 00.
  const t = Date.parse(`${day}T00:00:00Z`);
  const year = Number(day.slice(0, 4));
  const jan1 = Date.UTC(year, 0, 1);
  const dayOfYear = Math.floor((t - jan1) / 86_400_000);
  const jan1Weekday = (new Date(jan1).getUTCDay() + 6) % 7;
  return `${year}-W${String(Math.floor((dayOfYear + jan1Weekday) / 7)).padStart(2, '0')}`;
}
