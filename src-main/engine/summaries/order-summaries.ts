import type Database from 'better-sqlite3';

/**
 * `order_day_statuses`, `customer_order_months` and `scheme_days` (ledger/schema/order-summaries.ts), kept by
 * triggers on orders and order lines. Here: their rebuild from the orders (the rebuild command, and a ledger
 * from before the tables) — each the triggers' sums over every order at once.
 */

/** An order the scheme report counts: confirmed onwards, not cancelled (as `o`). */
export const COUNTS_FOR_SCHEMES = "o.status NOT IN ('draft', 'pending_approval', 'cancelled')";

export function rebuildOrderSummariesOn(sqlite: Database.Database): { rows: number } {
  sqlite.exec('DELETE FROM order_day_statuses; DELETE FROM customer_order_months; DELETE FROM scheme_days');
  const statements = [
    `INSERT INTO order_day_statuses(order_date, status, orders, value)
     SELECT order_date, status, count(*), coalesce(sum(total), 0) FROM orders GROUP BY order_date, status`,
    `INSERT INTO customer_order_months(customer_id, month, orders, cancelled, value, last_order)
     SELECT customer_id, substr(order_date, 1, 7), count(*), sum(status = 'cancelled'),
            sum(CASE WHEN status = 'cancelled' THEN 0 ELSE total END), max(order_date)
     FROM orders WHERE status <> 'draft' GROUP BY 1, 2`,
    `INSERT INTO scheme_days(order_date, scheme_id, name, orders, benefit, order_value)
     SELECT o.order_date, json_extract(s.value, '$.schemeId'), json_extract(s.value, '$.name'), count(*),
            coalesce(sum(json_extract(s.value, '$.benefit')), 0), sum(o.total)
     FROM orders o, json_each(o.schemes, '$.applied') s WHERE ${COUNTS_FOR_SCHEMES} GROUP BY 1, 2`,
    `INSERT INTO scheme_days(order_date, scheme_id, orders, order_value)
     SELECT o.order_date, 0, count(*), sum(o.total) FROM orders o
     WHERE ${COUNTS_FOR_SCHEMES} AND json_array_length(o.schemes, '$.applied') = 0 GROUP BY 1`,
    `INSERT INTO scheme_days(order_date, scheme_id, free_goods)
     SELECT o.order_date, l.scheme_id, sum(l.gross) FROM order_lines l JOIN orders o ON o.id = l.order_id
     WHERE l.is_free = 1 AND l.scheme_id IS NOT NULL AND ${COUNTS_FOR_SCHEMES} GROUP BY 1, 2
     ON CONFLICT DO UPDATE SET free_goods = excluded.free_goods`,
  ];
  return { rows: statements.reduce((n, sql) => n + sqlite.prepare(sql).run().changes, 0) };
}

/**
 * At open: a ledger migrated to the tables but with orders and no summaries gets all three once (they came in
 * one migration; every order has a day-and-status row, so an empty `order_day_statuses` says they were never filled).
 */
export function fillOrderSummariesIfEmpty(sqlite: Database.Database): boolean {
  if (!sqlite.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'scheme_days'").get()) return false;
  const row = sqlite
    .prepare('SELECT NOT EXISTS (SELECT 1 FROM order_day_statuses) AND EXISTS (SELECT 1 FROM orders) AS needed')
    .get() as { needed: number };
  if (row.needed !== 1) return false;
  sqlite.transaction(() => rebuildOrderSummariesOn(sqlite))();
  return true;
}
