import { beforeEach, describe, expect, it } from 'vitest';
import type { EngineContext } from '../../../src-main/engine/context';
import { findByBarcode } from '../../../src-main/engine/catalog/product-service';
import { importCustomers, importProducts } from '../../../src-main/engine/imports/start-import';
import { engineContext } from '../../support/engine';

let ctx: EngineContext;
const count = (table: string) =>
  (ctx.ledger.sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

beforeEach(() => {
  ctx = engineContext();
});

const products = [
  'Item Code,Item Name,Brand,Group,HSN Code,GST %,MRP,Rate,Unit,Packs,Barcode',
  'SUN-0001,Sunrise Glucose Biscuit 150 g,Sunrise,Biscuits,19053100,18,20.00,16.00,pc,case=48;box=6,8901063010215;18901063010212@case',
  'SUN-0002,"Sunrise Cream Biscuit, Chocolate 120 g",Sunrise,Biscuits,19053100,18,"1,200.00",950,pc,case=24,',
].join('\n');

describe('product CSV import', () => {
  it('reads headings from other tools, rupees, percentages, packs and barcodes', async () => {
    const result = await importProducts(ctx, products, 'all-or-nothing');
    expect(result).toMatchObject({ total: 2, valid: 2, imported: 2, written: true, errors: [] });
    const { product, factor } = findByBarcode(ctx, '18901063010212');
    expect(product).toMatchObject({ sku: 'SUN-0001', taxRate: 1800, mrp: 2000, price: 1600, category: 'Biscuits' });
    expect(factor).toBe(48);
    expect(count('products')).toBe(2);
  });

  it('previews without writing anything', async () => {
    const result = await importProducts(ctx, products, 'preview');
    expect(result).toMatchObject({ total: 2, valid: 2, imported: 0, written: false });
    expect(count('products')).toBe(0);
    expect(count('product_barcodes')).toBe(0);
  });

  const withErrors = [
    'sku,name,tax_rate,mrp,price,barcodes,packs',
    'A-1,Good one,18,10,8,,',
    'A-2,Price above MRP,18,10,12,,',
    'A-3,Bad EAN,18,10,8,8901063010216,',
    'A-4,Bad pack,18,10,8,,case',
    'A-1,Duplicate SKU in the same file,5,10,8,,',
    'A-6,Another good one,5,10,8,,',
  ].join('\n');

  it('reports every bad row with its line and column, and writes nothing in all-or-nothing mode', async () => {
    const result = await importProducts(ctx, withErrors, 'all-or-nothing');
    expect(result.written).toBe(false);
    expect(result.valid).toBe(2);
    expect(result.errors).toEqual([
      { row: 3, field: 'price', message: 'Selling price cannot be above MRP' },
      { row: 4, field: 'barcodes', message: 'check digit should be 5; the barcode is mistyped' },
      { row: 5, field: 'packs', message: 'Pack "case" must look like case=24' },
      { row: 6, field: 'sku', message: 'SKU A-1 is already used by another product' },
    ]);
    expect(count('products')).toBe(0);
  });

  it('imports only the valid rows when the clerk chooses to', async () => {
    const result = await importProducts(ctx, withErrors, 'valid-rows');
    expect(result).toMatchObject({ written: true, imported: 2 });
    expect(
      (ctx.ledger.sqlite.prepare('SELECT sku FROM products ORDER BY sku').all() as { sku: string }[]).map((r) => r.sku),
    ).toEqual(['A-1', 'A-6']);
    expect(count('audit_log')).toBeGreaterThanOrEqual(2);
  });

  it('refuses a file without the required columns before reading rows', async () => {
    await expect(importProducts(ctx, 'name,price\nBiscuit,10', 'preview')).rejects.toThrow(/no sku column/);
  });
});

describe('customer CSV import', () => {
  const customers = [
    'code,name,type,parent_code,phone,gstin,address1,city,district,state,pincode,credit_limit,payment_terms_days',
    'DB01,Pune Distributors,Distributor,,9822000001,27AAPFU0939F1ZV,Gultekdi,Pune,Pune,Maharashtra,411037,"5,00,000",30',
    'RT01,Sharma Traders,retailer,DB01,9822000002,,Market Yard,Pune,Pune,27,411037,50000,15',
    'RT02,Bad Pincode Stores,retailer,DB01,,,,Pune,Pune,27,4110,0,0',
    'RT03,Orphan Kirana,retailer,DB99,,,,Pune,Pune,27,411001,0,0',
    'RT04,Wrong State GST,retailer,,,27AAPFU0939F1ZV,,Mysuru,Mysuru,Karnataka,570001,0,0',
  ].join('\n');

  it('maps parents defined earlier in the same file and reports the rest by row and column', async () => {
    const result = await importCustomers(ctx, customers, 'valid-rows');
    expect(result.imported).toBe(2);
    expect(result.errors).toEqual([
      { row: 4, field: 'pincode', message: 'Pincode must be 6 digits, not starting with 0' },
      { row: 5, field: 'parent_code', message: 'Parent customer DB99 is not in the ledger or earlier in this file' },
      { row: 6, field: 'gstin', message: 'GSTIN is registered in Maharashtra but the address is in Karnataka' },
    ]);
    const rt = ctx.ledger.sqlite
      .prepare(
        "SELECT c.credit_limit AS credit, p.code AS parent FROM customers c JOIN customers p ON p.id = c.parent_id WHERE c.code = 'RT01'",
      )
      .get();
    expect(rt).toEqual({ credit: 50_000_00, parent: 'DB01' });
    expect(ctx.ledger.sqlite.prepare("SELECT credit_limit AS c FROM customers WHERE code = 'DB01'").get()).toEqual({
      c: 5_00_000_00,
    });
  });

  it('writes nothing when all-or-nothing meets one bad row', async () => {
    expect((await importCustomers(ctx, customers, 'all-or-nothing')).written).toBe(false);
    expect(count('customers')).toBe(0);
  });
});
