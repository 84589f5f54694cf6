import { recordAudit } from '../audit';
import type { EngineContext } from '../context';
import { conflict, DomainError, notFound } from '../errors';
import { candidateBatches, allocateAndReserve } from '../inventory/reserve-stock';
import { addOrderEvent, getOrderDetail } from './order-store';

function lineContext(ctx: EngineContext, orderLineId: number) {
  const line = ctx.ledger.sqlite
    .prepare(
      `SELECT l.id, l.order_id AS orderId, l.product_id AS productId, l.quantity, l.allocated, coalesce(l.warehouse_id, o.warehouse_id) AS warehouseId, o.status, o.number,
              coalesce(c.min_shelf_life_days, t.min_shelf_life_days, 0) AS minShelf
       FROM order_lines l JOIN orders o ON o.id = l.order_id JOIN customers c ON c.id = o.customer_id JOIN customer_types t ON t.code = c.type WHERE l.id = ?`,
    )
    .get(orderLineId) as { id: number; orderId: number; productId: number; quantity: number; allocated: number; warehouseId: number; status: string; number: string; minShelf: number } | undefined;
  if (!line) throw notFound(`Order line ${orderLineId}`, 'orderLineId');
  return line;
}

export function lineBatches(ctx: EngineContext, orderLineId: number) {
  const line = lineContext(ctx, orderLineId);
  return candidateBatches(ctx, line.warehouseId, line.productId);
}

/** The clerk's own batch choice for a line, checked by the same rule as automatic allocation. */
export function allocateManually(ctx: EngineContext, input: { orderLineId: number; batches: { batchId: number; quantity: number }[] }) {
  const line = lineContext(ctx, input.orderLineId);
  if (!['confirmed', 'processing'].includes(line.status)) throw conflict(`Order ${line.number} is ${line.status.replace('_', ' ')}; batches can be chosen only on a confirmed order`, 'orderLineId');
  const open = line.quantity - line.allocated;
  if (open <= 0) throw conflict('This line is already fully allocated', 'orderLineId');
  const result = allocateAndReserve(ctx, {
    orderLineId: line.id, warehouseId: line.warehouseId, productId: line.productId, quantity: open, method: 'manual', minShelfLifeDays: line.minShelf, manual: input.batches,
  });
  const refused = result.skipped.filter((s) => input.batches.some((b) => b.batchId === s.batchId));
  if (refused.length) throw new DomainError('rule_violated', `Cannot use ${refused.map((s) => `${s.batchNo}: ${s.detail}`).join('; ')}`, 'batches');
  ctx.ledger.sqlite.prepare('UPDATE order_lines SET allocated = allocated + ?, backordered = ?, allocation_note = ? WHERE id = ?').run(result.allocated, open - result.allocated, result.explanation, line.id);
  addOrderEvent(ctx, line.orderId, 'allocated', `Batches chosen: ${result.explanation}`);
  recordAudit(ctx, 'allocate', 'order_line', line.id, { batches: input.batches });
  return getOrderDetail(ctx, line.orderId);
}
