import type { z } from 'zod';
import type { stockNorm } from '../../../src-shared/contract/purchase-orders';
import { recordAudit } from '../audit';
import type { EngineContext } from '../context';
import { invalid, notFound } from '../errors';

export function listStockNorms(ctx: EngineContext, warehouseId: number): z.output<typeof stockNorm>[] {
  return ctx.ledger.sqlite
    .prepare(
      `SELECT n.warehouse_id AS warehouseId, n.product_id AS productId, p.sku, p.name AS productName,
         n.min_quantity AS minQuantity, n.max_quantity AS maxQuantity, n.cover_days AS coverDays
       FROM stock_norms n JOIN products p ON p.id = n.product_id WHERE n.warehouse_id = ? ORDER BY p.name`,
    )
    .all(warehouseId) as z.output<typeof stockNorm>[];
}

interface NormInput {
  warehouseId: number;
  productId: number;
  minQuantity: number | null;
  maxQuantity: number | null;
  coverDays: number | null;
}

/** Sets (or, when all three are empty, removes) how much of a product a warehouse should hold. */
export function setStockNorm(ctx: EngineContext, n: NormInput): { ok: true } {
  const { sqlite } = ctx.ledger;
  if (!sqlite.prepare('SELECT 1 FROM warehouses WHERE id = ?').get(n.warehouseId))
    throw notFound(`Warehouse ${n.warehouseId}`, 'warehouseId');
  if (!sqlite.prepare('SELECT 1 FROM products WHERE id = ?').get(n.productId))
    throw notFound(`Product ${n.productId}`, 'productId');
  if (n.minQuantity !== null && n.maxQuantity !== null && n.maxQuantity < n.minQuantity)
    throw invalid(`The max (${n.maxQuantity}) is below the min (${n.minQuantity})`, 'maxQuantity');
  if (n.minQuantity === null && n.maxQuantity === null && n.coverDays === null) {
    sqlite.prepare('DELETE FROM stock_norms WHERE warehouse_id = ? AND product_id = ?').run(n.warehouseId, n.productId);
  } else {
    sqlite
      .prepare(
        `INSERT INTO stock_norms (warehouse_id, product_id, min_quantity, max_quantity, cover_days, updated_at)
         VALUES (@warehouseId, @productId, @minQuantity, @maxQuantity, @coverDays, @now)
         ON CONFLICT(warehouse_id, product_id) DO UPDATE SET min_quantity = excluded.min_quantity,
           max_quantity = excluded.max_quantity, cover_days = excluded.cover_days, updated_at = excluded.updated_at`,
      )
      .run({ ...n, now: ctx.now().toISOString() });
  }
  recordAudit(ctx, 'set_norm', 'warehouse', n.warehouseId, { ...n });
  return { ok: true };
}
