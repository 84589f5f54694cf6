import { recordAudit } from '../audit';
import type { EngineContext } from '../context';
import { conflict } from '../errors';
import { releaseReservations } from '../inventory/reserve-stock';
import { addOrderEvent, getOrderDetail, orderHeader } from './order-store';
import { endPendingRequests } from '../approvals/request-approval';
import { publishOrderCancelled } from '../sync/payloads/order-payload';
import { refreshOrderMilestones } from '../summaries/order-milestones';
import { addToDailySales } from '../summaries/daily-sales';

const CANCELLABLE = ['draft', 'pending_approval', 'confirmed', 'processing', 'picked'];

/** Cancels an undelivered order and gives its reserved stock back. */
export function cancelOrder(ctx: EngineContext, id: number, reason: string) {
  const order = orderHeader(ctx, id);
  if (!CANCELLABLE.includes(order.status))
    throw conflict(
      `Order ${order.number ?? id} is ${order.status.replace('_', ' ')}; goods have moved, so use a return or credit note instead`,
      'id',
    );
  const { sqlite } = ctx.ledger;
  const lines = sqlite.prepare('SELECT id FROM order_lines WHERE order_id = ?').all(id) as { id: number }[];
  let released = 0;
  for (const line of lines) released += releaseReservations(ctx, line.id);
  sqlite.prepare('UPDATE order_lines SET allocated = 0, backordered = 0 WHERE order_id = ?').run(id);
  // Lines still on an open pick list are struck off it, so the picker is not sent for them.
  sqlite
    .prepare(
      "UPDATE pick_list_lines SET short = quantity - picked WHERE order_id = ? AND pick_list_id IN (SELECT id FROM pick_lists WHERE status = 'open')",
    )
    .run(id);
  // A confirmed order's booking comes off its confirm day and goes onto today as cancelled.
  addToDailySales(ctx, { kind: 'order', orderId: id, sign: -1 });
  sqlite
    .prepare("UPDATE orders SET status = 'cancelled', cancelled_at = ?, cancel_reason = ? WHERE id = ?")
    .run(ctx.now().toISOString(), reason, id);
  refreshOrderMilestones(ctx, [id]);
  addToDailySales(ctx, { kind: 'order', orderId: id, sign: 1 });
  endPendingRequests(ctx, 'order', id, 'withdrawn', `Order cancelled: ${reason}`);
  addOrderEvent(ctx, id, 'cancelled', `Cancelled: ${reason}${released ? `; ${released} reserved units released` : ''}`);
  recordAudit(ctx, 'cancel', 'order', id, { reason, released });
  publishOrderCancelled(ctx, id);
  return getOrderDetail(ctx, id);
}
