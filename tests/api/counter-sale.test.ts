import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdfText } from '../support/pdf-text';
import { snapshot, startTestServer, type TestClient, type TestServer } from '../support/test-server';
import { buildWorld, type World } from '../support/world';

let server: TestServer;
let admin: TestClient;
let world: World;

beforeAll(async () => {
  server = await startTestServer();
  admin = await server.admin();
  world = await buildWorld(admin);
});
afterAll(() => server.close());

describe('counter sale', () => {
  it('posts order, delivery note, invoice and payment together, FEFO, and prints an 80 mm receipt', async () => {
    const sale = await admin.ok('counter.sale', {
      warehouseId: world.warehouseId,
      lines: [
        { productId: world.glucose, quantity: 5 },
        { productId: world.tea, quantity: 1 },
      ],
      payment: { mode: 'cash', tendered: 200_00 },
    });
    // 5 × ₹10 + 18% = ₹59.00; 1 × ₹50 + 5% = ₹52.50; ₹111.50 rounds to ₹112.00
    expect(sale.invoice).toMatchObject({ customerName: 'Cash customer', total: 112_00, roundOff: 50 });
    expect(sale).toMatchObject({ paid: 112_00, change: 88_00 });
    expect(sale.invoice.lines[0].batchNo).toBe('G-EARLY');
    const order = await admin.ok('orders.list', { search: sale.orderNumber });
    expect(order.rows[0]).toMatchObject({ status: 'invoiced', paymentStatus: 'paid' });
    const { text } = pdfText(await admin.ok('documents.receipt', { id: sale.invoice.id, tendered: 200_00 }));
    expect(text).toContain(sale.invoice.number);
    expect(text).toContain('₹112.00');
    expect(text).toContain('Change');
    expect((await admin.ok('inventory.check', {})).differences).toEqual([]);
  });

  it('sells FEFO even where the category is set to manual allocation', async () => {
    await admin.ok('inventory.updateSettings', {
      defaultMethod: 'fefo',
      nearExpiryDays: 90,
      categoryRules: [{ category: 'Biscuits', method: 'manual' }],
    });
    const sale = await admin.ok('counter.sale', {
      warehouseId: world.warehouseId,
      lines: [{ productId: world.glucose, quantity: 2 }],
      payment: { mode: 'upi', tendered: 24_00, reference: 'UPI-9' },
    });
    expect(sale.invoice.lines[0].batchNo).toBe('G-EARLY');
    await admin.ok('inventory.updateSettings', { defaultMethod: 'fefo', nearExpiryDays: 90, categoryRules: [] });
  });

  it('writes nothing when an item is short, or when a cash customer pays less than the bill', async () => {
    const before = snapshot(server.ledger);
    const short = await admin.call('counter.sale', {
      warehouseId: world.warehouseId,
      lines: [{ productId: world.tea, quantity: 500 }],
      payment: { mode: 'cash', tendered: 1_00_000_00 },
    });
    expect(short.status).toBe(409);
    expect(short.body.error.message).toContain('Not in stock at the counter: AMR-0001');
    const under = await admin.call('counter.sale', {
      warehouseId: world.warehouseId,
      lines: [{ productId: world.tea, quantity: 1 }],
      payment: { mode: 'cash', tendered: 10_00 },
    });
    expect(under.status).toBe(400);
    expect(under.body.error.field).toBe('payment.tendered');
    expect(snapshot(server.ledger)).toBe(before);
  });
});
