import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { snapshot, startTestServer, type TestClient, type TestServer } from '../support/test-server';
import { retailer } from '../support/fixtures';
import { buildWorld, pickEverything, type World } from '../support/world';

let server: TestServer;
let admin: TestClient;
let clerk: TestClient;
let manager: TestClient;
let world: World;

const newShop = { code: 'RT0900', name: 'Shree Traders', gstin: '', phone: '9822099999' };
const orderFor = (customerId: number) => ({
  customerId,
  warehouseId: world.warehouseId,
  paymentType: 'credit' as const,
  lines: [{ productId: world.glucose, quantity: 1 }],
});
const pendingOf = async (subjectId: number, subjectType: string) =>
  (await manager.ok('approvals.list', {})).find(
    (a: { subjectId: number; subjectType: string }) => a.subjectId === subjectId && a.subjectType === subjectType,
  );

beforeAll(async () => {
  server = await startTestServer();
  admin = await server.admin();
  world = await buildWorld(admin);
  clerk = await server.as('sales_clerk');
  manager = await server.as('manager');
});
afterAll(() => server.close());

describe('customer approvals', () => {
  it('a customer a sales clerk creates waits for approval and cannot take an order until a manager approves', async () => {
    const created = await clerk.ok('customers.create', retailer(newShop));
    expect(created.pendingApproval).toMatchObject({ kind: 'customer', text: expect.stringContaining('Shree Traders') });
    const before = snapshot(server.ledger);
    const refused = await clerk.call('orders.place', orderFor(created.id));
    expect(refused.status).toBe(409);
    expect(refused.body.error).toMatchObject({ field: 'customerId' });
    expect(refused.body.error.message).toBe(
      'Shree Traders is a new customer waiting for approval; orders can be placed once approved',
    );
    expect(snapshot(server.ledger)).toBe(before);
    // A quote is still fine: the clerk can show the shop its prices.
    expect((await clerk.call('orders.quote', orderFor(created.id))).status).toBe(200);

    const request = await pendingOf(created.id, 'customer');
    expect(request).toMatchObject({ subjectLabel: 'New customer Shree Traders', level: 1, levels: 1 });
    expect((await manager.ok('approvals.decide', { id: request.id, decision: 'approve' })).order).toBeNull();
    expect((await clerk.ok('customers.get', { id: created.id })).pendingApproval).toBeNull();
    expect((await clerk.ok('orders.place', orderFor(created.id))).status).toBe('confirmed');
  });

  it('a customer a manager creates needs no approval', async () => {
    const created = await manager.ok(
      'customers.create',
      retailer({ ...newShop, code: 'RT0901', name: 'Manager Shop' }),
    );
    expect(created.pendingApproval).toBeNull();
  });

  it('a clerk’s raised credit limit waits; the old limit applies until a manager approves', async () => {
    const c = await clerk.ok('customers.get', { id: world.customerId });
    const { parentName: _p, createdAt: _c, updatedAt: _u, pendingApproval: _a, ...fields } = c;
    const saved = await clerk.ok('customers.update', { ...fields, creditLimit: c.creditLimit * 2, remarks: undefined });
    expect(saved.creditLimit).toBe(c.creditLimit);
    expect(saved.pendingApproval).toMatchObject({ kind: 'customer_terms' });
    expect(saved.pendingApproval.text).toContain('credit limit');
    const request = await pendingOf(world.customerId, 'customer_terms');
    await manager.ok('approvals.decide', { id: request.id, decision: 'approve', comment: 'Pays on time' });
    const after = await clerk.ok('customers.get', { id: world.customerId });
    expect(after.creditLimit).toBe(c.creditLimit * 2);
    expect(after.pendingApproval).toBeNull();
  });

  it('a customer waiting for approval is refused at billing', async () => {
    const order = await admin.ok('orders.place', orderFor(world.customerId));
    await pickEverything(admin, world.warehouseId, [order.id]);
    // As if the customer had been put back under approval after the order (a migrated request).
    server.ledger.sqlite
      .prepare(
        `INSERT INTO approval_requests (subject_type, subject_id, plan, reasons, level_started_at, requested_at)
         VALUES ('customer', ?, '{"policyName":"x","version":0,"mode":"sequence","levels":[{"role":"manager","userIds":[],"minApprovers":1,"escalateAfterHours":null,"escalateToUserId":null}]}', '[]', '2026-11-22', '2026-11-22')`,
      )
      .run(world.customerId);
    const before = snapshot(server.ledger);
    // Posting the delivery note raises the invoice: both are refused, nothing written.
    const refused = await admin.call('deliveryNotes.post', { orderId: order.id });
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toBe(
      'Sharma Traders is a new customer waiting for approval; it can be billed once approved',
    );
    expect(snapshot(server.ledger)).toBe(before);
  });
});
