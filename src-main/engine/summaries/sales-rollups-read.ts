import type { Measure } from './daily-sales-sql';
import type { Dimension, Grain } from './sales-rollups';

/** A run of rollup rows to add (sign 1) or take away (sign −1): whole months, or days. */
export interface RollupPiece {
  grain: Grain;
  from: string;
  to: string;
  sign: 1 | -1;
}

const addDays = (day: string, n: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
const lastOfMonth = (month: string) => addDays(`${addDays(`${month}-28`, 4).slice(0, 7)}-01`, -1);

/**
 * The pieces that add up to the calendar days from–to: every whole month as its month row; a month
 * the range only partly covers as its days, or, when it covers more than half of it, as the month
 * less the days outside (the month running to today less days not yet come costs nothing).
 */
export function rollupPieces(from: string, to: string): RollupPiece[] {
  const pieces: RollupPiece[] = [];
  const months: string[] = [];
  for (let m = from.slice(0, 7); m <= to.slice(0, 7); m = addDays(`${m}-28`, 4).slice(0, 7)) months.push(m);
  const whole: string[] = [];
  const flushWhole = () => {
    if (whole.length) pieces.push({ grain: 'month', from: whole[0]!, to: whole.at(-1)!, sign: 1 });
    whole.length = 0;
  };
  for (const m of months) {
    const first = `${m}-01`;
    const last = lastOfMonth(m);
    const lo = from > first ? from : first;
    const hi = to < last ? to : last;
    if (lo === first && hi === last) {
      whole.push(m);
      continue;
    }
    flushWhole();
    const covered = Number(hi.slice(8)) - Number(lo.slice(8)) + 1;
    const days = Number(last.slice(8));
    if (covered * 2 <= days) {
      pieces.push({ grain: 'day', from: lo, to: hi, sign: 1 });
      continue;
    }
    pieces.push({ grain: 'month', from: m, to: m, sign: 1 });
    if (lo > first) pieces.push({ grain: 'day', from: first, to: addDays(lo, -1), sign: -1 });
    if (hi < last) pieces.push({ grain: 'day', from: addDays(hi, 1), to: last, sign: -1 });
  }
  flushWhole();
  return pieces;
}

/**
 * A subquery of one dimension's rollup rows whose measures add up, per key, to the days from–to:
 * `(…) s` with `s.key_id` and the measures asked for (taken away pieces negated). Group it by
 * s.key_id; filter a group on sums (HAVING), never on a row, since a row may be a month less its days.
 */
export function rollupRange(
  dimension: Dimension,
  from: string,
  to: string,
  measures: readonly Measure[],
): { sql: string; params: string[] } {
  const pieces = rollupPieces(from, to);
  if (pieces.length === 0)
    return { sql: `(SELECT 0 AS key_id, ${measures.map((m) => `0 AS ${m}`)} WHERE false)`, params: [] };
  const branch = (p: RollupPiece) =>
    `SELECT key_id, ${measures.map((m) => (p.sign === 1 ? m : `-${m} AS ${m}`)).join(', ')} FROM sales_rollups
     WHERE dimension = '${dimension}' AND grain = '${p.grain}' AND period BETWEEN ? AND ?`;
  return {
    sql: `(${pieces.map(branch).join('\n UNION ALL ')})`,
    params: pieces.flatMap((p) => [p.from, p.to]),
  };
}
