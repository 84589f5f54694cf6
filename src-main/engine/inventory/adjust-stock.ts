import { recordAudit } from '../audit';
import type { EngineContext } from '../context';
import { invalid } from '../errors';
import { balanceOf, postMovement } from './stock-ledger';

export interface AdjustInput {
  warehouseId: number;
  batchId: number;
  kind: 'adjustment' | 'damage' | 'expiry';
  quantity: number;
  reason: string;
}

/** A count correction or a write-off; damage and expiry can only take stock out. */
export function adjustStock(ctx: EngineContext, input: AdjustInput) {
  const batch = ctx.ledger.sqlite
    .prepare('SELECT product_id AS productId FROM batches WHERE id = ?')
    .get(input.batchId) as { productId: number } | undefined;
  if (!ctx.ledger.sqlite.prepare('SELECT 1 FROM warehouses WHERE id = ?').get(input.warehouseId))
    throw invalid(`Warehouse ${input.warehouseId} does not exist`, 'warehouseId');
  if (!batch) throw invalid(`Batch ${input.batchId} does not exist`, 'batchId');
  if (input.kind !== 'adjustment' && input.quantity > 0)
    throw invalid('A write-off takes stock out: enter a negative quantity', 'quantity');
  const movementId = postMovement(ctx, {
    warehouseId: input.warehouseId,
    productId: batch.productId,
    batchId: input.batchId,
    kind: input.kind,
    quantity: input.quantity,
    reason: input.reason,
  });
  recordAudit(ctx, input.kind, 'stock', input.batchId, {
    warehouseId: input.warehouseId,
    quantity: input.quantity,
    reason: input.reason,
  });
  return { movementId, onHand: balanceOf(ctx, input.warehouseId, input.batchId).onHand };
}
