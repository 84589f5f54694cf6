import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { retailer } from '../support/fixtures';
import { startTestServer, type TestClient, type TestServer } from '../support/test-server';
import { buildWorld, pickEverything, type World } from '../support/world';

let server: TestServer;
let admin: TestClient;
let world: World;

const catalogue = [
  ['STP-001', 'Basmati Rice 1 kg', 'Kohinoor'],
  ['STP-002', 'Basmati Rice 5 kg', 'Kohinoor'],
  ['STP-003', 'Basmati Rice 25 kg', 'Kohinoor'],
  ['PC-010', 'Face Wash 50 ml', 'Himalaya'],
  ['PC-011', 'Face Wash 100 ml', 'Himalaya'],
  ['OIL-01', 'Sunflower Oil 1 L', 'Fortune'],
  ['OIL-05', 'Sunflower Oil 5 L', 'Fortune'],
] as const;

beforeAll(async () => {
  server = await startTestServer();
  admin = await server.admin();
  world = await buildWorld(admin);
  for (const [sku, name, brand] of catalogue) {
    const p = await admin.ok('products.create', {
      sku,
      name,
      brand,
      category: 'Grocery',
      taxRate: 500,
      price: 100_00,
      mrp: 120_00,
      packs: [{ unit: 'bag', factor: 10 }],
    });
    if (sku === 'STP-002')
      await admin.ok('inventory.receive', {
        warehouseId: world.warehouseId,
        lines: [{ productId: p.id, batchNo: 'B1', expiresOn: '2028-01-01', quantity: 40 }],
      });
  }
}, 30_000);
afterAll(() => server.close());

const skus = async (search: string) =>
  (await admin.ok('products.list', { search, limit: 50, sort: 'sku' })).rows.map((r: { sku: string }) => r.sku);

describe('a clerk searching products the way they say them', () => {
  it('finds "basmati 5" and "face wash 50": every word, short ones too, anywhere in the name', async () => {
    expect(await skus('basmati 5')).toEqual(['STP-002']);
    expect(await skus('face wash 50')).toEqual(['PC-010']);
    expect(await skus('rice 25')).toEqual(['STP-003']);
    // A number is a whole number: "5" is not the 5 of 25 kg, "50" not the 50 of 150 ml.
    expect(await skus('basmati kg')).toEqual(['STP-001', 'STP-002', 'STP-003']);
    expect(await skus('wash 10')).toEqual([]);
    expect(await skus('wash 100')).toEqual(['PC-011']);
  });

  it('finds a pack size typed without its space ("1l", "5kg")', async () => {
    expect(await skus('1l')).toEqual(['OIL-01']);
    expect(await skus('oil 5l')).toEqual(['OIL-05']);
    expect(await skus('5kg')).toEqual(['STP-002']);
  });

  it('matches brand and SKU as well, and a word that appears nowhere finds nothing', async () => {
    expect(await skus('himalaya 100')).toEqual(['PC-011']);
    expect(await skus('oil-0')).toEqual(['OIL-01', 'OIL-05']);
    expect(await skus('basmati 7')).toEqual([]);
  });

  it('returns the free stock, MRP and packs the picker shows', async () => {
    const row = (await admin.ok('products.list', { search: 'basmati 5 kg', limit: 5 })).rows[0];
    expect(row).toMatchObject({ sku: 'STP-002', free: 40, mrp: 120_00, packs: 'bag=10' });
    await admin.ok('orders.place', {
      customerId: world.customerId,
      warehouseId: world.warehouseId,
      paymentType: 'cash',
      lines: [{ productId: row.id, quantity: 15 }],
    });
    expect((await admin.ok('products.list', { search: 'STP-002', limit: 5 })).rows[0].free).toBe(25);
  });
});

describe('customers with similar names', () => {
  it('are told apart by a short word from the name, code or city', async () => {
    await admin.ok(
      'customers.create',
      retailer({
        code: 'RT0101',
        name: 'Sharma Kirana',
        billTo: { city: 'Kothrud', district: 'Pune', stateCode: '27' },
      }),
    );
    await admin.ok(
      'customers.create',
      retailer({
        code: 'RT0102',
        name: 'Sharma Kirana Stores',
        billTo: { city: 'Hadapsar', district: 'Pune', stateCode: '27' },
      }),
    );
    const codes = async (search: string) =>
      (await admin.ok('customers.list', { search, limit: 20, sort: 'code' })).rows.map((r: { code: string }) => r.code);
    expect(await codes('sharma kirana')).toEqual(['RT0101', 'RT0102']);
    expect(await codes('sharma hadap')).toEqual(['RT0102']);
    expect(await codes('kirana st')).toEqual(['RT0102']);
    expect(await codes('sharma 9822')).toEqual(['RT0001', 'RT0101', 'RT0102']);
  });
});

describe('document numbers', () => {
  it('are found by their tail in the orders and invoices lists', async () => {
    const orders = [];
    for (let i = 0; i < 3; i++)
      orders.push(
        await admin.ok('orders.place', {
          customerId: world.customerId,
          warehouseId: world.warehouseId,
          paymentType: 'cash',
          lines: [{ productId: world.glucose, quantity: 1 }],
        }),
      );
    const second = orders[1];
    const tail = String(Number(second.number.split('/').at(-1)));
    const found = await admin.ok('orders.list', { search: tail, limit: 50 });
    expect(found.rows.map((r: { number: string }) => r.number)).toEqual([second.number]);
    await pickEverything(admin, world.warehouseId, [second.id]);
    const note = await admin.ok('deliveryNotes.post', { orderId: second.id });
    const invoice = await admin.ok('invoices.get', { id: note.invoiceId });
    const invoiceTail = String(Number(invoice.number.split('/').at(-1)));
    const invoices = await admin.ok('invoices.list', { search: invoiceTail, limit: 50 });
    expect(invoices.rows.map((r: { number: string }) => r.number)).toEqual([invoice.number]);
  });
});
