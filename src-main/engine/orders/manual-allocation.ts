import { recordAudit } from '../audit';
import type { EngineContext } from '../context';
import { conflict, DomainError, notFound } from '../errors';
import { allocateForLine, lineAllocationContext } from '../inventory/allocate-for-line';
import { candidateBatches } from '../inventory/reserve-stock';
import { allocateOpenLines } from './allocate-order-lines';
import { freeUnitsAllowed } from './free-goods-earned';
import { orderLineStates, paidUnits } from './free-goods-links';
import { addOrderEvent, getOrderDetail } from './order-store';

/** Orders whose open lines may still take stock: confirmed, being picked, or partly delivered with a backorder. */
export const ALLOCATABLE = ['confirmed', 'processing', 'picked', 'partially_delivered'];

function lineContext(ctx: EngineContext, orderLineId: number) {
  const line = ctx.ledger.sqlite
    .prepare(
      'SELECT l.id, l.order_id AS orderId, l.quantity, l.allocated, o.status, o.number FROM order_lines l JOIN orders o ON o.id = l.order_id WHERE l.id = ?',
    )
    .get(orderLineId) as
    { id: number; orderId: number; quantity: number; allocated: number; status: string; number: string } | undefined;
  if (!line) throw notFound(`Order line ${orderLineId}`, 'orderLineId');
  return line;
}

export function lineBatches(ctx: EngineContext, orderLineId: number) {
  const line = lineAllocationContext(ctx, orderLineId);
  return candidateBatches(ctx, line.warehouseId, line.productId);
}

/** How much of a line may be reserved now: its open quantity, and for free goods no more than the reserved paid units earn. */
function openToReserve(
  ctx: EngineContext,
  line: { id: number; orderId: number; quantity: number; allocated: number },
): number {
  const open = line.quantity - line.allocated;
  const lines = orderLineStates(ctx, line.orderId);
  const state = lines.find((l) => l.id === line.id);
  if (!state?.earn) return open;
  return Math.min(
    open,
    freeUnitsAllowed(state.earn, paidUnits(lines, state.earn.productId, 'allocated'), line.quantity, line.allocated),
  );
}

/** The clerk's own batch choice for a line of a manual category, checked by the same rule as automatic allocation. */
export function allocateManually(
  ctx: EngineContext,
  input: { orderLineId: number; batches: { batchId: number; quantity: number }[] },
) {
  const line = lineContext(ctx, input.orderLineId);
  if (!ALLOCATABLE.includes(line.status)) {
    throw conflict(
      `Order ${line.number} is ${line.status.replace('_', ' ')}; batches can be chosen only on a confirmed order`,
      'orderLineId',
    );
  }
  const open = line.quantity - line.allocated;
  if (open <= 0) throw conflict('This line is already fully allocated', 'orderLineId');
  const allowed = openToReserve(ctx, line);
  if (allowed <= 0)
    throw conflict('These free goods wait for the paid units that earn them to be reserved first', 'orderLineId');
  const result = allocateForLine(ctx, { orderLineId: line.id, quantity: allowed, manual: input.batches });
  const refused = result.skipped.filter((s) => input.batches.some((b) => b.batchId === s.batchId));
  if (refused.length)
    throw new DomainError(
      'rule_violated',
      `Cannot use ${refused.map((s) => `${s.batchNo}: ${s.detail}`).join('; ')}`,
      'batches',
    );
  ctx.ledger.sqlite
    .prepare('UPDATE order_lines SET allocated = allocated + ?, backordered = ?, allocation_note = ? WHERE id = ?')
    .run(result.allocated, open - result.allocated, result.explanation, line.id);
  addOrderEvent(ctx, line.orderId, 'allocated', `Batches chosen: ${result.explanation}`);
  // Paid units reserved by hand now earn their free goods: reserve those too.
  const free = allocateOpenLines(ctx, line.orderId, { freeOnly: true });
  if (free.allocated > 0)
    addOrderEvent(
      ctx,
      line.orderId,
      'allocated',
      `${free.allocated} free units reserved for the paid units now reserved`,
    );
  recordAudit(ctx, 'allocate', 'order_line', line.id, { batches: input.batches });
  return getOrderDetail(ctx, line.orderId);
}
