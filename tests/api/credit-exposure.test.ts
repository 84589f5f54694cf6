import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { snapshot, startTestServer, type TestClient, type TestServer } from '../support/test-server';
import { retailer } from '../support/fixtures';
import { buildWorld, pickEverything, type World } from '../support/world';

let server: TestServer;
let admin: TestClient;
let clerk: TestClient;
let manager: TestClient;
let world: World;

const setPolicy = (
  customerId: number,
  policy: 'block' | 'warn' | 'approval',
  limit: number,
  overdueBlockDays: number | null = null,
) =>
  server.ledger.sqlite
    .prepare('UPDATE customers SET credit_policy = ?, credit_limit = ?, overdue_block_days = ? WHERE id = ?')
    .run(policy, limit, overdueBlockDays, customerId);
const order = (
  customerId: number,
  lines: { productId: number; quantity: number }[],
  paymentType: 'credit' | 'cash' | 'upi_bank' | 'cheque' = 'credit',
) => ({
  customerId,
  warehouseId: world.warehouseId,
  paymentType,
  lines,
});

beforeAll(async () => {
  server = await startTestServer();
  admin = await server.admin();
  world = await buildWorld(admin);
  clerk = await server.as('sales_clerk');
  manager = await server.as('manager');
});
afterAll(() => server.close());

describe('credit exposure at every decision', () => {
  it('counts orders waiting for approval, re-checks at approval and records the exposure as of the decision', async () => {
    setPolicy(world.customerId, 'approval', 1_000_00);
    // 100 glucose at ₹10 + 18% = ₹1,180.00: over the ₹1,000 limit, so it waits for a manager.
    const first = await clerk.ok(
      'orders.place',
      order(world.customerId, [{ productId: world.glucose, quantity: 100 }]),
    );
    expect(first.status).toBe('pending_approval');
    const quote = await clerk.ok('orders.quote', order(world.customerId, [{ productId: world.tea, quantity: 1 }]));
    expect(quote.credit).toMatchObject({ used: 1_180_00, afterOrder: 1_233_00, decision: 'needs_approval' });

    const second = await clerk.ok('orders.place', order(world.customerId, [{ productId: world.tea, quantity: 1 }]));
    expect(second.status).toBe('pending_approval');
    expect(second.approvals[0].reasons[0]).toBe(
      'Credit limit ₹1,000.00 exceeded: ₹1,180.00 used + this order ₹53.00 = ₹1,233.00',
    );

    const queue = await manager.ok('approvals.list', {});
    const card = queue.find((a: { orderId: number }) => a.orderId === first.id);
    expect(card.credit).toMatchObject({
      limit: 1_000_00,
      used: 53_00,
      thisOrder: 1_180_00,
      afterOrder: 1_233_00,
      overdue: 0,
      oldestOverdueDays: 0,
      decision: 'needs_approval',
    });

    const { order: approved } = await manager.ok('approvals.decide', {
      id: card.id,
      decision: 'approve',
      comment: 'Known customer',
    });
    expect(approved.status).toBe('confirmed');
    const event = approved.events.find((e: { kind: string }) => e.kind === 'approved');
    expect(event.message).toMatch(
      /^Approved by manager \d+ knowingly over the limit: Known customer; credit as of now: limit ₹1,000\.00, used ₹53\.00 \+ this order ₹1,180\.00 = ₹1,233\.00; nothing overdue$/,
    );
    const audit = await admin.ok('audit.list', { entity: 'order', entityId: first.id });
    const decision = audit.rows.find((r: { action: string }) => r.action === 'approved');
    expect(JSON.parse(decision.detail).credit).toMatchObject({
      limit: 1_000_00,
      used: 53_00,
      thisOrder: 1_180_00,
      afterOrder: 1_233_00,
      overdue: 0,
    });

    // The first order is delivered and invoiced (due in 15 days); five weeks later it is overdue.
    await pickEverything(admin, world.warehouseId, [first.id]);
    const note = await admin.ok('deliveryNotes.post', { orderId: first.id });
    const invoice = await admin.ok('invoices.get', { id: note.invoiceId });
    setPolicy(world.customerId, 'approval', 1_000_00, 30);
    server.setToday('2027-01-10');
    // Sessions from November have expired by January: sign in again.
    await admin.ok('auth.login', { username: 'admin', password: 'correct-horse' });
    const january = await server.as('manager');
    const waiting = (await january.ok('approvals.list', {})).find((a: { orderId: number }) => a.orderId === second.id);
    expect(waiting.credit).toMatchObject({
      used: 1_180_00,
      overdue: 1_180_00,
      oldestOverdueDays: 34,
      decision: 'blocked',
    });
    const before = snapshot(server.ledger);
    const refused = await january.call('approvals.decide', { id: waiting.id, decision: 'approve' });
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toContain('cannot be approved: credit check now fails for Sharma Traders');
    expect(refused.body.error.message).toContain('₹1,180.00 overdue, oldest 34 days (rule: nothing over 30 days)');
    expect(snapshot(server.ledger)).toBe(before);

    // Once the money is in, the same approval goes through within the limit.
    await admin.ok('payments.record', {
      customerId: world.customerId,
      receivedOn: '2027-01-10',
      mode: 'bank',
      reference: 'NEFT-1',
      amount: invoice.total,
    });
    const { order: later } = await january.ok('approvals.decide', { id: waiting.id, decision: 'approve' });
    expect(later.status).toBe('confirmed');
    expect(later.events.find((e: { kind: string }) => e.kind === 'approved').message).not.toContain('knowingly');
    server.setToday('2026-11-22');
    // Signing in in January purged November's long-expired sessions: the clerks sign in afresh.
    clerk = await server.as('sales_clerk');
    manager = await server.as('manager');
    await admin.ok('orders.cancel', { id: second.id, reason: 'test tidy-up' });
    setPolicy(world.customerId, 'approval', 1_00_000_00);
  });

  it('a "block" policy over the limit refuses the approval too', async () => {
    setPolicy(world.customerId, 'approval', 100_00);
    const placed = await clerk.ok('orders.place', order(world.customerId, [{ productId: world.tea, quantity: 5 }]));
    setPolicy(world.customerId, 'block', 100_00);
    const before = snapshot(server.ledger);
    const refused = await manager.call('approvals.decide', { id: placed.approvals[0].id, decision: 'approve' });
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toContain('Credit limit ₹100.00 exceeded');
    expect(snapshot(server.ledger)).toBe(before);
    await admin.ok('orders.cancel', { id: placed.id, reason: 'test tidy-up' });
    setPolicy(world.customerId, 'approval', 1_00_000_00);
  });
});

