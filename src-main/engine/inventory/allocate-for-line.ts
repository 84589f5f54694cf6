import type { EngineContext } from '../context';
import { DomainError, notFound } from '../errors';
import type { Allocation, AllocationMethod } from './allocate-batches';
import { methodForProduct } from './inventory-settings';
import { allocateAndReserve } from './reserve-stock';

/**
 * The one way an order line takes stock. Confirmation, filling a backorder, a short pick's
 * re-allocation, the clerk's own batch choice and a shortage sent to another warehouse all come
 * here, so each applies the same checks: never an expired batch, never one with less than the
 * customer's minimum shelf life (theirs, else their type's), and the category's method. The
 * business date is taken by allocateAndReserve; the rule itself is the pure allocateBatches.
 */
export interface LineAllocationRequest {
  orderLineId: number;
  /** base units to allocate now */
  quantity: number;
  /** the clerk's choice, allowed only for a line whose category is allocated manually */
  manual?: { batchId: number; quantity: number }[];
  /** batches not to use: one a picker found short on the shelf */
  excludeBatchIds?: number[];
  /** the counter sells FEFO whatever the category says: nobody chooses batches there */
  counterFefo?: boolean;
}

export interface LineAllocation extends Allocation {
  method: AllocationMethod;
  /** a manual-category line with no choice yet: nothing reserved, the clerk must choose batches */
  awaitingClerk: boolean;
}

const methodNames: Record<AllocationMethod, string> = {
  fefo: 'FEFO (earliest expiry first)',
  fifo: 'FIFO (oldest first)',
  lifo: 'LIFO (newest first)',
  manual: 'manually',
};

/** Who and where: the line's warehouse (its own when sourced elsewhere), the customer's shelf-life rule, the method. */
export function lineAllocationContext(ctx: EngineContext, orderLineId: number) {
  const line = ctx.ledger.sqlite
    .prepare(
      `SELECT l.id, l.order_id AS orderId, l.product_id AS productId, p.sku, coalesce(l.warehouse_id, o.warehouse_id) AS warehouseId,
              coalesce(c.min_shelf_life_days, t.min_shelf_life_days, 0) AS minShelfLifeDays
       FROM order_lines l JOIN orders o ON o.id = l.order_id JOIN products p ON p.id = l.product_id
       JOIN customers c ON c.id = o.customer_id LEFT JOIN customer_types t ON t.code = c.type WHERE l.id = ?`,
    )
    .get(orderLineId) as
    | { id: number; orderId: number; productId: number; sku: string; warehouseId: number; minShelfLifeDays: number }
    | undefined;
  if (!line) throw notFound(`Order line ${orderLineId}`, 'orderLineId');
  return { ...line, method: methodForProduct(ctx, line.productId) };
}

export function allocateForLine(ctx: EngineContext, request: LineAllocationRequest): LineAllocation {
  const line = lineAllocationContext(ctx, request.orderLineId);
  const method: AllocationMethod = request.counterFefo ? 'fefo' : line.method;
  if (request.manual && method !== 'manual') {
    throw new DomainError(
      'rule_violated',
      `${line.sku} is allocated ${methodNames[method]} by its category; its batches are chosen automatically`,
      'batches',
    );
  }
  if (method === 'manual' && !request.manual) {
    const explanation = 'manual allocation: batches are chosen at picking';
    return {
      picks: [],
      allocated: 0,
      shortfall: request.quantity,
      skipped: [],
      explanation,
      method,
      awaitingClerk: true,
    };
  }
  const allocation = allocateAndReserve(ctx, {
    orderLineId: line.id,
    warehouseId: line.warehouseId,
    productId: line.productId,
    quantity: request.quantity,
    method,
    minShelfLifeDays: line.minShelfLifeDays,
    manual: request.manual,
    excludeBatchIds: request.excludeBatchIds,
  });
  return { ...allocation, method, awaitingClerk: false };
}
