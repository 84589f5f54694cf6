import { addDays } from '../../../src-shared/dates';
import type { EngineContext } from '../context';
import { invalid } from '../errors';

export interface BatchInput {
  productId: number;
  batchNo: string;
  manufacturedOn: string | null;
  expiresOn: string | null;
  mrp: number | null;
}

interface ProductForBatch {
  sku: string;
  batchTracked: number;
  shelfLifeDays: number;
}

/** Products without batch tracking keep all their stock in one batch of this name. */
export const UNTRACKED_BATCH = 'NA';

/**
 * Which batch a receipt line means, reading only: the batch on record, or the one to create. A batch number means
 * one set of dates: a line that disagrees with the dates already on record is refused rather than silently
 * changing them. An import's check runs this in a read worker before anything is written.
 */
export function planBatch(
  ctx: EngineContext,
  input: BatchInput,
  field: string,
): { id: number } | { id: null; sku: string; batchNo: string; batchTracked: boolean; expiresOn: string | null } {
  const { sqlite } = ctx.ledger;
  const product = sqlite
    .prepare('SELECT sku, batch_tracked AS batchTracked, shelf_life_days AS shelfLifeDays FROM products WHERE id = ?')
    .get(input.productId) as ProductForBatch | undefined;
  if (!product) throw invalid(`Product ${input.productId} does not exist`, `${field}.productId`);
  const batchNo = product.batchTracked ? input.batchNo.trim().toUpperCase() : UNTRACKED_BATCH;
  if (!batchNo) throw invalid(`${product.sku} is batch-tracked: enter the batch number`, `${field}.batchNo`);
  let expiresOn = input.expiresOn;
  if (product.batchTracked && !expiresOn && input.manufacturedOn && product.shelfLifeDays > 0)
    expiresOn = addDays(input.manufacturedOn, product.shelfLifeDays);
  if (input.manufacturedOn && expiresOn && expiresOn <= input.manufacturedOn)
    throw invalid('Expiry must be after the manufacturing date', `${field}.expiresOn`);
  const existing = sqlite
    .prepare('SELECT id, manufactured_on AS m, expires_on AS e FROM batches WHERE product_id = ? AND batch_no = ?')
    .get(input.productId, batchNo) as { id: number; m: string | null; e: string | null } | undefined;
  if (existing) {
    checkSameExpiry(product, batchNo, existing.e, expiresOn, field);
    return { id: existing.id };
  }
  return { id: null, sku: product.sku, batchNo, batchTracked: !!product.batchTracked, expiresOn: expiresOn ?? null };
}

/** A batch on record (or made earlier in an import file) keeps its expiry. */
export function checkSameExpiry(
  product: { sku: string; batchTracked: number | boolean },
  batchNo: string,
  onRecord: string | null,
  expiresOn: string | null | undefined,
  field: string,
): void {
  if (product.batchTracked && expiresOn && onRecord && onRecord !== expiresOn) {
    throw invalid(
      `Batch ${batchNo} of ${product.sku} is on record with expiry ${onRecord}, not ${expiresOn}`,
      `${field}.expiresOn`,
    );
  }
}

/** Finds or creates a product's batch (see planBatch). */
export function ensureBatch(ctx: EngineContext, input: BatchInput, field: string): number {
  const plan = planBatch(ctx, input, field);
  if (plan.id !== null) return plan.id;
  const { batchNo, expiresOn } = plan;
  const product = { batchTracked: plan.batchTracked };
  const { sqlite } = ctx.ledger;
  return Number(
    sqlite
      .prepare(
        'INSERT INTO batches (product_id, batch_no, manufactured_on, expires_on, mrp, created_at) VALUES (?, ?, ?, ?, ?, ?)',
      )
      .run(
        input.productId,
        batchNo,
        product.batchTracked ? input.manufacturedOn : null,
        product.batchTracked ? expiresOn : null,
        input.mrp,
        ctx.now().toISOString(),
      ).lastInsertRowid,
  );
}
