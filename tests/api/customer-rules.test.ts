import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestClient, type TestServer } from '../support/test-server';
import { buildWorld, type World } from '../support/world';

let server: TestServer;
let admin: TestClient;
let world: World;
const retailerRules = { code: 'retailer', name: 'Retailer', parentTypes: ['distributor', 'super_stockist'] };

beforeAll(async () => {
  server = await startTestServer();
  admin = await server.admin();
  world = await buildWorld(admin);
});
afterAll(() => server.close());

const place = (lines: { productId: number; quantity: number }[]) =>
  admin.call('orders.place', {
    customerId: world.customerId,
    warehouseId: world.warehouseId,
    paymentType: 'credit',
    lines,
  });

describe('rules by customer type, overridable per customer', () => {
  it('a type’s minimum shelf life skips short-dated batches visibly', async () => {
    // On the test day (2026-11-22) G-EARLY has 99 days left and G-LATE 283; retailers now need 120.
    await admin.ok('customerTypes.update', { ...retailerRules, creditPolicy: 'approval', minShelfLifeDays: 120 });
    const placed = (await place([{ productId: world.glucose, quantity: 10 }])).body;
    expect(placed.lines[0].batches.map((b: { batchNo: string }) => b.batchNo)).toEqual(['G-LATE']);
    expect(placed.lines[0].allocationNote).toBe(
      'FEFO: earliest expiry first; took 10 from G-LATE (exp 2027-09-01); skipped G-EARLY (99 days left, customer needs 120)',
    );
    await admin.ok('orders.cancel', { id: placed.id, reason: 'test tidy-up' });
    await admin.ok('customerTypes.update', { ...retailerRules, creditPolicy: 'approval', minShelfLifeDays: 0 });
  });

  it('a type’s block policy refuses a breach; the customer’s own warn policy overrides it', async () => {
    await admin.ok('customerTypes.update', { ...retailerRules, creditPolicy: 'block', minShelfLifeDays: 0 });
    const customer = await admin.ok('customers.get', { id: world.customerId });
    const { parentName: _p, createdAt: _c, updatedAt: _u, ...fields } = customer;
    await admin.ok('customers.update', { ...fields, creditLimit: 100_00 });
    expect((await place([{ productId: world.tea, quantity: 5 }])).status).toBe(409);
    const again = await admin.ok('customers.get', { id: world.customerId });
    const { parentName: _p2, createdAt: _c2, updatedAt: _u2, ...fields2 } = again;
    await admin.ok('customers.update', { ...fields2, creditPolicy: 'warn' });
    const warned = await place([{ productId: world.tea, quantity: 5 }]);
    expect(warned.status).toBe(200);
    expect(warned.body.status).toBe('confirmed');
    expect(warned.body.events.map((e: { kind: string }) => e.kind)).toContain('credit_warning');
    await admin.ok('orders.cancel', { id: warned.body.id, reason: 'test tidy-up' });
  });

  it('an overdue invoice beyond the type’s rule blocks the order', async () => {
    await admin.ok('customerTypes.update', {
      ...retailerRules,
      creditPolicy: 'approval',
      overdueBlockDays: 30,
      minShelfLifeDays: 0,
    });
    server.ledger.sqlite
      .prepare(
        "INSERT INTO invoices (number, customer_id, invoice_date, due_date, total, paid, status) VALUES ('INV/TEST/1', ?, '2026-01-01', '2026-02-01', 5000, 0, 'posted')",
      )
      .run(world.customerId);
    const result = await admin.call('orders.quote', {
      customerId: world.customerId,
      warehouseId: world.warehouseId,
      lines: [{ productId: world.tea, quantity: 1 }],
    });
    expect(result.body.credit.decision).toBe('blocked');
    expect(result.body.credit.reasons.join(' ')).toContain(
      '₹50.00 overdue, oldest 294 days (rule: nothing over 30 days)',
    );
    server.ledger.sqlite.prepare("DELETE FROM invoices WHERE number = 'INV/TEST/1'").run();
  });
});

describe('manual allocation', () => {
  it('a manual category is left for the clerk, who chooses batches; an expired choice is refused', async () => {
    await admin.ok('customerTypes.update', {
      ...retailerRules,
      creditPolicy: 'approval',
      overdueBlockDays: null,
      minShelfLifeDays: 0,
    });
    await admin.ok('inventory.updateSettings', {
      defaultMethod: 'fefo',
      nearExpiryDays: 90,
      categoryRules: [{ category: 'Biscuits', method: 'manual' }],
    });
    const placed = await admin.ok('orders.place', {
      customerId: world.customerId,
      warehouseId: world.warehouseId,
      paymentType: 'cash',
      lines: [{ productId: world.glucose, quantity: 30 }],
    });
    expect(placed.lines[0]).toMatchObject({
      allocated: 0,
      allocationNote: 'manual allocation: batches are chosen at picking',
    });
    const choices = await admin.ok('orders.lineBatches', { orderLineId: placed.lines[0].id });
    const late = choices.find((b: { batchNo: string }) => b.batchNo === 'G-LATE');
    const early = choices.find((b: { batchNo: string }) => b.batchNo === 'G-EARLY');
    const detail = await admin.ok('orders.allocateManually', {
      orderLineId: placed.lines[0].id,
      batches: [
        { batchId: late.batchId, quantity: 20 },
        { batchId: early.batchId, quantity: 10 },
      ],
    });
    expect(detail.lines[0]).toMatchObject({ allocated: 30, backordered: 0 });
    expect(detail.lines[0].allocationNote).toBe(
      'manual: batches chosen by the clerk; took 20 from G-LATE (exp 2027-09-01), 10 from G-EARLY (exp 2027-03-01)',
    );
    expect(
      (
        await admin.call('orders.allocateManually', {
          orderLineId: placed.lines[0].id,
          batches: [{ batchId: late.batchId, quantity: 1 }],
        })
      ).status,
    ).toBe(409);
    await admin.ok('inventory.updateSettings', { defaultMethod: 'fefo', nearExpiryDays: 90, categoryRules: [] });
    await admin.ok('orders.cancel', { id: placed.id, reason: 'test tidy-up' });
    expect((await admin.ok('inventory.check', {})).differences).toEqual([]);
  });
});
