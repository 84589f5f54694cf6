import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { snapshot, startTestServer, type TestServer } from '../support/test-server';
import { biscuit } from '../support/fixtures';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

const brand = {
  code: 'SUNRISE',
  name: 'Sunrise Foods Ltd',
  gstin: '27AAPFU0939F1ZV',
  stateCode: '27',
  paymentTermsDays: 30,
  leadTimeDays: 5,
  tds194q: true,
};

describe('suppliers', () => {
  it('the manager adds the brand, and the accountant sees it', async () => {
    const manager = await server.as('manager');
    const created = await manager.ok('suppliers.create', brand);
    expect(created).toMatchObject({ code: 'SUNRISE', stateCode: '27', tds194q: true, active: true, version: 1 });
    const accountant = await server.as('accountant');
    expect((await accountant.ok('suppliers.list', {})).map((s: { code: string }) => s.code)).toContain('SUNRISE');
    const updated = await manager.ok('suppliers.update', { ...brand, id: created.id, version: 1, leadTimeDays: 9 });
    expect(updated).toMatchObject({ leadTimeDays: 9, version: 2 });
    const stale = await manager.call('suppliers.update', { ...brand, id: created.id, version: 1 });
    expect(stale.status).toBe(409);
  });

  it('refuses a GSTIN of another state and a repeated code, writing nothing', async () => {
    const admin = await server.admin();
    const before = snapshot(server.ledger);
    const wrongState = await admin.call('suppliers.create', { ...brand, code: 'OTHER', stateCode: '29' });
    expect(wrongState.body.error).toMatchObject({ field: 'gstin', message: expect.stringContaining('Karnataka') });
    const repeated = await admin.call('suppliers.create', brand);
    expect(repeated.body.error).toMatchObject({ field: 'code', message: expect.stringContaining('already used') });
    expect(snapshot(server.ledger)).toBe(before);
  });

  it('the sales clerk and the warehouse clerk do not see suppliers', async () => {
    for (const role of ['sales_clerk', 'warehouse_clerk', 'billing_clerk'] as const) {
      expect((await (await server.as(role)).call('suppliers.list', {})).status).toBe(403);
    }
  });
});

describe('goods received at cost', () => {
  it('two receipts at different costs and free goods at zero make the moving average', async () => {
    const admin = await server.admin();
    const w = await admin.ok('warehouses.create', { code: 'VAL', name: 'Valued', address: { stateCode: '27' } });
    const p = await admin.ok('products.create', biscuit({ sku: 'VAL-1', barcodes: [] }));
    const receive = (batchNo: string, quantity: number, value: number) =>
      admin.ok('inventory.receive', {
        warehouseId: w.id,
        lines: [{ productId: p.id, batchNo, expiresOn: '2099-01-01', quantity, value }],
      });
    await receive('A', 100, 8_000_00); // ₹80.00 each
    await receive('B', 50, 4_500_00); // ₹90.00 each
    await receive('FREE', 10, 0); // scheme: 10 free
    const row = server.ledger.sqlite
      .prepare('SELECT quantity, value FROM stock_values WHERE warehouse_id = ? AND product_id = ?')
      .get(w.id, p.id);
    // 160 units worth ₹12,500.00: ₹78.125 each, lower than either receipt's cost
    expect(row).toEqual({ quantity: 160, value: 12_500_00 });
    const moved = server.ledger.sqlite
      .prepare('SELECT SUM(value) AS v FROM stock_movements WHERE warehouse_id = ? AND product_id = ?')
      .get(w.id, p.id) as { v: number };
    expect(moved.v).toBe(12_500_00);
  });
});
