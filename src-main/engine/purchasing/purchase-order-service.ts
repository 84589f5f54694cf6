import type { PurchaseOrder } from '../../../src-shared/contract/purchase-orders';
import { recordAudit } from '../audit';
import { businessToday } from '../business-date';
import type { EngineContext } from '../context';
import { conflict, invalid, notFound } from '../errors';
import { nextDocumentNumber } from '../numbering';
import { getPurchaseOrder } from './purchase-order-view';
import { getSupplier } from './supplier-service';
import { supplierRateOf } from './supplier-rates';

interface LineInput {
  productId: number;
  quantity: number;
  rate?: number | undefined;
  discountBps?: number | undefined;
}
interface OrderInput {
  expectedOn: string | null;
  notes: string;
  lines: LineInput[];
}

/** Each line's rate and discount: as typed, else the supplier's price list; a product off the list needs a rate. */
function pricedLines(ctx: EngineContext, supplierId: number, lines: LineInput[]) {
  const { sqlite } = ctx.ledger;
  return lines.map((l, i) => {
    const product = sqlite.prepare('SELECT sku, status FROM products WHERE id = ?').get(l.productId) as
      { sku: string; status: string } | undefined;
    if (!product) throw notFound(`Product ${l.productId}`, `lines.${i}.productId`);
    if (product.status !== 'active') throw invalid(`${product.sku} is inactive`, `lines.${i}.productId`);
    const listed = supplierRateOf(ctx, supplierId, l.productId);
    const rate = l.rate ?? listed?.rate;
    if (rate === undefined)
      throw invalid(`${product.sku} is not on this supplier's price list: type the rate`, `lines.${i}.rate`);
    return { ...l, rate, discountBps: l.discountBps ?? listed?.discountBps ?? 0 };
  });
}

function checkExpected(ctx: EngineContext, expectedOn: string | null): void {
  if (expectedOn && expectedOn < businessToday(ctx))
    throw invalid('The expected date has already passed', 'expectedOn');
}

function writeLines(ctx: EngineContext, orderId: number, lines: ReturnType<typeof pricedLines>): void {
  const insert = ctx.ledger.sqlite.prepare(
    `INSERT INTO purchase_order_lines (purchase_order_id, line_no, product_id, quantity, rate, discount_bps)
     VALUES (?, ?, ?, ?, ?, ?)`,
  );
  lines.forEach((l, i) => insert.run(orderId, i + 1, l.productId, l.quantity, l.rate, l.discountBps));
}

export function createPurchaseOrder(
  ctx: EngineContext,
  input: OrderInput & { supplierId: number; warehouseId: number },
): PurchaseOrder {
  const { sqlite } = ctx.ledger;
  const supplier = getSupplier(ctx, input.supplierId, 'supplierId');
  if (!supplier.active) throw invalid(`${supplier.name} is inactive`, 'supplierId');
  const warehouse = sqlite.prepare('SELECT active FROM warehouses WHERE id = ?').get(input.warehouseId) as
    { active: number } | undefined;
  if (!warehouse) throw notFound(`Warehouse ${input.warehouseId}`, 'warehouseId');
  if (!warehouse.active) throw invalid('This warehouse is inactive', 'warehouseId');
  checkExpected(ctx, input.expectedOn);
  const lines = pricedLines(ctx, input.supplierId, input.lines);
  const number = nextDocumentNumber(ctx, 'PO');
  const id = Number(
    sqlite
      .prepare(
        `INSERT INTO purchase_orders (number, supplier_id, warehouse_id, order_date, expected_on, status, notes,
           user_id, created_at) VALUES (?, ?, ?, ?, ?, 'open', ?, ?, ?)`,
      )
      .run(
        number,
        input.supplierId,
        input.warehouseId,
        businessToday(ctx),
        input.expectedOn,
        input.notes,
        ctx.actor?.id ?? null,
        ctx.now().toISOString(),
      ).lastInsertRowid,
  );
  writeLines(ctx, id, lines);
  recordAudit(ctx, 'create', 'purchase_order', id, { number, supplierId: input.supplierId, lines: lines.length });
  return getPurchaseOrder(ctx, id);
}

/** Only an open order with nothing received may change: what has arrived was matched against these lines. */
function openOrder(ctx: EngineContext, id: number, doing: string): PurchaseOrder {
  const order = getPurchaseOrder(ctx, id);
  if (order.status !== 'open' || order.lines.some((l) => l.received > 0))
    throw conflict(`${order.number} is ${order.status.replace('_', ' ')}: it can no longer be ${doing}`, 'id');
  return order;
}

export function updatePurchaseOrder(ctx: EngineContext, input: OrderInput & { id: number; version: number }) {
  const order = openOrder(ctx, input.id, 'changed');
  if (order.version !== input.version)
    throw conflict('Someone else changed this order since you opened it; reload and try again', 'version');
  checkExpected(ctx, input.expectedOn);
  const lines = pricedLines(ctx, order.supplierId, input.lines);
  const { sqlite } = ctx.ledger;
  sqlite.prepare('DELETE FROM purchase_order_lines WHERE purchase_order_id = ?').run(order.id);
  writeLines(ctx, order.id, lines);
  sqlite
    .prepare('UPDATE purchase_orders SET expected_on = ?, notes = ?, version = version + 1 WHERE id = ?')
    .run(input.expectedOn, input.notes, order.id);
  recordAudit(ctx, 'update', 'purchase_order', order.id, { number: order.number, lines: lines.length });
  return getPurchaseOrder(ctx, order.id);
}

export function sendPurchaseOrder(ctx: EngineContext, id: number): PurchaseOrder {
  const order = getPurchaseOrder(ctx, id);
  if (order.status === 'cancelled') throw conflict(`${order.number} is cancelled: it cannot be sent`, 'id');
  ctx.ledger.sqlite
    .prepare('UPDATE purchase_orders SET sent_at = ?, version = version + 1 WHERE id = ?')
    .run(ctx.now().toISOString(), id);
  recordAudit(ctx, 'send', 'purchase_order', id, { number: order.number });
  return getPurchaseOrder(ctx, id);
}

export function cancelPurchaseOrder(ctx: EngineContext, id: number, reason: string): PurchaseOrder {
  const order = openOrder(ctx, id, 'cancelled');
  ctx.ledger.sqlite
    .prepare("UPDATE purchase_orders SET status = 'cancelled', cancel_reason = ?, version = version + 1 WHERE id = ?")
    .run(reason, id);
  recordAudit(ctx, 'cancel', 'purchase_order', id, { number: order.number, reason });
  return getPurchaseOrder(ctx, id);
}