describe('a payment type is not money', () => {
  let customerId: number;
  beforeAll(async () => {
    customerId = (
      await admin.ok(
        'customers.create',
        retailer({ code: 'RT0002', name: 'Patil Stores', gstin: '', creditLimit: 100_00 }),
      )
    ).id;
    setPolicy(customerId, 'block', 100_00);
  });

  it('refuses an order over the limit whether it says cash, UPI or credit, and writes nothing', async () => {
    const before = snapshot(server.ledger);
    for (const paymentType of ['cash', 'upi_bank', 'credit'] as const) {
      const result = await clerk.call(
        'orders.place',
        order(customerId, [{ productId: world.tea, quantity: 5 }], paymentType),
      );
      expect(result.status).toBe(409);
      expect(result.body.error.message).toContain(
        'Credit limit ₹100.00 exceeded: ₹0.00 used + this order ₹263.00 = ₹263.00',
      );
    }
    expect(snapshot(server.ledger)).toBe(before);
  });

  it('the counter exempts only the money actually received there', async () => {
    const before = snapshot(server.ledger);
    // ₹263.00 bill, ₹100.00 tendered: ₹163.00 would go on credit, over the ₹100 limit.
    const short = await admin.call('counter.sale', {
      customerId,
      warehouseId: world.warehouseId,
      lines: [{ productId: world.tea, quantity: 5 }],
      payment: { mode: 'cash', tendered: 100_00 },
    });
    expect(short.status).toBe(409);
    expect(short.body.error.message).toContain('this order ₹163.00 unpaid of ₹263.00');
    expect(snapshot(server.ledger)).toBe(before);
    // ₹200.00 tendered: ₹63.00 on credit fits the limit.
    const part = await admin.ok('counter.sale', {
      customerId,
      warehouseId: world.warehouseId,
      lines: [{ productId: world.tea, quantity: 5 }],
      payment: { mode: 'cash', tendered: 200_00 },
    });
    expect(part).toMatchObject({ paid: 200_00 });
    expect(
      (await admin.ok('orders.quote', order(customerId, [{ productId: world.tea, quantity: 1 }]))).credit.used,
    ).toBe(63_00);
    // Paid in full, nothing is on credit: the sale goes through whatever the limit.
    const full = await admin.ok('counter.sale', {
      customerId,
      warehouseId: world.warehouseId,
      lines: [{ productId: world.tea, quantity: 3 }],
      payment: { mode: 'upi', tendered: 158_00, reference: 'UPI-7' },
    });
    expect(full.invoice.total).toBe(158_00);
  });
});
