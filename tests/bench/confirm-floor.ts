import type Database from 'better-sqlite3';
import { newEventId } from '../../src-main/engine/sync/event-id';
import { BENCH_TODAY, type scales } from './generate-ledger';

/**
 * The floor a confirm is judged against: the rows of a 10-line confirm written by a bare better-sqlite3
 * transaction, no rules at all (the order, its lines, their reservations and stock balances, three order
 * events, an audit row, the series). `withSummaries` adds the rows the issue asks a confirm to keep in the
 * same transaction and that the bare floor leaves out: ten daily_sales upserts, ten pending rollup rows,
 * the order's milestone row and two outbox events with a payload the size of an order's. The triggers on
 * orders (status counts, day statuses, customer months) fire for both, as they do for the confirm.
 * Returns one floor transaction; each call writes one more order numbered FLOOR-n.
 */
export function confirmFloor(
  sqlite: Database.Database,
  size: (typeof scales)[keyof typeof scales],
  random: (lo: number, hi: number) => number,
  at: () => string,
  withSummaries: boolean,
): () => void {
  const s = {
    order: sqlite.prepare(
      "INSERT INTO orders (number, status, customer_id, warehouse_id, order_date, created_at, total) VALUES (?, 'confirmed', ?, 1, ?, ?, 100)",
    ),
    line: sqlite.prepare(
      'INSERT INTO order_lines (order_id, line_no, product_id, quantity, unit_price, gross, tax_rate_bps, taxable, tax, total, allocated) VALUES (?, ?, ?, 1, 100, 100, 1800, 100, 18, 118, 1)',
    ),
    reservation: sqlite.prepare(
      "INSERT INTO reservations (order_line_id, warehouse_id, product_id, batch_id, quantity, status, created_at) VALUES (?, 1, ?, ?, 1, 'active', ?)",
    ),
    balance: sqlite.prepare(
      'UPDATE stock_balances SET reserved = reserved + 1 WHERE warehouse_id = 1 AND batch_id = ?',
    ),
    event: sqlite.prepare(
      "INSERT INTO order_events (order_id, at, user_id, kind, message) VALUES (?, ?, 1, 'placed', 'x')",
    ),
    audit: sqlite.prepare(
      "INSERT INTO audit_log (at, user_id, action, entity, entity_id, detail) VALUES (?, 1, 'place', 'order', ?, '{}')",
    ),
    series: sqlite.prepare(
      "INSERT INTO document_series (series, last_number) VALUES ('FLOOR', 1) ON CONFLICT(series) DO UPDATE SET last_number = last_number + 1",
    ),
    dailySales: sqlite.prepare(
      `INSERT INTO daily_sales (day, customer_id, product_id, warehouse_id, clerk_id, confirmed_orders, confirmed_qty,
         confirmed_value, booked_orders, booked_qty, booked_value) VALUES (?, ?, ?, 1, 1, 1, 1, 118, 1, 1, 118)
       ON CONFLICT (day, customer_id, product_id, warehouse_id, clerk_id) DO UPDATE SET
         confirmed_orders = confirmed_orders + 1, confirmed_qty = confirmed_qty + 1, confirmed_value = confirmed_value + 118,
         booked_orders = booked_orders + 1, booked_qty = booked_qty + 1, booked_value = booked_value + 118`,
    ),
    pending: sqlite.prepare(
      `INSERT INTO sales_rollups_pending (day, customer_id, product_id, confirmed_orders, confirmed_qty, confirmed_value,
         booked_orders, booked_qty, booked_value) VALUES (?, ?, ?, 1, 1, 118, 1, 1, 118)`,
    ),
    milestone: sqlite.prepare(
      `INSERT INTO order_milestones (order_id, number, customer_id, warehouse_id, status, payment_status, order_date,
         confirmed_at, confirmed_on, open_lines, undelivered_since) VALUES (?, ?, ?, 1, 'confirmed', 'unpaid', ?, ?, ?, 10, ?)`,
    ),
    outbox: sqlite.prepare(
      `INSERT INTO outbox_events (event_id, type, schema_version, occurred_at, business_date, payload)
       VALUES (?, 'floor', 1, ?, ?, ?)`,
    ),
  };
  const payload = JSON.stringify({ lines: Array.from({ length: 10 }, (_, i) => ({ line: i, text: 'x'.repeat(150) })) });
  // A ledger measured again (--reuse) already has the last run's floor orders: number on from them.
  let seq = (sqlite.prepare("SELECT count(*) AS n FROM orders WHERE number GLOB 'FLOOR-*'").get() as { n: number }).n;
  return () =>
    sqlite
      .transaction(() => {
        const now = at();
        s.series.run();
        const number = `FLOOR-${++seq}`;
        const customerId = random(1, size.customers);
        const orderId = Number(s.order.run(number, customerId, BENCH_TODAY, now).lastInsertRowid);
        for (let l = 1; l <= 10; l++) {
          const productId = random(1, size.products);
          const batchId = (productId - 1) * size.batchesPerProduct + 1;
          const lineId = Number(s.line.run(orderId, l, productId).lastInsertRowid);
          s.reservation.run(lineId, productId, batchId, now);
          s.balance.run(batchId);
          if (withSummaries) {
            s.dailySales.run(BENCH_TODAY, customerId, productId);
            s.pending.run(BENCH_TODAY, customerId, productId);
          }
        }
        for (let e = 0; e < 3; e++) s.event.run(orderId, now);
        s.audit.run(now, orderId);
        if (withSummaries) {
          s.milestone.run(orderId, number, customerId, BENCH_TODAY, now, BENCH_TODAY, BENCH_TODAY);
          for (let e = 0; e < 2; e++) s.outbox.run(newEventId(), now, BENCH_TODAY, payload);
        }
      })
      .immediate();
}
