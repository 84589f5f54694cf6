import type Database from 'better-sqlite3';
import type { EngineContext } from '../context';

/**
 * The order milestone table (ledger/schema/order-milestones.ts) is a cache of what the ledger says
 * about each order. One SQL computes it, for a few orders inside a posting transaction or for all
 * of them in a rebuild, so the two can never disagree about what a milestone means.
 *
 * Every milestone is worked out exactly as the order-flow reports worked it out from the lines:
 * - delivered: from every delivery note of the order (posting instant, its business date, and for
 *   "fully delivered" the date a dispatch confirmed, else the posting date);
 * - invoiced: posted invoices carrying any of the order's lines (and the sum of those lines' totals);
 * - paid: the latest receipt, not reversed, allocated to any invoice carrying the order's lines.
 */
const OPEN = "('confirmed', 'processing', 'picked', 'partially_delivered')";

function milestonesSql(scope: 'all' | 'some'): string {
  const only = (column: string) => (scope === 'all' ? '' : `AND ${column} IN (SELECT id FROM ids)`);
  return `WITH ids AS (SELECT value AS id FROM json_each(?)),
    notes AS (
      SELECT d.order_id, min(d.posted_at) AS first_at, min(business_date(d.posted_at)) AS first_on,
             max(d.posted_at) AS last_at, max(business_date(d.posted_at)) AS last_on,
             max(coalesce(x.delivered_on, business_date(d.posted_at))) AS handed_on
      FROM delivery_notes d LEFT JOIN dispatch_notes x ON x.delivery_note_id = d.id
      WHERE 1 ${only('d.order_id')} GROUP BY d.order_id),
    billed AS (
      SELECT ol.order_id, min(i.invoice_date) AS first_on, max(i.invoice_date) AS last_on, sum(il.total) AS value
      FROM order_lines ol JOIN invoice_lines il ON il.order_line_id = ol.id JOIN invoices i ON i.id = il.invoice_id
      WHERE i.status = 'posted' ${only('ol.order_id')} GROUP BY ol.order_id),
    settled AS (
      SELECT ol.order_id, max(p.received_on) AS last_on
      FROM order_lines ol JOIN invoice_lines il ON il.order_line_id = ol.id
        JOIN payment_allocations a ON a.invoice_id = il.invoice_id JOIN payments p ON p.id = a.payment_id
      WHERE p.reversed_on IS NULL ${only('ol.order_id')} GROUP BY ol.order_id),
    owing AS (
      SELECT ol.order_id, sum(ol.quantity > ol.delivered) AS open_lines FROM order_lines ol
      WHERE 1 ${only('ol.order_id')} GROUP BY ol.order_id)
    INSERT OR REPLACE INTO order_milestones (order_id, number, customer_id, warehouse_id, created_by, status,
      payment_status, order_date, required_date, confirmed_at, confirmed_on, first_delivered_at, first_delivered_on,
      last_delivered_at, last_delivered_on, fully_delivered_on, first_invoiced_on, fully_invoiced_on, fully_paid_on,
      invoiced_value, open_lines, undelivered_since)
    SELECT o.id, o.number, o.customer_id, o.warehouse_id, o.created_by, o.status, o.payment_status, o.order_date,
      o.required_date, o.confirmed_at, business_date(o.confirmed_at), n.first_at, n.first_on, n.last_at, n.last_on,
      CASE WHEN o.status IN ('delivered', 'invoiced') THEN n.handed_on END,
      b.first_on, CASE WHEN o.status = 'invoiced' THEN b.last_on END,
      CASE WHEN o.payment_status = 'paid' THEN s.last_on END,
      coalesce(b.value, 0), coalesce(w.open_lines, 0),
      CASE WHEN o.status IN ${OPEN} AND w.open_lines > 0 THEN o.order_date END
    FROM orders o LEFT JOIN notes n ON n.order_id = o.id LEFT JOIN billed b ON b.order_id = o.id
      LEFT JOIN settled s ON s.order_id = o.id LEFT JOIN owing w ON w.order_id = o.id
    WHERE 1 ${only('o.id')}`;
}

/**
 * Brings the milestones of these orders up to date with what the caller just wrote; call it in the
 * same transaction, after the write (order saved, placed, confirmed or cancelled, delivery note posted,
 * goods returned from a dispatch, invoice posted or cancelled, receipt allocated or reversed).
 */
export function refreshOrderMilestones(ctx: EngineContext, orderIds: Iterable<number>): void {
  const ids = [...new Set(orderIds)];
  if (ids.length === 0) return;
  ctx.ledger.sqlite.prepare(milestonesSql('some')).run(JSON.stringify(ids));
}

/**
 * Recomputes every order's milestones from the ledger, in the caller's transaction: after a bulk
 * load, after the company's time zone changes (business dates move), or when the table was never filled.
 */
export function rebuildOrderMilestones(ctx: EngineContext): void {
  rebuildOn(ctx.ledger.sqlite);
}

function rebuildOn(sqlite: Database.Database): void {
  sqlite.prepare('DELETE FROM order_milestones').run();
  sqlite.prepare(milestonesSql('all')).run('[]');
}

/**
 * At open: a ledger written before the table existed (or by a bulk loader) has orders and no
 * milestones; fill them once. The marker is the table itself: every order has a row from the moment
 * it is saved, so "orders but no milestones" only happens to such a file.
 */
export function fillOrderMilestonesIfEmpty(sqlite: Database.Database): boolean {
  // An older release's migrations (tests of upgrades) have no such table yet.
  if (!sqlite.prepare("SELECT 1 FROM sqlite_schema WHERE name = 'order_milestones'").get()) return false;
  const needed = sqlite
    .prepare('SELECT EXISTS (SELECT 1 FROM orders) AND NOT EXISTS (SELECT 1 FROM order_milestones) AS needed')
    .get() as { needed: number };
  if (!needed.needed) return false;
  sqlite.transaction(() => rebuildOn(sqlite))();
  return true;
}
