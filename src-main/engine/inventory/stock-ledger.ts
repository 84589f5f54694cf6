import type { EngineContext } from '../context';
import { DomainError } from '../errors';
import { applyValuedChange, valueBalanceOf, valueMovement } from './stock-valuation';

export const movementKinds = [
  'opening',
  'receipt',
  'issue',
  'return',
  'adjustment',
  'damage',
  'expiry',
  'transfer_out',
  'in_transit',
  'transfer_in',
  /** goods sent back to the brand under a debit note (expiry, damage, recall) */
  'purchase_return',
] as const;
export type MovementKind = (typeof movementKinds)[number];

export interface Movement {
  warehouseId: number;
  productId: number;
  batchId: number;
  kind: MovementKind;
  /** signed base units: + into the warehouse, − out of it */
  quantity: number;
  inTransit?: number;
  documentType?: string;
  documentId?: number | null;
  reason?: string;
  /**
   * Paise the goods bring in, when the caller knows it: a receipt at landed cost (free goods at 0), goods on the
   * road at the value they left with. Without it, goods in come at the moving average; goods out always leave at it.
   */
  value?: number;
}

export interface PostedMovement {
  id: number;
  value: number;
  transitValue: number;
}

interface Balance {
  onHand: number;
  reserved: number;
  inTransit: number;
}

export function balanceOf(ctx: EngineContext, warehouseId: number, batchId: number): Balance {
  return (
    (ctx.ledger.sqlite
      .prepare(
        'SELECT on_hand AS onHand, reserved, in_transit AS inTransit FROM stock_balances WHERE warehouse_id = ? AND batch_id = ?',
      )
      .get(warehouseId, batchId) as Balance | undefined) ?? { onHand: 0, reserved: 0, inTransit: 0 }
  );
}

function describeBatch(ctx: EngineContext, batchId: number): string {
  const row = ctx.ledger.sqlite
    .prepare('SELECT b.batch_no AS batchNo, p.sku FROM batches b JOIN products p ON p.id = b.product_id WHERE b.id = ?')
    .get(batchId) as { batchNo: string; sku: string } | undefined;
  return row ? `${row.sku} batch ${row.batchNo}` : `batch ${batchId}`;
}

/** The invariant every change keeps: nothing negative, and never more reserved than on hand. */
function assertSound(ctx: EngineContext, warehouseId: number, batchId: number, field: string, asked: number): void {
  const b = balanceOf(ctx, warehouseId, batchId);
  if (b.onHand < 0 || b.reserved < 0 || b.inTransit < 0 || b.reserved > b.onHand) {
    const freeBefore = b.onHand - b.reserved + asked;
    throw new DomainError(
      'rule_violated',
      `Not enough stock: ${describeBatch(ctx, batchId)} has ${Math.max(freeBefore, 0)} free in this warehouse, ${asked} needed`,
      field,
    );
  }
}

/** Appends one movement and moves the balance with it, in the caller's transaction. */
export function postMovement(ctx: EngineContext, m: Movement, field = 'quantity'): number {
  return postValuedMovement(ctx, m, field).id;
}

/** postMovement, answering also the value the movement carried (a sale's cost of goods, a transfer's value). */
export function postValuedMovement(ctx: EngineContext, m: Movement, field = 'quantity'): PostedMovement {
  // A savepoint of its own: a refused movement leaves no trace even outside a caller's transaction.
  return ctx.ledger.sqlite.transaction(() => insertMovement(ctx, m, field))();
}

function insertMovement(ctx: EngineContext, m: Movement, field: string): PostedMovement {
  const { sqlite } = ctx.ledger;
  const before = valueBalanceOf(ctx, m.warehouseId, m.productId);
  const valued = valueMovement(before, m);
  const id = Number(
    sqlite
      .prepare(
        `INSERT INTO stock_movements (at, warehouse_id, product_id, batch_id, kind, quantity, in_transit,
           document_type, document_id, reason, user_id, value, transit_value)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        ctx.now().toISOString(),
        m.warehouseId,
        m.productId,
        m.batchId,
        m.kind,
        m.quantity,
        m.inTransit ?? 0,
        m.documentType ?? '',
        m.documentId ?? null,
        m.reason ?? '',
        ctx.actor?.id ?? null,
        valued.value,
        valued.transitValue,
      ).lastInsertRowid,
  );
  applyValuedChange(ctx, m.warehouseId, m.productId, before, m.quantity, m.inTransit ?? 0, valued);
  sqlite
    .prepare(
      `INSERT INTO stock_balances (warehouse_id, batch_id, product_id, on_hand, reserved, in_transit) VALUES (?, ?, ?, ?, 0, ?)
       ON CONFLICT(warehouse_id, batch_id) DO UPDATE SET on_hand = on_hand + excluded.on_hand, in_transit = in_transit + excluded.in_transit`,
    )
    .run(m.warehouseId, m.batchId, m.productId, m.quantity, m.inTransit ?? 0);
  assertSound(ctx, m.warehouseId, m.batchId, field, -m.quantity);
  return { id, value: valued.value, transitValue: valued.transitValue };
}

/**
 * Reserves (or, negative, releases) stock in the balance; the reservation rows are the caller's.
 * One guarded UPDATE: it changes the row only if the result stays sound (never more reserved than
 * on hand, never below zero), so a refused change writes nothing and needs no savepoint.
 */
export function changeReserved(
  ctx: EngineContext,
  warehouseId: number,
  batchId: number,
  _productId: number,
  delta: number,
  field = 'quantity',
): void {
  const { sqlite } = ctx.ledger;
  const changed = sqlite
    .prepare(
      `UPDATE stock_balances SET reserved = reserved + @delta
       WHERE warehouse_id = @warehouseId AND batch_id = @batchId AND reserved + @delta BETWEEN 0 AND on_hand`,
    )
    .run({ delta, warehouseId, batchId }).changes;
  if (changed === 1) return;
  const b = balanceOf(ctx, warehouseId, batchId);
  throw new DomainError(
    'rule_violated',
    `Not enough stock: ${describeBatch(ctx, batchId)} has ${Math.max(b.onHand - b.reserved, 0)} free in this warehouse, ${delta} needed`,
    field,
  );
}
