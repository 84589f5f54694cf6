import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gstinProblem } from '../../src-shared/gstin';
import { startTestServer, type TestClient, type TestServer } from '../support/test-server';

let server: TestServer;
let admin: TestClient;
beforeAll(async () => {
  server = await startTestServer({ demo: true });
  admin = await server.admin();
  // The demo seeds a month of history through the engine (orders, notes, invoices, receipts and their summaries).
}, 60_000);
afterAll(() => server.close());

describe('first run with the demo distributor', () => {
  it('creates warehouses, a customer hierarchy across states, and products with packs and batches', async () => {
    expect(await admin.ok('warehouses.list', {})).toHaveLength(3);
    const customers = await admin.ok('customers.list', { limit: 500 });
    expect(customers.total).toBe(62);
    const types = new Set(customers.rows.map((r: { type: string }) => r.type));
    expect([...types].sort()).toEqual(['distributor', 'retailer', 'super_stockist']);
    expect(new Set(customers.rows.map((r: { stateCode: string }) => r.stateCode)).size).toBeGreaterThanOrEqual(4);
    const retailers = customers.rows.filter((r: { type: string }) => r.type === 'retailer');
    expect(retailers.every((r: { parentName: string | null }) => r.parentName !== null)).toBe(true);
    for (const { gstin } of customers.rows) if (gstin) expect(gstinProblem(gstin)).toBeNull();

    const products = await admin.ok('products.list', { limit: 500 });
    expect(products.total).toBe(300);
    expect(new Set(products.rows.map((r: { name: string }) => r.name)).size).toBe(300);
    expect(products.rows.every((r: { packs: string }) => r.packs.startsWith('case='))).toBe(true);
    const batches = server.ledger.sqlite
      .prepare('SELECT count(*) AS n, count(DISTINCT product_id) AS p FROM batches')
      .get() as { n: number; p: number };
    expect(batches.p).toBe(300);
    expect(batches.n).toBeGreaterThan(300);
    const stock = await admin.ok('inventory.stock', { limit: 1 });
    expect(stock.total).toBeGreaterThan(300);
    expect((await admin.ok('inventory.check', {})).differences).toEqual([]);
  });

  it('comes with six weeks of orders, deliveries, invoices and payments for the dashboard', async () => {
    const d = await admin.ok('dashboard.get', { trend: 'day' });
    const tile = (key: string) => d.tiles.find((t: { key: string }) => t.key === key);
    expect(tile('delivered').count).toBeGreaterThan(50);
    expect(tile('confirmed').count).toBeGreaterThan(0);
    expect(d.outstanding).toBeGreaterThan(0);
    expect(d.trend.length).toBeGreaterThan(20);
    expect(d.topCustomers.length).toBeGreaterThan(3);
    expect((await admin.ok('inventory.check', {})).differences).toEqual([]);
  });

  it('lets a demo clerk sign in with the role the demo gave them', async () => {
    const ravi = server.client();
    const { user } = await ravi.ok('auth.login', { username: 'ravi', password: 'demo-pass-1' });
    expect(user.role).toBe('sales_clerk');
    expect((await ravi.call('products.create', { sku: 'X', name: 'X' })).status).toBe(403);
    const mine = await ravi.ok('customers.list', { assignedUserId: user.id });
    expect(mine.total).toBeGreaterThan(0);
  });

  it('has a billing clerk, shows its users on the sign-in screen, and is ready to bill', async () => {
    const status = await server.client().ok('setup.status', {});
    expect(status.demoUsers.map((u: { username: string }) => u.username)).toEqual([
      'ravi',
      'meena',
      'suresh',
      'kavita',
      'anita',
    ]);
    const kavita = status.demoUsers.find((u: { role: string }) => u.role === 'billing_clerk');
    const clerk = server.client();
    const { user } = await clerk.ok('auth.login', { username: kavita.username, password: kavita.password });
    expect(user.role).toBe('billing_clerk');
    expect((await clerk.ok('company.readiness', {})).ready).toBe(true);
  });

  it('comes with price lists and schemes', async () => {
    const lists = await admin.ok('priceLists.list', {});
    expect(lists.length).toBeGreaterThanOrEqual(1);
    const schemes = await admin.ok('schemes.list', {});
    expect(schemes.length).toBeGreaterThanOrEqual(1);
    expect(new Set(schemes.map((s: { kind: string }) => s.kind))).toEqual(new Set(['value', 'volume', 'free_goods']));
    expect(schemes.every((s: { active: boolean }) => s.active)).toBe(true);
  });

  it('prices goods by pack size: staples cost what they cost per kg, not a flat range', async () => {
    const { rows } = await admin.ok('products.list', { limit: 500 });
    const perKg = (r: { name: string; mrp: number }) => {
      const m = /(\d+(?:\.\d+)?) (kg|g)$/.exec(r.name);
      return m ? r.mrp / 100 / (Number(m[1]) / (m[2] === 'g' ? 1000 : 1)) : null;
    };
    const staples = rows.filter((r: { category: string }) => r.category === 'Staples');
    expect(staples.length).toBeGreaterThan(0);
    for (const r of staples) {
      const kg = perKg(r)!;
      expect(kg, r.name).toBeGreaterThanOrEqual(20);
      expect(kg, r.name).toBeLessThanOrEqual(200);
    }
    const sugar5 = rows.find((r: { name: string }) => /Sugar 5 kg$/.test(r.name));
    if (sugar5) expect(sugar5.mrp).toBeGreaterThanOrEqual(200_00);
    for (const r of rows) {
      expect(r.price, r.name).toBeLessThanOrEqual(r.mrp);
      expect(r.mrp, r.name).toBeGreaterThanOrEqual(5_00);
    }
  });

  it('finds a demo product by its barcode', async () => {
    const { rows } = await admin.ok('products.list', { limit: 1, sort: 'sku' });
    const full = await admin.ok('products.get', { id: rows[0].id });
    const hit = await admin.ok('products.findByBarcode', { barcode: full.barcodes[0].code });
    expect(hit.product.sku).toBe(rows[0].sku);
  });
});
