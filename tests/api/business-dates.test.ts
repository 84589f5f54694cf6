import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestClient, type TestServer } from '../support/test-server';
import { buildWorld, pickEverything, type World } from '../support/world';

let server: TestServer;
let admin: TestClient;
let world: World;

beforeAll(async () => {
  server = await startTestServer();
  admin = await server.admin();
  world = await buildWorld(admin);
});
afterAll(() => server.close());

/** Moves the clock months ahead; the session from November has expired by then, so sign in again. */
async function at(instant: string) {
  server.setNow(new Date(instant));
  await admin.ok('auth.login', { username: 'admin', password: 'correct-horse' });
}

/** Order, pick, deliver and invoice one case of cream at the server's current instant. */
async function sellOneCase() {
  const order = await admin.ok('orders.place', {
    customerId: world.customerId,
    warehouseId: world.warehouseId,
    paymentType: 'credit',
    lines: [{ productId: world.cream, quantity: 12 }],
  });
  await pickEverything(admin, world.warehouseId, [order.id]);
  const note = await admin.ok('deliveryNotes.post', { orderId: order.id });
  const invoice = note.invoiceId
    ? await admin.ok('invoices.get', { id: note.invoiceId })
    : await admin.ok('invoices.post', { deliveryNoteIds: [note.id] });
  return { order: await admin.ok('orders.get', { id: order.id }), invoice };
}

// Midnight in Kolkata is 18:30 UTC: the UTC date is wrong for five and a half hours every night.
describe('business dates follow the company time zone (Asia/Kolkata)', () => {
  it('23:30 IST on 31 March dates documents 31 March in the old financial year', async () => {
    await at('2027-03-31T18:00:00Z');
    const { order, invoice } = await sellOneCase();
    expect(order.orderDate).toBe('2027-03-31');
    expect(invoice.invoiceDate).toBe('2027-03-31');
    expect(invoice.number).toBe('INV/26-27/000001');
    expect(order.number).toMatch(/^SO\/26-27\//);
  });

  it('01:30 IST on 1 April dates documents 1 April and opens the new series, though UTC says 31 March', async () => {
    await at('2027-03-31T20:00:00Z');
    const { order, invoice } = await sellOneCase();
    expect(order.orderDate).toBe('2027-04-01');
    expect(invoice.invoiceDate).toBe('2027-04-01');
    expect(invoice.number).toBe('INV/27-28/000001');
    // Due dates count from the business date: the retailer's 15 days' terms from 1 April.
    expect(invoice.dueDate).toBe('2027-04-16');
  });

  it('reports put the late-night booking in March and the early-morning one in April', async () => {
    const report = await admin.ok('reports.run', {
      report: 'booking_billing_backlog',
      filters: { from: '2027-03-31', to: '2027-04-01', period: 'day' },
      sort: null,
    });
    const booked = Object.fromEntries(
      (report.rows as { period: string; booked: number }[]).map((r) => [r.period, r.booked]),
    );
    expect(Object.keys(booked).sort()).toEqual(['2027-03-31', '2027-04-01']);
    expect(booked['2027-03-31']).toBeGreaterThan(0);
    expect(booked['2027-04-01']).toBe(booked['2027-03-31']);
  });

  it('another zone can be chosen, and a name that is no zone is refused by field', async () => {
    const company = await admin.ok('company.get', {});
    expect(company.timeZone).toBe('Asia/Kolkata');
    const bad = await admin.call('company.update', { ...company, timeZone: 'Asia/Kolkatta' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.field).toBe('timeZone');
    await admin.ok('company.update', { ...company, timeZone: 'Asia/Dubai' });
    // 21:00 UTC on 31 March is 01:00 on 1 April in Dubai.
    await at('2027-03-31T21:00:00Z');
    const { invoice } = await sellOneCase();
    expect(invoice.invoiceDate).toBe('2027-04-01');
  });
});
