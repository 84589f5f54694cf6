import { expect } from 'vitest';
import type { Cursor } from '../../../src-main/engine/keyset';
import type { ReportResult, ReportRow } from '../../../src-main/engine/reports/report-types';

/**
 * The summary figures of on-time delivery and order-to-cash computed the plain way, from every row of
 * the report (sorted, counted, averaged): what the SQL histograms of cycle-reports.ts must equal.
 */
const median = (xs: number[]) => {
  if (xs.length === 0) return null;
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
const average = (xs: number[]) =>
  xs.length ? Math.round((xs.reduce((s, x) => s + x, 0) * 100) / xs.length) / 100 : null;
const between = (xs: number[], lo: number, hi: number) => xs.filter((x) => x >= lo && x <= hi).length;
const column = (rows: ReportRow[], key: string) => rows.map((r) => Number(r[key]));

export function onTimeFiguresFromRows(rows: ReportRow[]) {
  const delay = column(rows, 'delay');
  const onTime = rows.filter((r) => r.onTime === 'yes').length;
  return {
    orders: rows.length,
    onTime,
    onTimePct: rows.length ? Math.round((onTime * 10_000) / rows.length) : 0,
    averageDelay: average(delay),
    medianDelay: median(delay),
    late1to2: between(delay, 1, 2),
    late3to7: between(delay, 3, 7),
    late8plus: between(delay, 8, Infinity),
  };
}

export function orderToCashFiguresFromRows(rows: ReportRow[]) {
  const total = column(rows, 'total');
  return {
    orders: rows.length,
    averageToDeliver: average(column(rows, 'toDeliver')),
    averageToInvoice: average(column(rows, 'toInvoice')),
    averageToPay: average(column(rows, 'toPay')),
    averageTotal: average(total),
    medianTotal: median(total),
    within15: between(total, -Infinity, 15),
    within30: between(total, 16, 30),
    within60: between(total, 31, 60),
    over60: between(total, 61, Infinity),
  };
}

export const figuresOf = (r: ReportResult) => Object.fromEntries((r.summary ?? []).map((f) => [f.key, f.value]));

/**
 * Pages through a paged report `limit` rows at a time and checks it reaches every row of the
 * unpaged report exactly once, in order, each page giving the same total and summary.
 */
export function expectPagesReachEveryRow(
  run: (page: { after: Cursor | null; limit: number }) => ReportResult,
  all: ReportResult,
  limit: number,
) {
  const seen: ReportRow[] = [];
  let after: Cursor | null = null;
  for (let pages = 0; pages <= all.rows.length + 1; pages++) {
    const r = run({ after, limit });
    expect(r.page?.total).toBe(all.rows.length);
    expect(r.summary).toEqual(all.summary);
    expect(r.rows.length).toBeLessThanOrEqual(limit);
    seen.push(...r.rows);
    after = r.page!.next;
    if (!after) break;
  }
  expect(seen).toEqual(all.rows);
  expect(new Set(seen.map((r) => r.orderId)).size).toBe(seen.length);
}
