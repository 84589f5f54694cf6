import type Database from 'better-sqlite3';
import { MEASURES, ORDER_MEASURES, type Measure } from './daily-sales-sql';
import { DIMENSIONS, GRAINS, rollupUpsertSql, type Dimension, type Grain } from './sales-rollups';

/**
 * The rollups of confirmed and cancelled orders go through `sales_rollups_pending`
 * (ledger/schema/sales-rollups.ts): a confirm adds its order's rows there, and they are folded into
 * `sales_rollups` between calls. A 10-line confirm would otherwise rewrite 48 rollup rows (the customer,
 * ten products and the whole business × day, month, quarter and year), most on a page of their own: at M a
 * third of the pages it commits, and its largest statement. Reads add the pending rows (rollupRange, the
 * backlog by day), so what a report shows never depends on whether the fold has run.
 */
const FOLDED = (Object.keys(DIMENSIONS) as Dimension[]).flatMap((d) =>
  (Object.keys(GRAINS) as Grain[]).map((g) => [d, g] as const),
);

/** Adds @sign × the rows' order measures (rows: daily_sales's key and measure columns) to the pending rows. */
export function pendingInsertSql(rows: string): string {
  const cols = ['day', 'customer_id', 'product_id', ...ORDER_MEASURES];
  return `INSERT INTO sales_rollups_pending (${cols.join(', ')})
    SELECT day, customer_id, product_id, ${ORDER_MEASURES.map((m) => `@sign * sum(${m})`).join(', ')}
    FROM (${rows}) WHERE true GROUP BY day, customer_id, product_id`;
}

/**
 * Folds the oldest `limit` pending rows (all by default) into the rollups and deletes them, in one
 * transaction (the caller's, or its own). Returns how many it folded and whether any are left; nothing
 * pending costs one probe.
 */
export function foldPendingRollups(sqlite: Database.Database, limit = Infinity): { folded: number; more: boolean } {
  // An older release's migrations (tests of upgrades) have no such table yet.
  if (!sqlite.prepare("SELECT 1 FROM sqlite_schema WHERE name = 'sales_rollups_pending'").get())
    return { folded: 0, more: false };
  const first = sqlite.prepare('SELECT min(id) AS id, max(id) AS last FROM sales_rollups_pending').get() as {
    id: number | null;
    last: number | null;
  };
  if (first.id === null || first.last === null) return { folded: 0, more: false };
  const upTo = Number.isFinite(limit) ? Math.min(first.last, first.id + limit - 1) : first.last;
  const folded = sqlite.transaction(() => {
    sqlite
      .prepare(rollupUpsertSql('SELECT * FROM sales_rollups_pending WHERE id <= @upTo', FOLDED, ORDER_MEASURES))
      .run({ sign: 1, upTo });
    return sqlite.prepare('DELETE FROM sales_rollups_pending WHERE id <= ?').run(upTo).changes;
  })();
  return { folded, more: upTo < first.last };
}

/**
 * What the idle timer folds at a time: about 10 confirms’ rows, 12–15 ms at L, so a clerk’s call never
 * waits long behind a fold; the timer comes back for the rest on its next ticks.
 */
export const FOLD_SLICE = 100;

/**
 * The pending rows as one more branch of a rollup range: per key, what orders confirmed or cancelled
 * from–to added since the last fold. Each column is the range's own expression over the measures, the
 * measures orders do not change (and received) being 0 here. Params: from, to.
 */
export function pendingBranch(dimension: Dimension, columns: readonly { as: string; sql: string }[]): string {
  const order = new Set<Measure>(ORDER_MEASURES);
  const measures = MEASURES.map((m) => (order.has(m) ? m : `0 AS ${m}`)).join(', ');
  return `SELECT ${DIMENSIONS[dimension]} AS key_id, ${columns.map((c) => `${c.sql} AS ${c.as}`).join(', ')}
     FROM (SELECT day, customer_id, product_id, ${measures}, 0 AS received
           FROM sales_rollups_pending WHERE day BETWEEN ? AND ?) s`;
}
