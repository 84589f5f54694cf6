import type { z } from 'zod';
import type { Product, productFields } from '../../../src-shared/contract/products';
import { barcodeVariants } from '../../../src-shared/gtin';
import { recordAudit } from '../audit';
import type { EngineContext } from '../context';
import { conflict, isUniqueViolation, notFound } from '../errors';

export type ProductInput = z.output<typeof productFields>;

interface ProductDbRow {
  id: number;
  sku: string;
  name: string;
  brand: string;
  category: string;
  hsn: string;
  licence: Product['licence'];
  tax_rate_bps: number;
  mrp: number;
  price: number;
  base_unit: string;
  uqc: string;
  batch_tracked: number;
  shelf_life_days: number;
  rack_location: string;
  status: Product['status'];
  version: number;
  created_at: string;
  updated_at: string;
}

export function getProduct(ctx: EngineContext, id: number): Product {
  const { sqlite } = ctx.ledger;
  const r = sqlite.prepare('SELECT * FROM products WHERE id = ?').get(id) as ProductDbRow | undefined;
  if (!r) throw notFound(`Product ${id}`, 'id');
  const packs = sqlite
    .prepare('SELECT unit, factor FROM product_units WHERE product_id = ? ORDER BY factor DESC')
    .all(id) as Product['packs'];
  const barcodes = sqlite
    .prepare('SELECT code, unit FROM product_barcodes WHERE product_id = ? ORDER BY rowid')
    .all(id) as Product['barcodes'];
  return {
    id: r.id,
    sku: r.sku,
    name: r.name,
    brand: r.brand,
    category: r.category,
    hsn: r.hsn,
    licence: r.licence,
    taxRate: r.tax_rate_bps,
    mrp: r.mrp,
    price: r.price,
    baseUnit: r.base_unit,
    uqc: r.uqc,
    packs,
    barcodes,
    batchTracked: r.batch_tracked === 1,
    shelfLifeDays: r.shelf_life_days,
    rackLocation: r.rack_location,
    status: r.status,
    version: r.version,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export function productIdBySku(ctx: EngineContext, sku: string): number | undefined {
  return (
    ctx.ledger.sqlite.prepare('SELECT id FROM products WHERE sku = ? COLLATE NOCASE').get(sku) as
      { id: number } | undefined
  )?.id;
}

function columns(p: ProductInput) {
  return {
    sku: p.sku,
    name: p.name,
    brand: p.brand,
    category: p.category,
    hsn: p.hsn,
    licence: p.licence,
    tax_rate_bps: p.taxRate,
    mrp: p.mrp,
    price: p.price,
    base_unit: p.baseUnit,
    uqc: p.uqc,
    batch_tracked: p.batchTracked ? 1 : 0,
    shelf_life_days: p.shelfLifeDays,
    rack_location: p.rackLocation,
    status: p.status,
  };
}

function saveUnitsAndBarcodes(ctx: EngineContext, productId: number, p: ProductInput): void {
  const { sqlite } = ctx.ledger;
  sqlite.prepare('DELETE FROM product_units WHERE product_id = ?').run(productId);
  sqlite.prepare('DELETE FROM product_barcodes WHERE product_id = ?').run(productId);
  const unit = sqlite.prepare('INSERT INTO product_units (product_id, unit, factor) VALUES (?, ?, ?)');
  for (const pack of p.packs) unit.run(productId, pack.unit, pack.factor);
  const insertBarcode = sqlite.prepare('INSERT INTO product_barcodes (code, product_id, unit) VALUES (?, ?, ?)');
  p.barcodes.forEach((b, i) => {
    const owner = sqlite
      .prepare('SELECT p.sku FROM product_barcodes b JOIN products p ON p.id = b.product_id WHERE b.code = ?')
      .get(b.code) as { sku: string } | undefined;
    if (owner) throw conflict(`Barcode ${b.code} already belongs to ${owner.sku}`, `barcodes.${i}.code`);
    insertBarcode.run(b.code, productId, b.unit);
  });
}

function rethrowUnique(error: unknown, sku: string): never {
  if (isUniqueViolation(error, 'sku')) throw conflict(`SKU ${sku} is already used by another product`, 'sku');
  throw error;
}

export function createProduct(ctx: EngineContext, input: ProductInput): Product {
  const cols = columns(input);
  const names = Object.keys(cols);
  let id: number;
  try {
    const now = ctx.now().toISOString();
    id = Number(
      ctx.ledger.sqlite
        .prepare(
          `INSERT INTO products (${names.join(', ')}, created_at, updated_at) VALUES (${names.map((n) => `@${n}`).join(', ')}, @now, @now)`,
        )
        .run({ ...cols, now }).lastInsertRowid,
    );
  } catch (error) {
    rethrowUnique(error, input.sku);
  }
  saveUnitsAndBarcodes(ctx, id, input);
  recordAudit(ctx, 'create', 'product', id, { sku: input.sku, name: input.name });
  return getProduct(ctx, id);
}

export function updateProduct(ctx: EngineContext, input: ProductInput & { id: number; version: number }): Product {
  const before = getProduct(ctx, input.id);
  if (before.version !== input.version)
    throw conflict(
      `${before.name} was changed by someone else since you opened it; reload to see their change`,
      'version',
    );
  const cols = columns(input);
  try {
    ctx.ledger.sqlite
      .prepare(
        `UPDATE products SET ${Object.keys(cols)
          .map((n) => `${n} = @${n}`)
          .join(', ')}, version = version + 1, updated_at = @now WHERE id = @id`,
      )
      .run({ ...cols, id: input.id, now: ctx.now().toISOString() });
  } catch (error) {
    rethrowUnique(error, input.sku);
  }
  saveUnitsAndBarcodes(ctx, input.id, input);
  recordAudit(ctx, 'update', 'product', input.id, {
    sku: input.sku,
    price: { from: before.price, to: input.price },
    mrp: { from: before.mrp, to: input.mrp },
  });
  return getProduct(ctx, input.id);
}

/** Which product and unit a scan means; GTIN-14 and EAN-13 spellings of one code both match. */
export function findByBarcode(ctx: EngineContext, barcode: string) {
  const variants = barcodeVariants(barcode);
  const hit = ctx.ledger.sqlite
    .prepare(
      `SELECT product_id AS productId, unit FROM product_barcodes WHERE code IN (${variants.map(() => '?').join(',')}) LIMIT 1`,
    )
    .get(...variants) as { productId: number; unit: string } | undefined;
  if (!hit) throw notFound(`No product has barcode ${barcode}`, 'barcode');
  const product = getProduct(ctx, hit.productId);
  const unit = hit.unit || product.baseUnit;
  const factor = product.packs.find((p) => p.unit === unit)?.factor ?? 1;
  return { product, unit, factor };
}

export function productFacets(ctx: EngineContext) {
  const { sqlite } = ctx.ledger;
  const brands = (
    sqlite.prepare("SELECT DISTINCT brand FROM products WHERE brand <> '' ORDER BY brand").all() as { brand: string }[]
  ).map((r) => r.brand);
  const categories = (
    sqlite.prepare("SELECT DISTINCT category FROM products WHERE category <> '' ORDER BY category").all() as {
      category: string;
    }[]
  ).map((r) => r.category);
  return { brands, categories };
}
