import { businessDate } from '../../business-date';
import type { EngineContext } from '../../context';
import { publishEvent } from '../publish-event';
import { documentLineOf, partyOf, warehouseCodeOf, type LineRow } from './party';

/** An order as it stands now, in the protocol's words. Drafts have no number and are not HQ's business. */
export function orderPayload(ctx: EngineContext, orderId: number) {
  const { sqlite } = ctx.ledger;
  const o = sqlite
    .prepare(
      `SELECT o.number, o.order_date AS date, o.customer_id AS customerId, o.warehouse_id AS warehouseId, u.username AS salesman,
              o.taxable, o.tax, o.total, o.cancelled_at AS cancelledAt, o.cancel_reason AS reason
       FROM orders o LEFT JOIN users u ON u.id = o.created_by WHERE o.id = ?`,
    )
    .get(orderId) as {
    number: string | null; date: string; customerId: number; warehouseId: number; salesman: string | null;
    taxable: number; tax: number; total: number; cancelledAt: string | null; reason: string;
  };
  if (!o.number) return null;
  const lines = sqlite
    .prepare(
      `SELECT p.sku, NULL AS batchNo, l.quantity, l.is_free AS isFree, l.unit_price AS unitPrice, l.discount, l.taxable,
              l.tax_rate_bps AS taxRate, l.tax, l.total
       FROM order_lines l JOIN products p ON p.id = l.product_id WHERE l.order_id = ? ORDER BY l.line_no`,
    )
    .all(orderId) as LineRow[];
  return {
    order: {
      number: o.number, date: o.date, party: partyOf(ctx, o.customerId), warehouseCode: warehouseCodeOf(ctx, o.warehouseId),
      salesmanCode: o.salesman, lines: lines.map(documentLineOf),
      // The order's total is what its invoice will charge: rounded to the rupee like the invoice.
      totals: { taxablePaise: o.taxable, taxPaise: o.tax, roundOffPaise: o.total - o.taxable - o.tax, totalPaise: o.total },
    },
    cancelledAt: o.cancelledAt,
    reason: o.reason,
  };
}

export function publishOrderPlaced(ctx: EngineContext, orderId: number): void {
  const p = orderPayload(ctx, orderId);
  if (p) publishEvent(ctx, 'order.placed', p.order);
}

export function publishOrderConfirmed(ctx: EngineContext, orderId: number): void {
  const p = orderPayload(ctx, orderId);
  if (p) publishEvent(ctx, 'order.confirmed', p.order);
}

export function publishOrderCancelled(ctx: EngineContext, orderId: number): void {
  const p = orderPayload(ctx, orderId);
  if (!p) return;
  const cancelledOn = businessDate(ctx, p.cancelledAt ? new Date(p.cancelledAt) : ctx.now());
  publishEvent(ctx, 'order.cancelled', { ...p.order, cancelledOn, reason: p.reason || 'not given' });
}
