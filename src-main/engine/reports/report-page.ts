import { keysetCondition, type Cursor } from '../keyset';
import type { Where } from '../list-query';
import type { SummaryFigure } from './report-types';

/**
 * Reports that list one row per order of a year (on-time delivery, order-to-cash) answer their
 * figures from SQL over every row, and only one page of the rows themselves: a year at L is ≈ 780k
 * orders, and building them was what took the time. `'all'` is for exports and tests.
 */
export type ReportPage = { after: Cursor | null; limit: number } | 'all';

/** Rows per page on the Reports screen. */
export const REPORT_PAGE_ROWS = 200;
export const firstPage: ReportPage = { after: null, limit: REPORT_PAGE_ROWS };

/**
 * The page's condition and limit, in the order `key, id` ascending: a cursor is an index seek
 * (keyset.ts), as on the lists. The caller's query ends `ORDER BY key, id LIMIT ?`.
 */
export function pageWhere(where: Where, key: string, id: string, page: ReportPage): { sql: string; params: unknown[] } {
  const conditions = where.sql ? [where.sql.replace(/^WHERE /, '')] : [];
  const params = [...where.params];
  if (page !== 'all' && page.after) {
    const c = keysetCondition(key, id, 'asc', page.after, 'after', false);
    conditions.push(c.sql);
    params.push(...c.params);
  }
  params.push(page === 'all' ? -1 : page.limit);
  return { sql: conditions.length ? `WHERE ${conditions.join(' AND ')}` : '', params };
}

/** The next page's cursor: after the last row, while a full page came back. */
export function nextCursor<Row>(rows: Row[], page: ReportPage, at: (row: Row) => Cursor): Cursor | null {
  const last = rows.at(-1);
  return page !== 'all' && last && rows.length === page.limit ? at(last) : null;
}

/** Whole days from date column `a` to `b` in SQL, as daysBetween (src-shared/dates.ts) counts them. */
export const sqlDays = (a: string, b: string) => `CAST(round(julianday(${b}) - julianday(${a})) AS INTEGER)`;

/** How many rows had each value: what a GROUP BY over a day count answers, a few hundred rows at most. */
export type Histogram = Map<number, number>;

export function histogramFigures(h: Histogram) {
  const values = [...h.keys()].sort((a, b) => a - b);
  let n = 0;
  let sum = 0;
  for (const v of values) {
    n += h.get(v)!;
    sum += v * h.get(v)!;
  }
  // The value at a 0-based position of the sorted rows.
  const at = (position: number) => {
    let seen = 0;
    for (const v of values) {
      seen += h.get(v)!;
      if (position < seen) return v;
    }
    return 0;
  };
  const m = Math.floor(n / 2);
  const median = n === 0 ? null : n % 2 ? at(m) : (at(m - 1) + at(m)) / 2;
  const count = (lo: number, hi: number) => values.reduce((s, v) => (v >= lo && v <= hi ? s + h.get(v)! : s), 0);
  return { n, sum, average: n ? Math.round((sum * 100) / n) / 100 : null, median, count };
}

export const figure = (key: string, label: string, value: number | null, type: SummaryFigure['type'] = 'int') => ({
  key,
  label,
  value,
  type,
});
