import type { EngineContext } from '../../context';
import { RowError } from '../../csv-import';

/** The outlet a file names by our customer code or by its GSTIN; null when we do not know it. */
export function findOutlet(ctx: EngineContext, text: string): number | null {
  const code = text.trim();
  if (!code) return null;
  const row = ctx.ledger.sqlite
    .prepare(`SELECT id FROM customers WHERE code = ? COLLATE NOCASE OR (gstin <> '' AND gstin = upper(?)) LIMIT 1`)
    .get(code, code) as { id: number } | undefined;
  return row?.id ?? null;
}

export const aliasCode = (text: string) => text.trim().toUpperCase();

export interface FoundProduct {
  productId: number;
  /** how it was found, for the preview and the mapping screen */
  by: 'alias' | 'barcode' | 'sku';
  /** a pack barcode says its unit when the file does not */
  unit: string;
}

/**
 * Our product for an outlet's code: a code this outlet's files were mapped by before wins (it is what the clerk
 * said), then a code mapped for every outlet, then our barcodes, then our SKUs. Null: held for mapping.
 */
export function findProduct(ctx: EngineContext, customerId: number | null, text: string): FoundProduct | null {
  const { sqlite } = ctx.ledger;
  const code = aliasCode(text);
  if (!code) return null;
  const alias = sqlite
    .prepare(
      `SELECT product_id AS productId FROM channel_product_aliases
        WHERE code = ? AND (customer_id = ? OR customer_id IS NULL) ORDER BY customer_id IS NULL LIMIT 1`,
    )
    .get(code, customerId) as { productId: number } | undefined;
  if (alias) return { productId: alias.productId, by: 'alias', unit: '' };
  const barcode = sqlite
    .prepare('SELECT product_id AS productId, unit FROM product_barcodes WHERE code = ?')
    .get(text.trim()) as { productId: number; unit: string } | undefined;
  if (barcode) return { productId: barcode.productId, by: 'barcode', unit: barcode.unit };
  const sku = sqlite.prepare('SELECT id FROM products WHERE sku = ? COLLATE NOCASE').get(text.trim()) as
    { id: number } | undefined;
  return sku ? { productId: sku.id, by: 'sku', unit: '' } : null;
}

/**
 * A file quantity in base units: "case" converts by the product's pack (24 a case), an empty unit or the base unit
 * is taken as is. A part pack that does not come to whole base units is refused, not rounded.
 */
export function toBaseUnits(
  ctx: EngineContext,
  productId: number,
  unit: string,
  quantity: number | null,
  column: string,
): number | null {
  if (quantity === null) return null;
  const product = ctx.ledger.sqlite
    .prepare('SELECT sku, base_unit AS baseUnit FROM products WHERE id = ?')
    .get(productId) as { sku: string; baseUnit: string };
  const wanted = unit.trim().toLowerCase();
  let factor = 1;
  if (wanted && wanted !== product.baseUnit.toLowerCase()) {
    const pack = ctx.ledger.sqlite
      .prepare('SELECT factor FROM product_units WHERE product_id = ? AND lower(unit) = ?')
      .get(productId, wanted) as { factor: number } | undefined;
    if (!pack) throw new RowError('unit', `${product.sku} has no unit "${unit}"; use ${product.baseUnit} or a pack`);
    factor = pack.factor;
  }
  const base = quantity * factor;
  if (!Number.isInteger(Math.round(base * 1e6) / 1e6))
    throw new RowError(column, `${quantity} ${unit} of ${product.sku} is not a whole number of ${product.baseUnit}`);
  return Math.round(base);
}
