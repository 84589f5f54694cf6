import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EngineContext } from '../../../src-main/engine/context';
import { checkImportTask, type ImportCheckJob } from '../../../src-main/engine/imports/check-task';
import { listImports, resumeImport } from '../../../src-main/engine/imports/import-operations';
import { importTuning } from '../../../src-main/engine/imports/run-import';
import { importProducts } from '../../../src-main/engine/imports/start-import';
import { engineContext } from '../../support/engine';

/** A product file of `rows` rows; spreadsheet row r (header = 1) has SKU P-r. */
const productFile = (rows: number) =>
  [
    'sku,name,tax_rate,mrp,price',
    ...Array.from({ length: rows }, (_, i) => `P-${i + 2},Product ${i + 2},18,10,8`),
  ].join('\n');

let ctx: EngineContext;
const count = (sql: string) => (ctx.ledger.sqlite.prepare(sql).get() as { n: number }).n;
const importRow = (id: number) =>
  ctx.ledger.sqlite
    .prepare('SELECT status, next_row AS nextRow, imported, csv_file IS NULL AS cleared FROM imports WHERE id = ?')
    .get(id);

/** Another clerk saves a product with this SKU after the check and before the write reaches it. */
function savedMeanwhile(sku: string): EngineContext {
  return {
    ...ctx,
    runInWorker: async (_task, input) => {
      const checked = checkImportTask(ctx, input as ImportCheckJob);
      ctx.ledger.sqlite
        .prepare("INSERT INTO products (sku, name, created_at, updated_at) VALUES (?, 'Saved meanwhile', '', '')")
        .run(sku);
      return checked;
    },
  };
}

beforeEach(() => {
  ctx = engineContext();
  Object.assign(importTuning, { chunkRows: 500, budgetMs: Number.POSITIVE_INFINITY });
});
afterEach(() => Object.assign(importTuning, { chunkRows: 500, budgetMs: 15 }));

describe('an import writes 500 rows per transaction', () => {
  it('a row refused while writing the second chunk (row 502) keeps the first 500 rows, and says where it stopped', async () => {
    const result = await importProducts(savedMeanwhile('P-502'), productFile(1200), 'all-or-nothing');
    expect(result).toMatchObject({ total: 1200, valid: 1200, imported: 500, written: true, interruptedAtRow: 502 });
    expect(result.errors).toEqual([
      { row: 502, field: 'sku', message: 'SKU P-502 is already used by another product' },
    ]);
    expect(count("SELECT count(*) AS n FROM products WHERE name LIKE 'Product %'")).toBe(500);
    expect(count("SELECT count(*) AS n FROM products WHERE sku = 'P-501'")).toBe(1);
    expect(importRow(result.importId!)).toEqual({ status: 'interrupted', nextRow: 502, imported: 500, cleared: 0 });
    expect(listImports(ctx, null)[0]).toMatchObject({
      status: 'interrupted',
      nextRow: 502,
      message: 'Row 502, sku: SKU P-502 is already used by another product',
    });
  });

  it('a row refused at the end of the first chunk (row 501) rolls the whole chunk back: nothing is written', async () => {
    const result = await importProducts(savedMeanwhile('P-501'), productFile(1200), 'all-or-nothing');
    expect(result).toMatchObject({ imported: 0, written: false, interruptedAtRow: 2 });
    expect(count("SELECT count(*) AS n FROM products WHERE name LIKE 'Product %'")).toBe(0);
    expect(importRow(result.importId!)).toMatchObject({ status: 'interrupted', nextRow: 2, imported: 0 });
  });

  it('resumes at the row it stopped at once the clash is put right, and finishes the file', async () => {
    const first = await importProducts(savedMeanwhile('P-1100'), productFile(1200), 'all-or-nothing');
    expect(first).toMatchObject({ imported: 1000, interruptedAtRow: 1002 });
    ctx.ledger.sqlite.prepare("UPDATE products SET sku = 'OLD-1100' WHERE sku = 'P-1100'").run();
    const resumed = await resumeImport(ctx, first.importId!);
    expect(resumed).toMatchObject({ total: 1200, imported: 200, written: true, errors: [], interruptedAtRow: null });
    expect(count("SELECT count(*) AS n FROM products WHERE name LIKE 'Product %'")).toBe(1200);
    expect(importRow(first.importId!)).toEqual({ status: 'done', nextRow: 1202, imported: 1200, cleared: 1 });
    await expect(resumeImport(ctx, first.importId!)).rejects.toThrow(/is finished/);
  });

  it('a crash mid-file leaves the import "running" at its next row, shown as interrupted, and resume finishes it', async () => {
    ctx.ledger.sqlite.exec(
      "CREATE TEMP TRIGGER crash BEFORE INSERT ON products WHEN NEW.sku = 'P-777' BEGIN SELECT RAISE(FAIL, 'disk gone'); END",
    );
    await expect(importProducts(ctx, productFile(1200), 'valid-rows')).rejects.toThrow(/disk gone/);
    expect(count("SELECT count(*) AS n FROM products WHERE name LIKE 'Product %'")).toBe(500);
    const [left] = listImports(ctx, 'interrupted');
    expect(left).toMatchObject({ status: 'interrupted', nextRow: 502, imported: 500, total: 1200 });
    expect(left!.message).toMatch(/stopped while writing this file; rows from 502 on are not written/);
    ctx.ledger.sqlite.exec('DROP TRIGGER crash');
    expect(await resumeImport(ctx, left!.id)).toMatchObject({ imported: 700, errors: [] });
    expect(count("SELECT count(*) AS n FROM products WHERE name LIKE 'Product %'")).toBe(1200);
    expect(listImports(ctx, 'interrupted')).toEqual([]);
  });

  it('valid-rows: a row refused while writing is reported with the others and the rest is written', async () => {
    const file = productFile(700).replace('P-600,Product 600,18,10,8', 'P-600,Product 600,18,10,12');
    const result = await importProducts(savedMeanwhile('P-650'), file, 'valid-rows');
    expect(result).toMatchObject({ total: 700, valid: 699, imported: 698, interruptedAtRow: null });
    expect(result.errors).toEqual([
      { row: 600, field: 'price', message: 'Selling price cannot be above MRP' },
      { row: 650, field: 'sku', message: 'SKU P-650 is already used by another product' },
    ]);
    expect(importRow(result.importId!)).toMatchObject({ status: 'done', imported: 698, cleared: 1 });
  });

  it('a preview or a refused all-or-nothing file leaves no import record', async () => {
    await importProducts(ctx, productFile(3), 'preview');
    await importProducts(ctx, productFile(3).replace('18,10,8', '18,10,12'), 'all-or-nothing');
    expect(count('SELECT count(*) AS n FROM imports')).toBe(0);
  });
});
