import type { EventPayload } from '../../../../src-shared/sync';
import { businessDate } from '../../business-date';
import type { EngineContext } from '../../context';
import { publishEvent } from '../publish-event';
import { documentLineOf, type LineRow } from './party';

export type OrderPayload = EventPayload<'order.placed'>;

/**
 * An order as it stands now, in the protocol's words, read in two queries (header with its party and
 * warehouse, then lines): it runs inside every order's posting transaction. Drafts have no number and
 * are not HQ's business.
 */
export function orderPayload(ctx: EngineContext, orderId: number) {
  const { sqlite } = ctx.ledger;
  const o = sqlite
    .prepare(
      `SELECT o.number, o.order_date AS date, u.username AS salesman, o.taxable, o.tax, o.total,
              o.cancelled_at AS cancelledAt, o.cancel_reason AS reason,
              c.code AS partyCode, c.name AS partyName, c.gstin, c.bill_state_code AS stateCode, w.code AS warehouseCode
       FROM orders o JOIN customers c ON c.id = o.customer_id JOIN warehouses w ON w.id = o.warehouse_id
       LEFT JOIN users u ON u.id = o.created_by WHERE o.id = ?`,
    )
    .get(orderId) as {
    number: string | null;
    date: string;
    salesman: string | null;
    taxable: number;
    tax: number;
    total: number;
    cancelledAt: string | null;
    reason: string;
    partyCode: string;
    partyName: string;
    gstin: string;
    stateCode: string;
    warehouseCode: string;
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
      number: o.number,
      date: o.date,
      party: { code: o.partyCode, name: o.partyName, gstin: o.gstin || null, stateCode: o.stateCode },
      warehouseCode: o.warehouseCode,
      salesmanCode: o.salesman,
      lines: lines.map(documentLineOf),
      // The order's total is what its invoice will charge: rounded to the rupee like the invoice.
      totals: {
        taxablePaise: o.taxable,
        taxPaise: o.tax,
        roundOffPaise: o.total - o.taxable - o.tax,
        totalPaise: o.total,
      },
    },
    cancelledAt: o.cancelledAt,
    reason: o.reason,
  };
}

/** Returns the checked payload written, so a confirmation in the same transaction can reuse it. */
export function publishOrderPlaced(ctx: EngineContext, orderId: number): OrderPayload | null {
  const p = orderPayload(ctx, orderId);
  return p ? (publishEvent(ctx, 'order.placed', p.order).payload as OrderPayload) : null;
}

/**
 * `placed`: the payload order.placed wrote earlier in this same transaction. Confirming changes only the
 * order's status and its lines' allocation, which the payload does not carry, so it is still the order
 * as it stands (tests/unit/sync/order-events.test.ts rebuilds it after the commit and compares).
 */
export function publishOrderConfirmed(ctx: EngineContext, orderId: number, placed?: OrderPayload | null): void {
  const order = placed ?? orderPayload(ctx, orderId)?.order;
  if (order) publishEvent(ctx, 'order.confirmed', order);
}

export function publishOrderCancelled(ctx: EngineContext, orderId: number): void {
  const p = orderPayload(ctx, orderId);
  if (!p) return;
  const cancelledOn = businessDate(ctx, p.cancelledAt ? new Date(p.cancelledAt) : ctx.now());
  publishEvent(ctx, 'order.cancelled', { ...p.order, cancelledOn, reason: p.reason || 'not given' });
}
