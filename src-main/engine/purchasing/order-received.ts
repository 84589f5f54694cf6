import type { EngineContext } from '../context';

/**
 * A purchase order's status follows what has been received against it: closed when every line has all it asked
 * for, partly received when anything has come, open otherwise. A cancelled order stays cancelled.
 */
export function refreshOrderStatus(ctx: EngineContext, purchaseOrderId: number): void {
  const s = ctx.ledger.sqlite
    .prepare(
      `SELECT count(*) AS lines, sum(received >= quantity) AS full, sum(received > 0) AS started
       FROM purchase_order_lines WHERE purchase_order_id = ?`,
    )
    .get(purchaseOrderId) as { lines: number; full: number | null; started: number | null };
  const status = s.lines > 0 && s.full === s.lines ? 'closed' : (s.started ?? 0) > 0 ? 'partly_received' : 'open';
  ctx.ledger.sqlite
    .prepare("UPDATE purchase_orders SET status = ? WHERE id = ? AND status <> 'cancelled'")
    .run(status, purchaseOrderId);
}
