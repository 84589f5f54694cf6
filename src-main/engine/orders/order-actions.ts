import { recordAudit } from '../audit';
import type { EngineContext } from '../context';
import { conflict, notFound } from '../errors';
import { releaseReservations } from '../inventory/reserve-stock';
import { addOrderEvent, getOrderDetail, orderHeader } from './order-store';
import { confirmOrder } from './place-order';
import { checkCreditForApproval, exposureNow } from './approval-credit';
import { publishOrderCancelled } from '../sync/payloads/order-payload';
import { refreshOrderMilestones } from '../summaries/order-milestones';
import { addToDailySales } from '../summaries/daily-sales';
import { notify } from '../notifications/notify';

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
  sqlite.prepare("UPDATE approvals SET status = 'withdrawn' WHERE order_id = ? AND status = 'pending'").run(id);
  addOrderEvent(ctx, id, 'cancelled', `Cancelled: ${reason}${released ? `; ${released} reserved units released` : ''}`);
  recordAudit(ctx, 'cancel', 'order', id, { reason, released });
  publishOrderCancelled(ctx, id);
  return getOrderDetail(ctx, id);
}

/** The queue; a waiting approval carries the customer's credit as of now, not as of when it was placed. */
export function listApprovals(ctx: EngineContext, status: string) {
  return (
    ctx.ledger.sqlite
      .prepare(
        `SELECT a.id, a.order_id AS orderId, o.number AS orderNumber, o.customer_id AS customerId, c.name AS customerName, o.total, a.reasons, coalesce(u.display_name, '') AS requestedBy,
                a.requested_at AS requestedAt, a.status, a.comment
         FROM approvals a JOIN orders o ON o.id = a.order_id JOIN customers c ON c.id = o.customer_id LEFT JOIN users u ON u.id = a.requested_by
         WHERE a.status = ? ORDER BY a.id ${status === 'pending' ? 'ASC' : 'DESC'} LIMIT 500`,
      )
      .all(status) as {
      id: number;
      orderId: number;
      orderNumber: string | null;
      customerId: number;
      customerName: string;
      total: number;
      reasons: string;
      requestedBy: string;
      requestedAt: string;
      status: string;
      comment: string;
    }[]
  ).map((r) => ({
    ...r,
    reasons: JSON.parse(r.reasons) as string[],
    credit:
      r.status === 'pending' ? exposureNow(ctx, { id: r.orderId, customerId: r.customerId, total: r.total }) : null,
  }));
}

/** A manager's decision: approve confirms and allocates the order; reject sends it back to the clerk as a draft. */
export function decideApproval(
  ctx: EngineContext,
  input: { id: number; decision: 'approve' | 'reject'; comment: string },
) {
  const { sqlite } = ctx.ledger;
  const approval = sqlite
    .prepare(
      `SELECT a.order_id AS orderId, a.status, a.requested_by AS requestedBy, o.created_by AS placedBy
       FROM approvals a JOIN orders o ON o.id = a.order_id WHERE a.id = ?`,
    )
    .get(input.id) as
    { orderId: number; status: string; requestedBy: number | null; placedBy: number | null } | undefined;
  if (!approval) throw notFound(`Approval ${input.id}`, 'id');
  if (approval.status !== 'pending') throw conflict(`This approval was already ${approval.status}`, 'id');
  // Four eyes: whoever placed the order or asked for its approval cannot also decide it.
  const me = ctx.actor?.id;
  if (me !== undefined && (approval.placedBy === me || approval.requestedBy === me))
    throw conflict('You placed this order, so another manager or an administrator must decide its approval', 'id');
  const order = orderHeader(ctx, approval.orderId);
  const total = (sqlite.prepare('SELECT total FROM orders WHERE id = ?').get(order.id) as { total: number }).total;
  // Approving decides on today's figures; a hard credit rule refuses before anything is written.
  const check = input.decision === 'approve' ? checkCreditForApproval(ctx, { ...order, total }) : null;
  const status = input.decision === 'approve' ? 'approved' : 'rejected';
  sqlite
    .prepare('UPDATE approvals SET status = ?, decided_by = ?, decided_at = ?, comment = ? WHERE id = ?')
    .run(status, ctx.actor?.id ?? null, ctx.now().toISOString(), input.comment, input.id);
  const who = ctx.actor?.displayName ?? 'A manager';
  const note = input.comment ? `: ${input.comment}` : '';
  if (input.decision === 'approve') {
    const knowingly = check!.overLimit ? ' knowingly over the limit' : '';
    addOrderEvent(ctx, order.id, 'approved', `Approved by ${who}${knowingly}${note}; ${check!.summary}`);
    confirmOrder(ctx, order.id);
  } else {
    sqlite.prepare("UPDATE orders SET status = 'draft' WHERE id = ?").run(order.id);
    refreshOrderMilestones(ctx, [order.id]);
    addOrderEvent(ctx, order.id, 'rejected', `Rejected by ${who}${note}; back to draft`);
  }
  if (approval.requestedBy !== null) {
    notify(ctx, {
      userId: approval.requestedBy,
      text: `${order.number} was ${status} by ${who}${note}`,
      kind: 'approval_decided',
      subject: { type: 'order', id: order.id },
      orderId: order.id,
    });
  }
  const exposure = check?.exposure ?? exposureNow(ctx, { id: order.id, customerId: order.customerId, total });
  const { decision, limit, used, thisOrder, afterOrder, overdue, oldestOverdueDays } = exposure;
  recordAudit(ctx, status, 'order', order.id, {
    comment: input.comment,
    credit: { decision, limit, used, thisOrder, afterOrder, overdue, oldestOverdueDays },
  });
  return getOrderDetail(ctx, order.id);
}
