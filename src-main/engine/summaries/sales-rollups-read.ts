import type Database from 'better-sqlite3';
import type { Measure } from './daily-sales-sql';
import type { Dimension, Grain } from './sales-rollups';
import { pendingBranch } from './pending-rollups';
import { addDays, daysBetween, lastOfMonth, monthAfter } from '../../../src-shared/dates';

/** daily_sales's measures, and the payments received (customer and 'all' rows only). */
export type RollupMeasure = Measure | 'received';

/** A run of rollup rows to add (sign 1) or take away (sign −1): whole years, quarters, months, or days. */
export interface RollupPiece {
  grain: Grain;
  from: string;
  to: string;
  sign: 1 | -1;
}

const daysIn = (first: string, last: string) => daysBetween(first, last) + 1;
const pad = (n: number) => String(n).padStart(2, '0');

/** A calendar year, quarter or month: its period as sales_rollups names it, its days, and its parts. */
interface Unit {
  grain: Exclude<Grain, 'day'>;
  period: string;
  first: string;
  last: string;
}
const yearOf = (y: string): Unit => ({ grain: 'year', period: y, first: `${y}-01-01`, last: `${y}-12-31` });
const monthOf = (m: string): Unit => ({ grain: 'month', period: m, first: `${m}-01`, last: lastOfMonth(m) });
const quarterOf = (y: string, q: number): Unit => ({
  grain: 'quarter',
  period: `${y}-Q${q}`,
  first: `${y}-${pad(q * 3 - 2)}-01`,
  last: lastOfMonth(`${y}-${pad(q * 3)}`),
});
const partsOf = (u: Unit): Unit[] => {
  const y = u.period.slice(0, 4);
  if (u.grain === 'year') return [1, 2, 3, 4].map((q) => quarterOf(y, q));
  const q = Number(u.period.slice(6));
  return [2, 1, 0].map((k) => monthOf(`${y}-${pad(q * 3 - k)}`));
};

/**
 * Adds the days lo–hi (inside `u`) as pieces: `u` itself when it is wholly covered; when more than half
 * of it is, `u` less the days outside (the year running to today less days not yet come costs nothing);
 * otherwise its parts, a month's as one run of days. A year thus reads a handful of rows per key.
 */
function cover(u: Unit, lo: string, hi: string, sign: 1 | -1, out: RollupPiece[]): void {
  if (lo === u.first && hi === u.last) return void out.push({ grain: u.grain, from: u.period, to: u.period, sign });
  if (daysIn(lo, hi) * 2 > daysIn(u.first, u.last)) {
    out.push({ grain: u.grain, from: u.period, to: u.period, sign });
    if (lo > u.first) coverParts(u, u.first, addDays(lo, -1), -sign as 1 | -1, out);
    if (hi < u.last) coverParts(u, addDays(hi, 1), u.last, -sign as 1 | -1, out);
    return;
  }
  coverParts(u, lo, hi, sign, out);
}

function coverParts(u: Unit, lo: string, hi: string, sign: 1 | -1, out: RollupPiece[]): void {
  if (u.grain === 'month') return void out.push({ grain: 'day', from: lo, to: hi, sign });
  for (const part of partsOf(u))
    if (part.last >= lo && part.first <= hi)
      cover(part, lo > part.first ? lo : part.first, hi < part.last ? hi : part.last, sign, out);
}

/** The period after `p` in its grain: the next day, month, quarter or year. */
function nextPeriod(grain: Grain, p: string): string {
  if (grain === 'day') return addDays(p, 1);
  if (grain === 'month') return monthAfter(p);
  if (grain === 'year') return String(Number(p) + 1);
  const q = Number(p.slice(6));
  return q === 4 ? `${Number(p.slice(0, 4)) + 1}-Q1` : `${p.slice(0, 5)}Q${q + 1}`;
}

/**
 * The pieces that add up to the calendar days from–to, coarsest first (cover), with adjacent pieces of
 * one grain and sign joined into one run (one index range each).
 */
