import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { snapshot, startTestServer, type TestClient, type TestServer } from '../support/test-server';
import { biscuit } from '../support/fixtures';

let server: TestServer;
let admin: TestClient;
let warehouseId: number;
let productId: number;

beforeAll(async () => {
  server = await startTestServer();
  admin = await server.admin();
  warehouseId = (
    await admin.ok('warehouses.create', { code: 'PUN', name: 'Pune', address: { stateCode: '27', city: 'Pune' } })
  ).id;
  productId = (await admin.ok('products.create', biscuit())).id;
});
afterAll(() => server.close());

describe('inventory over the API', () => {
  it('a receipt with one bad line is refused whole: no stock, no batch, no receipt number used', async () => {
    const before = snapshot(server.ledger);
    const result = await admin.call('inventory.receive', {
      warehouseId,
      lines: [
        { productId, batchNo: 'GOOD', expiresOn: '2099-01-01', quantity: 100 },
        { productId, batchNo: 'OLD', expiresOn: '2020-01-01', quantity: 5 },
      ],
    });
    expect(result.status).toBe(400);
    expect(result.body.error).toMatchObject({
      field: 'lines.1.expiresOn',
      message: expect.stringContaining('expired'),
    });
    expect(snapshot(server.ledger)).toBe(before);
    const ok = await admin.ok('inventory.receive', {
      warehouseId,
      lines: [{ productId, batchNo: 'GOOD', expiresOn: '2099-01-01', quantity: 100 }],
    });
    expect(ok.number).toMatch(/^GRN\/\d\d-\d\d\/000001$/);
  });

  it('a warehouse clerk may receive stock but not change allocation settings', async () => {
    const clerk = await server.as('warehouse_clerk');
    expect(
      (
        await clerk.call('inventory.receive', {
          warehouseId,
          lines: [{ productId, batchNo: 'B2', expiresOn: '2099-01-01', quantity: 5 }],
        })
      ).status,
    ).toBe(200);
    expect((await clerk.call('inventory.updateSettings', { defaultMethod: 'fifo', nearExpiryDays: 30 })).status).toBe(
      403,
    );
    const stock = await clerk.ok('inventory.stock', { productId });
    const byBatch = Object.fromEntries(
      stock.rows.map((r: { batchNo: string; onHand: number }) => [r.batchNo, r.onHand]),
    );
    expect(byBatch).toEqual({ B2: 5, GOOD: 100 });
  });

  it('the balance check finds nothing wrong after real work', async () => {
    expect((await admin.ok('inventory.check', {})).differences).toEqual([]);
  });
});

describe('who holds a batch', () => {
  it('lists the orders reserving a batch with their quantities', async () => {
    const customer = await admin.ok('customers.create', {
      code: 'RT7',
      name: 'Joshi Medicals',
      type: 'retailer',
      billTo: { stateCode: '27', city: 'Pune' },
      creditLimit: 1_000_000_00,
    });
    const order = await admin.ok('orders.place', {
      customerId: customer.id,
      warehouseId,
      paymentType: 'cash',
      lines: [{ productId, quantity: 7 }],
    });
    const batchId = (
      server.ledger.sqlite.prepare("SELECT id FROM batches WHERE batch_no = 'B2'").get() as { id: number }
    ).id;
    const holders = await admin.ok('inventory.reservations', { warehouseId, batchId });
    expect(holders).toEqual([
      expect.objectContaining({
        orderId: order.id,
        orderNumber: order.number,
        customerName: 'Joshi Medicals',
        quantity: 5,
        status: 'active',
      }),
    ]);
  });
});
