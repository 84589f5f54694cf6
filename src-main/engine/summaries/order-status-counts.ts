import type Database from 'better-sqlite3';

/**
 * `order_status_counts` (ledger/schema/order-status-counts.ts): orders and their value per status,
 * kept by triggers on `orders`, read by the dashboard's order tiles. Here: the rebuild from the
 * orders themselves (the rebuild command, and a ledger from before the table) and the read.
 */
export function rebuildOrderStatusCountsOn(sqlite: Database.Database): { rows: number } {
  sqlite.exec('DELETE FROM order_status_counts');
  const r = sqlite
    .prepare(
      `INSERT INTO order_status_counts(status, orders, value)
       SELECT status, count(*), coalesce(sum(total), 0) FROM orders GROUP BY status`,
    )
    .run();
  return { rows: r.changes };
}

/** At open: a ledger migrated to the table but with orders and no counts gets them once. */
export function fillOrderStatusCountsIfEmpty(sqlite: Database.Database): boolean {
  if (!sqlite.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'order_status_counts'").get())
    return false;
  const row = sqlite
    .prepare('SELECT NOT EXISTS (SELECT 1 FROM order_status_counts) AND EXISTS (SELECT 1 FROM orders) AS needed')
    .get() as { needed: number };
  if (row.needed !== 1) return false;
  sqlite.transaction(() => rebuildOrderStatusCountsOn(sqlite))();
  return true;
}

/** Orders and value per status, statuses with no order left out. */
export function orderStatusCounts(sqlite: Database.Database): { status: string; n: number; v: number }[] {
  return sqlite
    .prepare('SELECT status, orders AS n, value AS v FROM order_status_counts WHERE orders <> 0 ORDER BY status')
    .all() as { status: string; n: number; v: number }[];
}
