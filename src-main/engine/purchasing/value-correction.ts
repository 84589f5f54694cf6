import type { EngineContext } from '../context';
import { applyValuedChange, valueBalanceOf } from '../inventory/stock-valuation';

/**
 * A value-only movement (no quantity): puts `delta` paise onto what is on the shelf of a warehouse × product,
 * and records it as a movement so stock value stays the sum of the movements' values. Used when the brand's
 * invoice values goods already received (a shipment pulled by sync) and when a purchase invoice is cancelled
 * (so the goods leave at what they came in at, not at the average they raised).
 * What has already left keeps the cost it left with; the shelf never goes below zero value, and with nothing on
 * the shelf nothing is corrected. Answers the paise actually moved.
 */
export function correctStockValue(
  ctx: EngineContext,
  m: { warehouseId: number; productId: number; batchId: number; documentType: string; documentId: number },
  delta: number,
  reason: string,
): number {
  const before = valueBalanceOf(ctx, m.warehouseId, m.productId);
  if (before.quantity <= 0 || delta === 0) return 0;
  const moved = Math.max(delta, -before.value);
  if (moved === 0) return 0;
  ctx.ledger.sqlite
    .prepare(
      `INSERT INTO stock_movements (at, warehouse_id, product_id, batch_id, kind, quantity, in_transit,
         document_type, document_id, reason, user_id, value, transit_value)
       VALUES (?, ?, ?, ?, 'adjustment', 0, 0, ?, ?, ?, ?, ?, 0)`,
    )
    .run(
      ctx.now().toISOString(),
      m.warehouseId,
      m.productId,
      m.batchId,
      m.documentType,
      m.documentId,
      reason,
      ctx.actor?.id ?? null,
      moved,
    );
  applyValuedChange(ctx, m.warehouseId, m.productId, before, 0, 0, { value: moved, transitValue: 0, basis: 'given' });
  return moved;
}
