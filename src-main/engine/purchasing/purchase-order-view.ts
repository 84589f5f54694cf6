import type { z } from 'zod';
import type { PurchaseOrder, purchaseOrderHead } from '../../../src-shared/contract/purchase-orders';
import { applyBasisPoints, multiplyMoney } from '../../../src-shared/money';
import type { EngineContext } from '../context';
import { notFound } from '../errors';

type Head = z.output<typeof purchaseOrderHead>;

/** A line's value before tax: quantity × rate less the trade discount, rounded once, to the paisa. */
export function lineAmount(quantity: number, rate: number, discountBps: number): number {
  const gross = multiplyMoney(rate, quantity);
  return gross - applyBasisPoints(gross, discountBps);
}

const HEAD = `SELECT o.id, o.number, o.supplier_id AS supplierId, s.name AS supplierName, o.warehouse_id AS warehouseId,
  w.name AS warehouseName, o.order_date AS orderDate, o.expected_on AS expectedOn, o.status, o.sent_at AS sentAt,
  o.version, o.notes, o.cancel_reason AS cancelReason
  FROM purchase_orders o JOIN suppliers s ON s.id = o.supplier_id JOIN warehouses w ON w.id = o.warehouse_id`;

const LINES = `SELECT l.id, l.purchase_order_id AS orderId, l.line_no AS lineNo, l.product_id AS productId, p.sku,
  p.name AS productName, p.base_unit AS baseUnit, l.quantity, l.received, l.rate, l.discount_bps AS discountBps
  FROM purchase_order_lines l JOIN products p ON p.id = l.product_id`;

type LineRow = Omit<PurchaseOrder['lines'][number], 'amount'> & { orderId: number };

const withAmount = ({ orderId: _o, ...l }: LineRow) => ({
  ...l,
  amount: lineAmount(l.quantity, l.rate, l.discountBps),
});

export function getPurchaseOrder(ctx: EngineContext, id: number, field = 'id'): PurchaseOrder {
  const { sqlite } = ctx.ledger;
  const head = sqlite.prepare(`${HEAD} WHERE o.id = ?`).get(id) as Omit<PurchaseOrder, 'lines' | 'amount'> | undefined;
  if (!head) throw notFound(`Purchase order ${id}`, field);
  const lines = (sqlite.prepare(`${LINES} WHERE l.purchase_order_id = ? ORDER BY l.line_no`).all(id) as LineRow[]).map(
    withAmount,
  );
  return { ...head, amount: lines.reduce((s, l) => s + l.amount, 0), lines };
}

export function listPurchaseOrders(
  ctx: EngineContext,
  filter: { supplierId?: number | undefined; status?: string | undefined },
): Head[] {
  const where: string[] = [];
  const args: (string | number)[] = [];
  if (filter.supplierId) {
    where.push('o.supplier_id = ?');
    args.push(filter.supplierId);
  }
  if (filter.status) {
    where.push('o.status = ?');
    args.push(filter.status);
  }
  const { sqlite } = ctx.ledger;
  const heads = sqlite
    .prepare(`${HEAD} ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY o.id DESC LIMIT 500`)
    .all(...args) as (Head & { notes?: string; cancelReason?: string })[];
  if (heads.length === 0) return [];
  const amounts = new Map<number, number>();
  const lines = sqlite
    .prepare(`${LINES} WHERE l.purchase_order_id >= ? AND l.purchase_order_id <= ?`)
    .all(heads[heads.length - 1]!.id, heads[0]!.id) as LineRow[];
  for (const l of lines) amounts.set(l.orderId, (amounts.get(l.orderId) ?? 0) + withAmount(l).amount);
  return heads.map(({ notes: _n, cancelReason: _c, ...h }) => ({ ...h, amount: amounts.get(h.id) ?? 0 }));
}
