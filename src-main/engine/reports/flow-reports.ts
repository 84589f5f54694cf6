import type { EngineContext } from '../context';
import { BILLED, deliveredValueSql } from './billed-lines';
import { orderFilters, periodKey, periodOfDay, periodsBetween } from './report-filters';
import { backlogByDayFromSummary } from '../summaries/daily-sales-reports';
import { backlogByDayFromRollups } from '../summaries/sales-rollups-reports';
import { col, sumColumns, type ReportFilters, type ReportResult, type ReportRow } from './report-types';

/**
 * Booking, billing and backlog by period.
 * - booked: orders confirmed in the period and not cancelled since (a cancelled order was never business);
 * - billed: invoices dated in the period (credit notes are reported separately);
 * - backlog: at the end of each period, the value of confirmed, not-cancelled order lines not yet
 *   delivered by then — each line's value in proportion to its undelivered quantity.
 */
export function bookingBillingBacklog(ctx: EngineContext, f: ReportFilters): ReportResult {
  const figures = backlogFromSummary(ctx, f) ?? backlogFromLines(ctx, f);
  const rows: ReportRow[] = periodsBetween(f.from, f.to, f.period).map(({ key, end }) => ({
    period: key,
    booked: figures.booked.get(key) ?? 0,
    billed: figures.billed.get(key) ?? 0,
    backlog: figures.backlogAt(end),
  }));
  const columns = [
    col('period', 'Period'),
    col('booked', 'Booked', 'money'),
    col('billed', 'Billed', 'money'),
    col('backlog', 'Backlog at period end', 'money'),
  ];
  const totals = sumColumns(columns, rows);
  totals.backlog = rows.length ? Number(rows.at(-1)!.backlog) : 0;
  return {
    title: 'Booking, billing and backlog',
    columns,
    rows,
    totals,
    drill: null,
    notes: [
      'Booked: orders confirmed in the period and not cancelled, with GST and round-off. Billed: posted invoice totals in the period (as Sales performance’s Billed). ' +
        'Backlog: confirmed, not cancelled, not yet delivered, at order line values with GST before round-off; its total is the last period’s.',
    ],
  };
}

interface BacklogFigures {
  booked: Map<string, number>;
  billed: Map<string, number>;
  backlogAt: (end: string) => number;
}

/** Booked, billed and backlog from the lines: orders, invoices and delivery notes. */
function backlogFromLines(ctx: EngineContext, f: ReportFilters): BacklogFigures {
  const { sqlite } = ctx.ledger;
  const where = orderFilters(f, { lines: false });
  const booked = new Map(
    (
      sqlite
        .prepare(
          `SELECT ${periodKey(f.period, 'o.confirmed_at')} AS k, sum(o.total) AS v FROM orders o JOIN customers c ON c.id = o.customer_id
         ${where.sql ? `${where.sql} AND` : 'WHERE'} o.confirmed_at IS NOT NULL AND o.status <> 'cancelled' AND business_date(o.confirmed_at) BETWEEN ? AND ? GROUP BY k`,
        )
        .all(...where.params, f.from, f.to) as { k: string; v: number }[]
    ).map((r) => [r.k, r.v]),
  );
  const billed = new Map(
    (
      sqlite
        .prepare(
          `SELECT ${periodKey(f.period, 'i.invoice_date')} AS k, sum(i.total) AS v FROM invoices i JOIN customers c ON c.id = i.customer_id
         WHERE ${BILLED} AND i.invoice_date BETWEEN ? AND ? ${where.sql ? `AND i.id IN (SELECT il.invoice_id FROM invoice_lines il JOIN order_lines ol ON ol.id = il.order_line_id JOIN orders o ON o.id = ol.order_id JOIN customers c ON c.id = o.customer_id ${where.sql})` : ''}
         GROUP BY k`,
        )
        .all(f.from, f.to, ...where.params) as { k: string; v: number }[]
    ).map((r) => [r.k, r.v]),
  );
  // Backlog at a date = value confirmed by then − value of those later cancelled by then − value
  // delivered by then. Three grouped passes and running sums: O(lines), not O(lines × periods).
  // (An order with deliveries cannot be cancelled, so deliveries never belong to a cancelled order.)
  const scope = `FROM orders o JOIN customers c ON c.id = o.customer_id ${where.sql ? `${where.sql} AND` : 'WHERE'} o.confirmed_at IS NOT NULL`;
  const byDay = (sql: string) =>
    new Map((sqlite.prepare(sql).all(...where.params) as { d: string; v: number }[]).map((r) => [r.d, r.v]));
  // Valued at order line totals (before the order's round-off), delivered units at their exact
  // share of them: a fully delivered order leaves nothing behind, not a paisa.
  const lineValue = '(SELECT coalesce(sum(ol.total), 0) FROM order_lines ol WHERE ol.order_id = o.id)';
  const confirmedOn = byDay(`SELECT business_date(o.confirmed_at) AS d, sum(${lineValue}) AS v ${scope} GROUP BY d`);
  const cancelledOn = byDay(
    `SELECT business_date(o.cancelled_at) AS d, sum(${lineValue}) AS v ${scope} AND o.cancelled_at IS NOT NULL GROUP BY d`,
  );
  const deliveredOn = byDay(
    `SELECT business_date(dv.posted_at) AS d, sum(dv.value) AS v FROM (${deliveredValueSql}) dv
     ${where.sql ? `WHERE dv.order_id IN (SELECT o.id ${scope})` : ''} GROUP BY business_date(dv.posted_at)`,
  );
  const days = [...new Set([...confirmedOn.keys(), ...cancelledOn.keys(), ...deliveredOn.keys()])].sort();
  const backlogAt = (end: string) => {
    let v = 0;
    for (const day of days) {
      if (day > end) break;
      v += (confirmedOn.get(day) ?? 0) - (cancelledOn.get(day) ?? 0) - (deliveredOn.get(day) ?? 0);
    }
    return v;
  };
  return { booked, billed, backlogAt };
}

/**
 * The same figures from the summaries: the whole business's day rollup when nothing is filtered, else
 * daily sales grouped by day (from the first day, for the backlog's running sum). Null when a filter
 * needs the lines (daily-sales-reports.ts).
 */
function backlogFromSummary(ctx: EngineContext, f: ReportFilters): BacklogFigures | null {
  const days = backlogByDayFromRollups(ctx, f) ?? backlogByDayFromSummary(ctx, f);
  if (!days) return null;
  const booked = new Map<string, number>();
  const billed = new Map<string, number>();
  const running: { day: string; backlog: number }[] = [];
  let backlog = 0;
  for (const d of days) {
    backlog += d.change;
    running.push({ day: d.day, backlog });
    if (d.day < f.from) continue;
    const key = periodOfDay(d.day, f.period);
    if (d.booked) booked.set(key, (booked.get(key) ?? 0) + d.booked);
    if (d.billed) billed.set(key, (billed.get(key) ?? 0) + d.billed);
  }
  const backlogAt = (end: string) => {
    let v = 0;
    for (const r of running) {
      if (r.day > end) break;
      v = r.backlog;
    }
    return v;
  };
  return { booked, billed, backlogAt };
}

export { onTimeDelivery, orderToCash } from './cycle-reports';
