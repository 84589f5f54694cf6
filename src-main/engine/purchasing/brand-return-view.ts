import type { z } from 'zod';
import type { BrandReturn, brandReturnHead } from '../../../src-shared/contract/brand-returns';
import type { EngineContext } from '../context';
import { notFound } from '../errors';

type Head = z.output<typeof brandReturnHead>;

const HEAD = `SELECT r.id, r.number, r.supplier_id AS supplierId, s.name AS supplierName, r.warehouse_id AS warehouseId,
  w.name AS warehouseName, r.return_date AS returnDate, r.reason, r.value, r.cgst, r.sgst, r.igst, r.total, r.status,
  r.accepted, r.notes, r.claim_reference AS claimReference, r.claim_settled_on AS claimSettledOn
  FROM brand_returns r JOIN suppliers s ON s.id = r.supplier_id JOIN warehouses w ON w.id = r.warehouse_id`;

export function getBrandReturn(ctx: EngineContext, id: number, field = 'id'): BrandReturn {
  const { sqlite } = ctx.ledger;
  const head = sqlite.prepare(`${HEAD} WHERE r.id = ?`).get(id) as Omit<BrandReturn, 'lines'> | undefined;
  if (!head) throw notFound(`Return to the brand ${id}`, field);
  const lines = sqlite
    .prepare(
      `SELECT l.line_no AS lineNo, l.product_id AS productId, p.sku, p.name AS productName, l.batch_id AS batchId,
         b.batch_no AS batchNo, b.expires_on AS expiresOn, l.quantity, l.value, l.tax_rate_bps AS taxRateBps, l.tax
       FROM brand_return_lines l JOIN products p ON p.id = l.product_id JOIN batches b ON b.id = l.batch_id
       WHERE l.brand_return_id = ? ORDER BY l.line_no`,
    )
    .all(id) as BrandReturn['lines'];
  return { ...head, lines };
}

export function listBrandReturns(ctx: EngineContext, supplierId?: number): Head[] {
  const rows = ctx.ledger.sqlite
    .prepare(`${HEAD} ${supplierId ? 'WHERE r.supplier_id = ?' : ''} ORDER BY r.id DESC LIMIT 500`)
    .all(...(supplierId ? [supplierId] : [])) as (Head & { notes?: string })[];
  return rows.map(({ notes: _n, claimReference: _r, claimSettledOn: _s, ...h }: Head & Record<string, unknown>) => h);
}
