import { formatMoney } from '../../../src-shared/money';
import { dryRun, hasPolicy, holdPosting, needsApproval } from '../approvals/held-postings';
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

/**
 * A count correction or a write-off. Stock going out (damage, expiry, or a count short: shrinkage by another name)
 * is held for approval when a write-off policy matches its value: nothing moves until the last level approves.
 */
export function adjustStock(ctx: EngineContext, input: AdjustInput) {
  if (input.quantity < 0 && hasPolicy(ctx, 'write_off')) {
    // The value is the one the movement would carry (moving-average cost), worked out by posting it and undoing.
    const out = dryRun(ctx, () => {
      const { movementId } = postAdjustment(ctx, input);
      return ctx.ledger.sqlite
        .prepare(
          // Stock received without a cost moves at value 0: it is valued at list price instead, so an uncosted
          // write-off cannot slip under the policy's amount.
          `SELECT CASE WHEN m.value = 0 THEN -m.quantity * p.price ELSE -m.value END AS value, p.sku,
             b.batch_no AS batchNo FROM stock_movements m
           JOIN products p ON p.id = m.product_id JOIN batches b ON b.id = m.batch_id WHERE m.id = ?`,
        )
        .get(movementId) as { value: number; sku: string; batchNo: string };
    });
    const facts = {
      amount: out.value,
      customerType: null,
      stateCode: null,
      district: null,
      discountBps: 0,
      marginBps: null,
    };
    if (needsApproval(ctx, 'write_off', facts)) {
      const held = holdPosting(ctx, {
        kind: 'write_off',
        input,
        value: out.value,
        description: `Write-off of ${-input.quantity} × ${out.sku} batch ${out.batchNo} (${input.kind}), ${formatMoney(out.value)}`,
        facts,
      });
      return { movementId: null, onHand: balanceOf(ctx, input.warehouseId, input.batchId).onHand, approval: held };
    }
  }
  return postAdjustment(ctx, input);
}

/** Posts the movement now: the adjustment as asked, or a held write-off once approved. */
export function postAdjustment(ctx: EngineContext, input: AdjustInput) {
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
  return { movementId, onHand: balanceOf(ctx, input.warehouseId, input.batchId).onHand, approval: null };
}
