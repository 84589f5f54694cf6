import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestClient, type TestServer } from '../support/test-server';

/**
 * A 10 MB product file over HTTP, as the audit sent it: the check runs in a read worker and the rows are written a
 * few hundred per transaction, so calls arriving meanwhile are answered between transactions, not after the file.
 * The bound is generous for a loaded CI machine (the client shares this process, so its own 10 MB upload counts
 * against the first calls; measured here with six agents on two cores: 100–290 ms, was > 120 s before); the bench
 * measures the 50 ms target.
 */
const CHEAP_CALL_BOUND_MS = 500;

/**
 * ~10 MB: rows of ~1 KB, a Tally-style export with a long remarks column Stockist does not read, so the file is the
 * audit's size while the test writes ~10k products (a few seconds on a loaded CI machine, not minutes).
 */
function tenMegabyteFile(): { csv: string; rows: number } {
  const lines = ['Item Code,Item Name,Brand,Group,HSN Code,GST %,MRP,Rate,Unit,Rack,Remarks'];
  const remarks = `"${'Assorted cream biscuit, family pack; scheme 10+1 on cases; '.repeat(14)}"`;
  let size = lines[0]!.length;
  for (let i = 1; size < 10 * 1024 * 1024; i += 1) {
    const name = `Sunrise Assorted Cream Biscuit Family Pack ${i}`;
    const line = `BIG-${String(i).padStart(6, '0')},${name},Sunrise,Biscuits,19053100,18,20.00,16.00,pc,A-${i % 97},${remarks}`;
    lines.push(line);
    size += line.length + 1;
  }
  return { csv: lines.join('\n'), rows: lines.length - 1 };
}

describe('a 10 MB import does not hold the server', () => {
  let server: TestServer;
  let admin: TestClient;
  let clerk: TestClient;

  beforeAll(async () => {
    server = await startTestServer({ readWorkers: 1 });
    admin = await server.admin();
    clerk = await server.as('sales_clerk');
  }, 60_000);
  afterAll(() => server.close());

  it('answers auth.me and a product search while it checks and writes, each within the bound', async () => {
    const { csv, rows } = tenMegabyteFile();
    expect(csv.length).toBeGreaterThan(10 * 1024 * 1024);
    let done = false;
    const started = performance.now();
    const importing = admin.raw('products.import', { csv, mode: 'all-or-nothing' }).finally(() => (done = true));
    const waits: number[] = [];
    while (!done) {
      for (const [client, name, input] of [
        [clerk, 'auth.me', {}],
        [clerk, 'products.list', { search: 'BIG-0001' }],
      ] as const) {
        const at = performance.now();
        const answer = await client.raw(name, input as never);
        expect(answer.status).toBe(200);
        if (!done) waits.push(performance.now() - at);
        console.log('WAIT', name, Math.round(at - started), Math.round(performance.now() - at));
      }
    }
    const result = await importing;
    const took = performance.now() - started;
    expect(result.status).toBe(200);
    expect(result.body).toMatchObject({ total: rows, valid: rows, imported: rows, written: true, errors: [] });
    // The import took seconds and the cheap calls went on all through it.
    expect(waits.length).toBeGreaterThan(took / 1000);
    expect(Math.max(...waits)).toBeLessThan(CHEAP_CALL_BOUND_MS);
    const record = (await admin.ok('imports.list', {}))[0];
    expect(record).toMatchObject({ id: result.body.importId, status: 'done', imported: rows, nextRow: rows + 2 });
    const stored = server.ledger.sqlite
      .prepare('SELECT csv_file AS csv FROM imports WHERE id = ?')
      .get(result.body.importId);
    expect(stored).toEqual({ csv: null });
  }, 600_000);

  it('a preview of a bad row over HTTP names it as before, and writes nothing', async () => {
    const csv = 'sku,name,tax_rate,mrp,price\nQ-1,Good,18,10,8\nQ-2,Price above MRP,18,10,12\nQ-1,Again,18,10,8';
    const preview = await admin.ok('products.import', { csv, mode: 'preview' });
    expect(preview).toEqual({
      total: 3,
      valid: 1,
      imported: 0,
      written: false,
      importId: null,
      interruptedAtRow: null,
      errors: [
        { row: 3, field: 'price', message: 'Selling price cannot be above MRP' },
        { row: 4, field: 'sku', message: 'SKU Q-1 is already used by another product' },
      ],
    });
    expect((await admin.ok('products.list', { search: 'Q-1' })).rows).toEqual([]);
  });

  it('an interrupted import is listed for those who may run it, and only they may resume it', async () => {
    server.ledger.sqlite.exec(
      "CREATE TEMP TRIGGER crash BEFORE INSERT ON products WHEN NEW.sku = 'R-650' BEGIN SELECT RAISE(FAIL, 'disk gone'); END",
    );
    const csv = ['sku,name,tax_rate,mrp,price', ...Array.from({ length: 700 }, (_, i) => `R-${i + 2},R ${i},18,10,8`)];
    const crashed = await admin.raw('products.import', { csv: csv.join('\n'), mode: 'valid-rows' });
    expect(crashed.status).toBe(500);
    server.ledger.sqlite.exec('DROP TRIGGER crash');
    const [left] = await admin.ok('imports.list', { status: 'interrupted' });
    expect(left).toMatchObject({ kind: 'products', label: 'Products', total: 700, startedBy: 'Asha Admin' });
    expect(left.nextRow).toBeLessThanOrEqual(650);
    const warehouse = await server.as('warehouse_clerk');
    expect(await warehouse.ok('imports.list', {})).toEqual([]);
    expect((await warehouse.raw('imports.resume', { id: left.id })).status).toBe(404);
    const resumed = await admin.ok('imports.resume', { id: left.id });
    expect(resumed).toMatchObject({ total: 700, errors: [], interruptedAtRow: null });
    expect(resumed.imported).toBe(700 - (left.nextRow - 2));
    expect((await admin.ok('products.list', { search: 'R-', limit: 1 })).total).toBe(700);
    expect(await admin.ok('imports.list', { status: 'interrupted' })).toEqual([]);
  }, 60_000);
});
