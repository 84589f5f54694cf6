import { recordAudit } from '../audit';
import type { EngineContext } from '../context';
import { notFound } from '../errors';

type Status = 'open' | 'partly_received' | 'closed';

/** Pure: an order is closed when every line has all it asked for, partly received when anything has come. */
export function statusFromReceipts(lines: { quantity: number; received: number }[]): Status {
  if (lines.length > 0 && lines.every((l) => l.received >= l.quantity)) return 'closed';
  if (lines.some((l) => l.received > 0)) return 'partly_received';
  return 'open';
}

/**
 * Brings a purchase order's status in line with `purchase_order_lines.received`. Receipts (purchase invoices) call
 * it in their own transaction after adding to `received`; a cancelled order stays cancelled.
 */
export function refreshPurchaseOrderStatus(ctx: EngineContext, purchaseOrderId: number): Status | 'cancelled' {
  const { sqlite } = ctx.ledger;
  const order = sqlite.prepare('SELECT status FROM purchase_orders WHERE id = ?').get(purchaseOrderId) as
    { status: string } | undefined;
  if (!order) throw notFound(`Purchase order ${purchaseOrderId}`, 'purchaseOrderId');
  if (order.status === 'cancelled') return 'cancelled';
  const lines = sqlite
    .prepare('SELECT quantity, received FROM purchase_order_lines WHERE purchase_order_id = ?')
    .all(purchaseOrderId) as { quantity: number; received: number }[];
  const status = statusFromReceipts(lines);
  if (status !== order.status) {
    sqlite
      .prepare('UPDATE purchase_orders SET status = ?, version = version + 1 WHERE id = ?')
      .run(status, purchaseOrderId);
    recordAudit(ctx, 'status', 'purchase_order', purchaseOrderId, { from: order.status, to: status });
  }
  return status;
}
