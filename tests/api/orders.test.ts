import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { snapshot, startTestServer, type TestClient, type TestServer } from '../support/test-server';
import { buildWorld, type World } from '../support/world';

let server: TestServer;
let admin: TestClient;
let clerk: TestClient;
let manager: TestClient;
let world: World;

const setPolicy = (policy: 'block' | 'warn' | 'approval', limit: number) =>
  server.ledger.sqlite
    .prepare('UPDATE customers SET credit_policy = ?, credit_limit = ? WHERE id = ?')
    .run(policy, limit, world.customerId);
const order = (
  lines: ({ productId: number; quantity: number } & Record<string, unknown>)[],
  extra: Record<string, unknown> = {},
) => ({
  customerId: world.customerId,
  warehouseId: world.warehouseId,
  paymentType: 'credit' as const,
  lines,
  ...extra,
});
const count = (table: string) =>
  (server.ledger.sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

beforeAll(async () => {
  server = await startTestServer();
  admin = await server.admin();
  world = await buildWorld(admin);
  clerk = await server.as('sales_clerk');
  manager = await server.as('manager');
});
afterAll(() => server.close());
beforeEach(() => setPolicy('approval', 1_00_000_00));

describe('placing an order', () => {
  it('prices, confirms and reserves FEFO batches, with an SO number and a timeline', async () => {
    const placed = await clerk.ok('orders.place', order([{ productId: world.glucose, quantity: 120 }]));
    expect(placed.status).toBe('confirmed');
    expect(placed.number).toMatch(/^SO\/\d\d-\d\d\/\d{6}$/);
    const line = placed.lines[0];
    expect(line).toMatchObject({
      unitPrice: 1000,
      priceSource: 'product price (no price list applies)',
      gross: 120_000,
      taxable: 120_000,
      tax: 21_600,
      total: 141_600,
      allocated: 120,
      backordered: 0,
    });
    expect(line.batches).toEqual([
      { batchNo: 'G-EARLY', expiresOn: '2027-03-01', quantity: 100 },
      { batchNo: 'G-LATE', expiresOn: '2027-09-01', quantity: 20 },
    ]);
    expect(line.allocationNote).toContain('FEFO');
    expect(placed.events.map((e: { kind: string }) => e.kind)).toEqual(['created', 'placed', 'confirmed']);
    await clerk.ok('orders.cancel', { id: placed.id, reason: 'test tidy-up' });
  });

  it('refuses with 409 under a block policy when the order breaches the limit, and writes nothing', async () => {
    setPolicy('block', 100_00);
    const before = snapshot(server.ledger);
    const result = await clerk.call('orders.place', order([{ productId: world.tea, quantity: 5 }]));
    expect(result.status).toBe(409);
    expect(result.body.error).toMatchObject({ code: 'rule_violated', field: 'customerId' });
    expect(result.body.error.message).toContain('Credit limit ₹100.00 exceeded');
    expect(snapshot(server.ledger)).toBe(before);
  });

  it('goes to pending approval under the approval policy, and a manager’s approval confirms and allocates it', async () => {
    setPolicy('approval', 100_00);
    const placed = await clerk.ok('orders.place', order([{ productId: world.tea, quantity: 5 }]));
    expect(placed.status).toBe('pending_approval');
    expect(placed.lines[0].allocated).toBe(0);
    expect(placed.approvals[0].reasons[0]).toContain('Credit limit ₹100.00 exceeded');

    const queue = await manager.ok('approvals.list', {});
    const mine = queue.find((a: { orderId: number }) => a.orderId === placed.id);
    expect(mine).toBeTruthy();
    expect((await clerk.call('approvals.decide', { id: mine.id, decision: 'approve' })).status).toBe(403);

    const { order: approved } = await manager.ok('approvals.decide', {
      id: mine.id,
      decision: 'approve',
      comment: 'Paid by cheque tomorrow',
    });
    expect(approved.status).toBe('confirmed');
    expect(approved.lines[0].allocated).toBe(5);
    expect(approved.events.map((e: { kind: string }) => e.kind)).toEqual([
      'created',
      'approval_requested',
      'approved',
      'confirmed',
    ]);
    const notes = await clerk.ok('notifications.list', {});
    expect(notes[0].text).toContain('approved');
    expect(notes[0].text).toContain('Paid by cheque tomorrow');
    await clerk.ok('orders.cancel', { id: placed.id, reason: 'test tidy-up' });
  });

  it('a rejection sends the order back to the clerk as a draft, with the reason', async () => {
    setPolicy('approval', 100_00);
    const placed = await clerk.ok('orders.place', order([{ productId: world.tea, quantity: 5 }]));
    const approval = placed.approvals[0];
    const bare = await manager.call('approvals.decide', { id: approval.id, decision: 'reject' });
    expect(bare.status).toBe(400);
    expect(bare.body.error.field).toBe('comment');
    const { order: rejected } = await manager.ok('approvals.decide', {
      id: approval.id,
      decision: 'reject',
      comment: 'Collect the overdue first',
    });
    expect(rejected.status).toBe('draft');
    expect(rejected.number).toBe(placed.number);
    const notes = await clerk.ok('notifications.list', {});
    expect(notes[0].text).toContain('rejected');
  });

  it('a clerk’s price override or a large discount needs approval; a manager’s does not', async () => {
    const override = await clerk.ok(
      'orders.place',
      order([{ productId: world.glucose, quantity: 10, priceOverride: 900 }]),
    );
    expect(override.status).toBe('pending_approval');
    expect(override.approvals[0].reasons).toEqual(['Line 1 SUN-0001: price changed from ₹10.00 to ₹9.00']);
    const discount = await clerk.ok(
      'orders.place',
      order([{ productId: world.glucose, quantity: 10, manualDiscountBps: 800 }]),
    );
    expect(discount.approvals[0].reasons).toEqual(['Line 1 SUN-0001: discount 8% is above the 5% a clerk may give']);
    const byManager = await manager.ok(
      'orders.place',
      order([{ productId: world.glucose, quantity: 10, priceOverride: 900 }]),
    );
    expect(byManager.status).toBe('confirmed');
    expect(byManager.lines[0].priceSource).toContain('price set by');
    for (const o of [override, discount, byManager])
      await admin.ok('orders.cancel', { id: o.id, reason: 'test tidy-up' });
  });

  it('cancelling releases every reserved unit', async () => {
    const before = (
      await admin.ok('inventory.stock', { productId: world.glucose, warehouseId: world.warehouseId })
    ).rows.reduce((s: number, r: { available: number }) => s + r.available, 0);
    const placed = await clerk.ok('orders.place', order([{ productId: world.glucose, quantity: 150 }]));
    const during = (
      await admin.ok('inventory.stock', { productId: world.glucose, warehouseId: world.warehouseId })
    ).rows.reduce((s: number, r: { available: number }) => s + r.available, 0);
    expect(during).toBe(before - 150);
    const cancelled = await clerk.ok('orders.cancel', { id: placed.id, reason: 'customer changed mind' });
    expect(cancelled.status).toBe('cancelled');
    const after = (
      await admin.ok('inventory.stock', { productId: world.glucose, warehouseId: world.warehouseId })
    ).rows.reduce((s: number, r: { available: number }) => s + r.available, 0);
    expect(after).toBe(before);
    expect((await clerk.call('orders.cancel', { id: placed.id, reason: 'again' })).status).toBe(409);
    expect((await admin.ok('inventory.check', {})).differences).toEqual([]);
  });
});

describe('schemes and shortages on a placed order', () => {
  it('free goods become real lines that reserve stock; near misses are shown', async () => {
    const scheme = await admin.ok('schemes.create', {
      code: 'G20',
      name: '20+1 Glucose',
      rule: {
        kind: 'free_goods',
        buyProductId: world.glucose,
        buyQuantity: 20,
        getProductId: world.glucose,
        getQuantity: 1,
        repeat: true,
      },
    });
    const quote = await clerk.ok('orders.quote', order([{ productId: world.glucose, quantity: 39 }]));
    expect(quote.lines).toHaveLength(2);
    expect(quote.lines[1]).toMatchObject({
      isFree: true,
      quantity: 1,
      total: 0,
      discountNote: '20+1 Glucose: buy 20 pc get 1 pc free, for every multiple: 1 pc free',
    });
    expect(quote.schemes.nearMisses[0].message).toBe('Add 1 pc more Sunrise Glucose Biscuit 150 g for 1 pc free');
    const placed = await clerk.ok('orders.place', order([{ productId: world.glucose, quantity: 40 }]));
    expect(placed.lines[1]).toMatchObject({ isFree: true, quantity: 2, allocated: 2 });
    await admin.ok('schemes.setActive', { id: scheme.id, active: false });
    await admin.ok('orders.cancel', { id: placed.id, reason: 'test tidy-up' });
  });

  it('a short line is backordered, reduced, or filled from another warehouse as the clerk chose', async () => {
    const quote = await clerk.ok('orders.quote', order([{ productId: world.tea, quantity: 30 }]));
    expect(quote.lines[0]).toMatchObject({
      available: 10,
      otherWarehouses: [{ warehouseId: world.otherWarehouseId, code: 'NSK', available: 50 }],
    });
    const backorder = await clerk.ok('orders.place', order([{ productId: world.tea, quantity: 30 }]));
    expect(backorder.lines[0]).toMatchObject({ allocated: 10, backordered: 20 });
    await clerk.ok('orders.cancel', { id: backorder.id, reason: 'test tidy-up' });
    const reduced = await clerk.ok(
      'orders.place',
      order([{ productId: world.tea, quantity: 30, shortageAction: 'reduce' }]),
    );
    expect(reduced.lines[0]).toMatchObject({ quantity: 10, allocated: 10, backordered: 0 });
    await clerk.ok('orders.cancel', { id: reduced.id, reason: 'test tidy-up' });
    const elsewhere = await clerk.ok(
      'orders.place',
      order([
        { productId: world.tea, quantity: 30, shortageAction: 'other_warehouse', warehouseId: world.otherWarehouseId },
      ]),
    );
    expect(elsewhere.lines[0]).toMatchObject({ allocated: 30, backordered: 0, warehouseId: world.otherWarehouseId });
    await clerk.ok('orders.cancel', { id: elsewhere.id, reason: 'test tidy-up' });
  });
});

describe('drafts', () => {
  it('a draft is saved, resumed, changed and placed; a placed order can no longer be edited', async () => {
    const draft = await clerk.ok(
      'orders.saveDraft',
      order([{ productId: world.cream, quantity: 12 }], { reference: 'PO-77' }),
    );
    expect(draft).toMatchObject({ status: 'draft', number: null, reference: 'PO-77' });
    const changed = await clerk.ok('orders.saveDraft', {
      ...order([{ productId: world.cream, quantity: 24 }]),
      id: draft.id,
      version: draft.version,
    });
    expect(changed.lines[0].quantity).toBe(24);
    expect(
      (
        await clerk.call('orders.saveDraft', {
          ...order([{ productId: world.cream, quantity: 1 }]),
          id: draft.id,
          version: draft.version,
        })
      ).status,
    ).toBe(409);
    const placed = await clerk.ok('orders.place', {
      ...order([{ productId: world.cream, quantity: 24 }]),
      id: draft.id,
      version: changed.version,
    });
    expect(placed.status).toBe('confirmed');
    const again = await clerk.call('orders.saveDraft', {
      ...order([{ productId: world.cream, quantity: 1 }]),
      id: draft.id,
      version: placed.version,
    });
    expect(again.status).toBe(409);
    const list = await clerk.ok('orders.list', { status: 'confirmed' });
    expect(list.rows.map((r: { id: number }) => r.id)).toContain(placed.id);
    await clerk.ok('orders.cancel', { id: placed.id, reason: 'test tidy-up' });
    expect(count('order_lines')).toBeGreaterThan(0);
  });
});
