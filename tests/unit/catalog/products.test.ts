import { beforeEach, describe, expect, it } from 'vitest';
import type { EngineContext } from '../../../src-main/engine/context';
import {
  createProduct,
  findByBarcode,
  updateProduct,
  type ProductInput,
} from '../../../src-main/engine/catalog/product-service';
import { listProducts, type ProductListInput } from '../../../src-main/engine/catalog/list-products';
import { productFields } from '../../../src-shared/contract/products';
import { engineContext } from '../../support/engine';
import { biscuit } from '../../support/fixtures';

let ctx: EngineContext;
const make = (overrides: Parameters<typeof biscuit>[0] = {}) =>
  createProduct(ctx, productFields.parse(biscuit(overrides)) as ProductInput);
const list = (input: Partial<ProductListInput>) =>
  listProducts(ctx, {
    search: '',
    brand: '',
    category: '',
    status: '',
    sort: 'name',
    dir: 'asc',
    offset: 0,
    limit: 100,
    ...input,
  });

beforeEach(() => {
  ctx = engineContext();
  make({ barcodes: [{ code: '8901063010215' }, { code: '18901063010212', unit: 'case' }] });
  make({
    sku: 'KES-0001',
    name: 'Kesar Turmeric Powder 200 g',
    brand: 'Kesar',
    category: 'Spices',
    barcodes: [],
    packs: [],
  });
});

describe('barcodes', () => {
  it('finds the product and counts a piece for its EAN', () => {
    const hit = findByBarcode(ctx, '8901063010215');
    expect(hit.product.sku).toBe('SUN-0001');
    expect(hit).toMatchObject({ unit: 'pc', factor: 1 });
  });

  it('counts a whole case for the case GTIN', () => {
    expect(findByBarcode(ctx, '18901063010212')).toMatchObject({ unit: 'case', factor: 48 });
  });

  it('matches the GTIN-14 spelling of a stored EAN-13, as GS1 scanners send it', () => {
    expect(findByBarcode(ctx, '08901063010215').product.sku).toBe('SUN-0001');
  });

  it('says which barcode found nothing', () => {
    expect(() => findByBarcode(ctx, '8901234567897')).toThrow(/No product has barcode 8901234567897/);
  });

  it('refuses a barcode that another product already carries', () => {
    expect(() => make({ sku: 'SUN-0002', barcodes: [{ code: '8901063010215' }] })).toThrow(
      /already belongs to SUN-0001/,
    );
  });

  it('frees a barcode when its product drops it', () => {
    const p = list({ search: 'SUN-0001' }).rows[0]!;
    updateProduct(ctx, { ...(productFields.parse(biscuit({ barcodes: [] })) as ProductInput), id: p.id, version: 1 });
    expect(make({ sku: 'SUN-0002', name: 'Other', barcodes: [{ code: '8901063010215' }] }).barcodes).toHaveLength(1);
  });
});

describe('product list', () => {
  it('finds by name fragment, SKU, brand, and a scanned barcode', () => {
    expect(list({ search: 'urmer' }).rows.map((r) => r.sku)).toEqual(['KES-0001']);
    expect(list({ search: 'SUN-0001' }).rows.map((r) => r.sku)).toEqual(['SUN-0001']);
    expect(list({ search: 'kesar' }).rows.map((r) => r.sku)).toEqual(['KES-0001']);
    expect(list({ search: '8901063010215' }).rows.map((r) => r.sku)).toEqual(['SUN-0001']);
  });

  it('filters by brand and shows packs largest first', () => {
    make({
      sku: 'SUN-0002',
      name: 'Sunrise Marie 250 g',
      barcodes: [],
      packs: [
        { unit: 'box', factor: 6 },
        { unit: 'case', factor: 36 },
      ],
    });
    const rows = list({ brand: 'Sunrise', sort: 'sku' }).rows;
    expect(rows.map((r) => r.sku)).toEqual(['SUN-0001', 'SUN-0002']);
    expect(rows[1]!.packs).toBe('case=36 · box=6');
  });
});