export function rollupPieces(from: string, to: string): RollupPiece[] {
  const pieces: RollupPiece[] = [];
  for (let y = Number(from.slice(0, 4)); y <= Number(to.slice(0, 4)); y++) {
    const u = yearOf(String(y));
    if (u.last >= from && u.first <= to)
      cover(u, from > u.first ? from : u.first, to < u.last ? to : u.last, 1, pieces);
  }
  const joined: RollupPiece[] = [];
  for (const p of pieces) {
    const prev = joined.at(-1);
    if (prev && prev.grain === p.grain && prev.sign === p.sign && nextPeriod(p.grain, prev.to) === p.from)
      prev.to = p.to;
    else joined.push({ ...p });
  }
  return joined;
}

/** A column of a rollup range: a measure, or a sum of measures' terms named `as` (e.g. billed less free). */
export type RollupColumn = RollupMeasure | { as: string; sql: string };

/**
 * A subquery of one dimension's rollup rows whose columns add up, per key, to the days from–to:
 * `(…) s` with `s.key_id` and the columns asked for (taken away pieces negated), plus the orders'
 * rows not yet folded into the rollups (pending-rollups.ts), read by from–to itself. Group it by
 * s.key_id; filter a group on sums (HAVING), never on a row, since a row may be a year less its days.
 * Ask for what the report sums and no more: each column is sorted with its row for the GROUP BY.
 */
export function rollupRange(
  dimension: Dimension,
  from: string,
  to: string,
  columns: readonly RollupColumn[],
  days: RollupDays = { first: null, last: null },
): { sql: string; params: string[] } {
  const pieces = rollupPieces(...widened(from, to, days));
  const named = columns.map((c) => (typeof c === 'string' ? { as: c, sql: c } : c));
  if (pieces.length === 0)
    return { sql: `(SELECT 0 AS key_id, ${named.map((c) => `0 AS ${c.as}`)} WHERE false)`, params: [] };
  const branch = (p: RollupPiece) =>
    `SELECT key_id, ${named.map((c) => (p.sign === 1 ? `${c.sql} AS ${c.as}` : `-(${c.sql}) AS ${c.as}`)).join(', ')}
     FROM sales_rollups WHERE dimension = '${dimension}' AND grain = '${p.grain}' AND period BETWEEN ? AND ?`;
  return {
    sql: `(${[...pieces.map(branch), pendingBranch(dimension, named)].join('\n UNION ALL ')})`,
    params: [...pieces.flatMap((p) => [p.from, p.to]), from, to],
  };
}

/**
 * The first and last day any rollup row counts: every posting writes the 'all' day row of its day (an
 * order's once its pending rows are folded; until then rollupRange reads those by the range itself).
 */
export interface RollupDays {
  first: string | null;
  last: string | null;
}

/** Two seeks into the 'all' day rows (the primary key's min and max). */
export function rollupDays(sqlite: Database.Database): RollupDays {
  return sqlite
    .prepare(
      `SELECT (SELECT min(period) FROM sales_rollups WHERE dimension = 'all' AND grain = 'day') AS first,
              (SELECT max(period) FROM sales_rollups WHERE dimension = 'all' AND grain = 'day') AS last`,
    )
    .get() as RollupDays;
}

/**
 * from–to stretched over days that have no rows, so the same sums read fewer rows: a range running to
 * today (or past it) runs to the end of that year (or month), one starting on or before the first day from
 * the start of its year (month). A year to today thus reads the calendar year's row, not the year less the
 * days not yet come.
 */
export function widened(from: string, to: string, days: RollupDays, unit: 'month' | 'year' = 'year'): [string, string] {
  if (days.first === null || days.last === null || from > to) return [from, to];
  // Only days outside first–last are added, and they have no rows: the sums are the same.
  const start = unit === 'year' ? `${days.first.slice(0, 4)}-01-01` : `${days.first.slice(0, 7)}-01`;
  const end = unit === 'year' ? `${days.last.slice(0, 4)}-12-31` : lastOfMonth(days.last.slice(0, 7));
  return [from <= days.first && start < from ? start : from, to >= days.last && end > to ? end : to];
}
