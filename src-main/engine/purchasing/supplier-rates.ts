import { z } from 'zod';
import type { SupplierRate } from '../../../src-shared/contract/purchase-orders';
import { divideRounded, parseMoney, parseRate } from '../../../src-shared/money';
import { recordAudit } from '../audit';
import type { EngineContext } from '../context';
import { RowError, type CsvImportSpec } from '../csv-import';
import { notFound } from '../errors';
import { getSupplier } from './supplier-service';

const SELECT = `SELECT r.supplier_id AS supplierId, r.product_id AS productId, p.sku, p.name AS productName,
  p.base_unit AS baseUnit, r.rate, r.discount_bps AS discountBps, r.updated_at AS updatedAt
  FROM supplier_rates r JOIN products p ON p.id = r.product_id`;

export function listSupplierRates(ctx: EngineContext, supplierId: number): SupplierRate[] {
  getSupplier(ctx, supplierId, 'supplierId');
  return ctx.ledger.sqlite
    .prepare(`${SELECT} WHERE r.supplier_id = ? ORDER BY p.name`)
    .all(supplierId) as SupplierRate[];
}

/** The agreed rate of one product, or null when the supplier's price list does not carry it. */
export function supplierRateOf(
  ctx: EngineContext,
  supplierId: number,
  productId: number,
): { rate: number; discountBps: number } | null {
  return (
    (ctx.ledger.sqlite
      .prepare('SELECT rate, discount_bps AS discountBps FROM supplier_rates WHERE supplier_id = ? AND product_id = ?')
      .get(supplierId, productId) as { rate: number; discountBps: number } | undefined) ?? null
  );
}

interface RateInput {
  supplierId: number;
  productId: number;
  rate: number;
  discountBps: number;
}

function writeRate(ctx: EngineContext, r: RateInput): void {
  const product = ctx.ledger.sqlite.prepare('SELECT sku FROM products WHERE id = ?').get(r.productId) as
    { sku: string } | undefined;
  if (!product) throw notFound(`Product ${r.productId}`, 'productId');
  ctx.ledger.sqlite
    .prepare(
      `INSERT INTO supplier_rates (supplier_id, product_id, rate, discount_bps, updated_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT(supplier_id, product_id) DO UPDATE SET rate = excluded.rate, discount_bps = excluded.discount_bps,
         updated_at = excluded.updated_at`,
    )
    .run(r.supplierId, r.productId, r.rate, r.discountBps, ctx.now().toISOString());
  recordAudit(ctx, 'set_rate', 'supplier', r.supplierId, {
    sku: product.sku,
    rate: r.rate,
    discountBps: r.discountBps,
  });
}

export function setSupplierRate(ctx: EngineContext, r: RateInput): SupplierRate {
  getSupplier(ctx, r.supplierId, 'supplierId');
  writeRate(ctx, r);
  return ctx.ledger.sqlite
    .prepare(`${SELECT} WHERE r.supplier_id = ? AND r.product_id = ?`)
    .get(r.supplierId, r.productId) as SupplierRate;
}

export function removeSupplierRate(ctx: EngineContext, supplierId: number, productId: number): { ok: true } {
  const changes = ctx.ledger.sqlite
    .prepare('DELETE FROM supplier_rates WHERE supplier_id = ? AND product_id = ?')
    .run(supplierId, productId).changes;
  if (changes === 0) throw notFound(`Product ${productId} on this supplier's price list`, 'productId');
  recordAudit(ctx, 'remove_rate', 'supplier', supplierId, { productId });
  return { ok: true };
}

const rateRow = z.object({
  productId: z.int().positive(),
  rate: z.int('Rate must be in rupees and paise').min(0, 'Rate cannot be negative'),
  discountBps: z.int().min(0, 'Discount cannot be negative').max(10_000, 'Discount cannot exceed 100%'),
});

/**
 * The brand's price list as it sends it: one row per SKU, the rate in rupees per base unit — or per pack when a
 * `unit` column names one, divided down to the base unit (rounded to the paisa) — and an optional discount %.
 */
export function supplierRateImportSpec(ctx: EngineContext, supplierId: number): CsvImportSpec<typeof rateRow> {
  const { sqlite } = ctx.ledger;
  return {
    columns: {
      sku: ['item code', 'product code', 'material', 'code'],
      rate: ['purchase rate', 'price', 'ptd', 'distributor price', 'net rate'],
      unit: ['uom', 'pack', 'per'],
      discount: ['discount %', 'disc', 'disc %', 'trade discount'],
    },
    required: ['sku', 'rate'],
    schema: rateRow,
    columnFor: { productId: 'sku', rate: 'rate', discountBps: 'discount' },
    toInput(r) {
      const product = sqlite
        .prepare('SELECT id, base_unit AS baseUnit FROM products WHERE sku = ? COLLATE NOCASE')
        .get(r.sku ?? '') as { id: number; baseUnit: string } | undefined;
      if (!product) throw new RowError('sku', `No product has SKU ${r.sku}`);
      const unit = (r.unit ?? '').trim().toLowerCase();
      let factor = 1;
      if (unit && unit !== product.baseUnit) {
        const pack = sqlite
          .prepare('SELECT factor FROM product_units WHERE product_id = ? AND unit = ?')
          .get(product.id, unit) as { factor: number } | undefined;
        if (!pack) throw new RowError('unit', `${r.sku} has no unit "${unit}"`);
        factor = pack.factor;
      }
      const rate = parseMoney(r.rate ?? '');
      if (rate === null) throw new RowError('rate', `Rate "${r.rate}" is not an amount in rupees`);
      const discountBps = r.discount ? parseRate(r.discount) : 0;
      if (discountBps === null) throw new RowError('discount', `Discount "${r.discount}" is not a percentage`);
      return { productId: product.id, rate: divideRounded(rate, factor), discountBps };
    },
    // writeRate sets or replaces the rate: nothing it refuses that toInput has not read already.
    check() {},
    write(c, row) {
      writeRate(c, { supplierId, ...row });
    },
  };
}
