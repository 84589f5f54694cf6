import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { retailer } from '../support/fixtures';
import { startTestServer, type TestClient, type TestServer } from '../support/test-server';
import { buildWorld, pickEverything, type World } from '../support/world';

let server: TestServer;
let admin: TestClient;
let world: World;

beforeAll(async () => {
  server = await startTestServer();
  admin = await server.admin();
  world = await buildWorld(admin);
}, 30_000);
afterAll(() => server.close());

async function invoiceOn(day: string, quantity: number) {
  server.setToday(day);
  const order = await admin.ok('orders.place', {
    customerId: world.customerId,
    warehouseId: world.warehouseId,
    paymentType: 'credit',
    lines: [{ productId: world.glucose, quantity }],
  });
  await pickEverything(admin, world.warehouseId, [order.id]);
  const note = await admin.ok('deliveryNotes.post', { orderId: order.id });
  return admin.ok('invoices.get', { id: note.invoiceId });
}

describe('"how much does X owe"', () => {
  it('answers the balance and the overdue part, after receipts on account', async () => {
    const old = await invoiceOn('2026-10-01', 10); // due 2026-10-16: overdue by 22 Nov
    const recent = await invoiceOn('2026-11-22', 5);
    await admin.ok('payments.record', {
      customerId: world.customerId,
      receivedOn: '2026-11-22',
      mode: 'cash',
      amount: 50_00,
      allocations: [{ invoiceId: recent.id, amount: 50_00 }],
    });
    const answer = await admin.ok('assistant.ask', { question: 'How much does Sharma Traders owe?' });
    const balance = old.total + recent.total - 50_00;
    expect(answer.balance).toEqual({
      customerId: world.customerId,
      customer: 'Sharma Traders',
      code: 'RT0001',
      balance,
      overdue: old.total,
    });
    expect(answer.message).toContain('Sharma Traders (RT0001) owes ₹');
    expect(answer.message).toContain('of it is overdue');
    expect(answer.understood[0]).toContain('balance');
    expect(answer.invoices.map((i: { number: string }) => i.number)).toEqual([old.number, recent.number]);
  });

  it('lists every customer a name matches and asks which one, instead of guessing', async () => {
    await admin.ok('customers.create', retailer({ code: 'RT0002', name: 'Sharma Kirana' }));
    await admin.ok('customers.create', retailer({ code: 'RT0003', name: 'Sharma Medicals' }));
    const answer = await admin.ok('assistant.ask', { question: 'how much does sharma owe' });
    expect(answer.balance).toBeNull();
    expect(answer.message).toBe(
      '“sharma” matches 3 customers: Sharma Traders (RT0001), Sharma Kirana (RT0002), Sharma Medicals (RT0003). Which one?',
    );
    expect(answer.suggestions).toEqual([
      'how much does Sharma Traders owe',
      'how much does Sharma Kirana owe',
      'how much does Sharma Medicals owe',
    ]);
  });

  it('refuses a role that cannot see invoices', async () => {
    const clerk = await server.as('warehouse_clerk');
    const res = await clerk.call('assistant.ask', { question: 'how much does Sharma Traders owe' });
    expect(res.status).toBe(403);
  });
});
