import { recordAudit } from '../../audit';
import type { EngineContext } from '../../context';
import { invalid, notFound } from '../../errors';
import { getSupplier } from '../../purchasing/supplier-service';

const SELECT = `SELECT pc.id, pc.supplier_id AS supplierId, s.name AS supplierName, pc.product_id AS productId, p.sku,
  p.name AS productName, pc.old_rate AS oldRate, pc.new_rate AS newRate, pc.effective_on AS effectiveOn, pc.reference
  FROM price_changes pc JOIN suppliers s ON s.id = pc.supplier_id JOIN products p ON p.id = pc.product_id`;

export interface PriceChangeRow {
  id: number;
  supplierId: number;
  supplierName: string;
  productId: number;
  sku: string;
  productName: string;
  oldRate: number;
  newRate: number;
  effectiveOn: string;
  reference: string;
}

export function listPriceChanges(ctx: EngineContext, supplierId?: number): PriceChangeRow[] {
  const where = supplierId ? 'WHERE pc.supplier_id = ?' : '';
  return ctx.ledger.sqlite
    .prepare(`${SELECT} ${where} ORDER BY pc.effective_on DESC, pc.id DESC LIMIT 500`)
    .all(...(supplierId ? [supplierId] : [])) as PriceChangeRow[];
}

/** A brand's price cut on a product from a date: what price protection is claimed on. */
export function recordPriceChange(
  ctx: EngineContext,
  input: {
    supplierId: number;
    productId: number;
    oldRate: number;
    newRate: number;
    effectiveOn: string;
    reference: string;
  },
): PriceChangeRow {
  getSupplier(ctx, input.supplierId, 'supplierId');
  const { sqlite } = ctx.ledger;
  if (!sqlite.prepare('SELECT 1 FROM products WHERE id = ?').get(input.productId))
    throw notFound(`Product ${input.productId}`, 'productId');
  if (input.newRate >= input.oldRate) throw invalid('A price cut makes the new rate lower than the old', 'newRate');
  const { id } = sqlite
    .prepare(
      `INSERT INTO price_changes (supplier_id, product_id, old_rate, new_rate, effective_on, reference, created_at,
         created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
    )
    .get(
      ...[input.supplierId, input.productId, input.oldRate, input.newRate, input.effectiveOn, input.reference],
      ...[ctx.now().toISOString(), ctx.actor?.id ?? null],
    ) as { id: number };
  recordAudit(ctx, 'create', 'price_change', id, { productId: input.productId, effectiveOn: input.effectiveOn });
  return sqlite.prepare(`${SELECT} WHERE pc.id = ?`).get(id) as PriceChangeRow;
}
