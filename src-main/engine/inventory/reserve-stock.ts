import { businessToday } from '../business-date';
import type { EngineContext } from '../context';
import { allocateBatches, type Allocation, type AllocationMethod, type CandidateBatch } from './allocate-batches';
import { changeReserved } from './stock-ledger';

export interface ReserveRequest {
  orderLineId: number;
  warehouseId: number;
  productId: number;
  quantity: number;
  method: AllocationMethod;
  minShelfLifeDays: number;
  manual?: { batchId: number; quantity: number }[];
  /** batches not to use: e.g. one a picker found short on the shelf */
  excludeBatchIds?: number[];
  /** already read (candidateBatchesFor): picks are taken off their `available`, for the caller's next line */
  candidates?: CandidateBatch[];
  /** the business date, when the caller already has it */
  today?: string;
}

/** The product's batches in one warehouse with what is free in each (expired ones too, to explain skipping them). */
export function candidateBatches(ctx: EngineContext, warehouseId: number, productId: number): CandidateBatch[] {
  return ctx.ledger.sqlite
    .prepare(
      `SELECT b.id AS batchId, b.batch_no AS batchNo, b.manufactured_on AS manufacturedOn, b.expires_on AS expiresOn, s.on_hand - s.reserved AS available
       FROM stock_balances s JOIN batches b ON b.id = s.batch_id
       WHERE s.warehouse_id = ? AND s.product_id = ? AND s.on_hand - s.reserved > 0`,
    )
    .all(warehouseId, productId) as CandidateBatch[];
}

/** candidateBatches for many (warehouse, product) pairs in one query, keyed `${warehouseId}:${productId}`. */
export function candidateBatchesFor(
  ctx: EngineContext,
  pairs: { warehouseId: number; productId: number }[],
): Map<string, CandidateBatch[]> {
  const rows = ctx.ledger.sqlite
    .prepare(
      `SELECT s.warehouse_id AS warehouseId, s.product_id AS productId, b.id AS batchId, b.batch_no AS batchNo,
              b.manufactured_on AS manufacturedOn, b.expires_on AS expiresOn, s.on_hand - s.reserved AS available
       FROM (SELECT DISTINCT json_extract(value, '$[0]') AS w, json_extract(value, '$[1]') AS p FROM json_each(?)) want
       JOIN stock_balances s ON s.warehouse_id = want.w AND s.product_id = want.p
       JOIN batches b ON b.id = s.batch_id
       WHERE s.on_hand - s.reserved > 0`,
    )
    .all(JSON.stringify(pairs.map((x) => [x.warehouseId, x.productId]))) as (CandidateBatch & {
    warehouseId: number;
    productId: number;
  })[];
  const out = new Map<string, CandidateBatch[]>(pairs.map((x) => [`${x.warehouseId}:${x.productId}`, []]));
  for (const { warehouseId, productId, ...batch } of rows) out.get(`${warehouseId}:${productId}`)!.push(batch);
  return out;
}

/**
 * Order lines reserve through allocateForLine (allocate-for-line.ts), which supplies the customer's
 * shelf life and the category's method; this is the mechanism underneath it.
 * Runs the allocation rule on what is free right now and turns its picks into hard reservations,
 * in the caller's transaction. Writers are serialized by SQLite, and each reservation re-checks
 * the balance, so two orders can never both take the last unit.
 */
export function allocateAndReserve(ctx: EngineContext, request: ReserveRequest): Allocation {
  const today = request.today ?? businessToday(ctx);
  const excluded = new Set(request.excludeBatchIds ?? []);
  const candidates = request.candidates ?? candidateBatches(ctx, request.warehouseId, request.productId);
  const allocation = allocateBatches(
    candidates.filter((b) => !excluded.has(b.batchId)),
    {
      quantity: request.quantity,
      method: request.method,
      today,
      minShelfLifeDays: request.minShelfLifeDays,
      manual: request.manual,
    },
  );
  const insert = ctx.ledger.sqlite.prepare(
    "INSERT INTO reservations (order_line_id, warehouse_id, product_id, batch_id, quantity, status, created_at) VALUES (?, ?, ?, ?, ?, 'active', ?)",
  );
  for (const pick of allocation.picks) {
    insert.run(
      request.orderLineId,
      request.warehouseId,
      request.productId,
      pick.batchId,
      pick.quantity,
      ctx.now().toISOString(),
    );
    changeReserved(ctx, request.warehouseId, pick.batchId, request.productId, pick.quantity);
    const batch = candidates.find((b) => b.batchId === pick.batchId);
    if (batch) batch.available -= pick.quantity;
  }
  return allocation;
}

/** Gives back what an order line still holds, picked or not (cancellation). Returns the quantity released. */
export function releaseReservations(ctx: EngineContext, orderLineId: number): number {
  const { sqlite } = ctx.ledger;
  const held = sqlite
    .prepare(
      "SELECT id, warehouse_id AS w, batch_id AS b, product_id AS p, quantity AS q FROM reservations WHERE order_line_id = ? AND status IN ('active', 'picked')",
    )
    .all(orderLineId) as {
    id: number;
    w: number;
    b: number;
    p: number;
    q: number;
  }[];
  let released = 0;
  for (const r of held) {
    sqlite.prepare("UPDATE reservations SET status = 'released' WHERE id = ?").run(r.id);
    changeReserved(ctx, r.w, r.b, r.p, -r.q);
    released += r.q;
  }
  return released;
}

export function activeReservations(ctx: EngineContext, orderLineId: number) {
  return ctx.ledger.sqlite
    .prepare(
      `SELECT r.id, r.batch_id AS batchId, b.batch_no AS batchNo, b.expires_on AS expiresOn, r.quantity
       FROM reservations r JOIN batches b ON b.id = r.batch_id WHERE r.order_line_id = ? AND r.status = 'active' ORDER BY r.id`,
    )
    .all(orderLineId) as { id: number; batchId: number; batchNo: string; expiresOn: string | null; quantity: number }[];
}
