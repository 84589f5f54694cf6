import type { EngineContext } from '../context';
import { DomainError, notFound } from '../errors';
import type { Allocation, AllocationMethod, CandidateBatch } from './allocate-batches';
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

export interface LineAllocationContext {
  id: number;
  orderId: number;
  productId: number;
  sku: string;
  warehouseId: number;
  minShelfLifeDays: number;
  method: AllocationMethod;
}

/**
 * Who and where, for some lines (all of an order's when `orderId` is given): the line's warehouse
 * (its own when sourced elsewhere), the customer's shelf-life rule, and the method (the category's
 * rule, else the company's). One query however many lines: a confirm reads it once.
 */
export function lineAllocationContexts(
  ctx: EngineContext,
  by: { orderId: number } | { orderLineId: number },
): Map<number, LineAllocationContext> {
  const rows = ctx.ledger.sqlite
    .prepare(
      `SELECT l.id, l.order_id AS orderId, l.product_id AS productId, p.sku, coalesce(l.warehouse_id, o.warehouse_id) AS warehouseId,
              coalesce(c.min_shelf_life_days, t.min_shelf_life_days, 0) AS minShelfLifeDays,
              coalesce(r.method, (SELECT allocation_method FROM company WHERE id = 1), 'fefo') AS method
       FROM order_lines l JOIN orders o ON o.id = l.order_id JOIN products p ON p.id = l.product_id
       JOIN customers c ON c.id = o.customer_id LEFT JOIN customer_types t ON t.code = c.type
       LEFT JOIN allocation_rules r ON r.category = p.category
       WHERE ${'orderId' in by ? 'l.order_id = ?' : 'l.id = ?'}`,
    )
    .all('orderId' in by ? by.orderId : by.orderLineId) as LineAllocationContext[];
  return new Map(rows.map((r) => [r.id, r]));
}

export function lineAllocationContext(ctx: EngineContext, orderLineId: number): LineAllocationContext {
  const line = lineAllocationContexts(ctx, { orderLineId }).get(orderLineId);
  if (!line) throw notFound(`Order line ${orderLineId}`, 'orderLineId');
  return line;
}

/** What a caller allocating many lines at once has already read: the line's context and its candidates. */
export interface PreparedLine {
  line: LineAllocationContext;
  /** the free batches of the line's product in its warehouse, kept current by the caller's earlier picks */
  candidates: CandidateBatch[];
  today: string;
}

export function allocateForLine(
  ctx: EngineContext,
  request: LineAllocationRequest,
  prepared?: PreparedLine,
): LineAllocation {
  const line = prepared?.line ?? lineAllocationContext(ctx, request.orderLineId);
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
    candidates: prepared?.candidates,
    today: prepared?.today,
  });
  return { ...allocation, method, awaitingClerk: false };
}
