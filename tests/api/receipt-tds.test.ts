import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { snapshot, startTestServer, type TestClient, type TestServer } from '../support/test-server';
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

async function invoiced(quantity: number) {
  const order = await admin.ok('orders.place', {
    customerId: world.customerId,
    warehouseId: world.warehouseId,
    paymentType: 'credit',
    lines: [{ productId: world.glucose, quantity }],
  });
  await pickEverything(admin, world.warehouseId, [order.id]);
  const note = await admin.ok('deliveryNotes.post', { orderId: order.id });
  return admin.ok('invoices.get', {
    id: note.invoiceId ?? (await admin.ok('invoices.post', { deliveryNoteIds: [note.id] })).id,
  });
}

describe('a receipt with TDS the buyer deducted (194Q)', () => {
  it('settles the invoice with money and TDS together, and the ledger shows the TDS on its own line', async () => {
    const invoice = await invoiced(10);
    const tds = Math.round(invoice.total / 1000); // 0.1% under 194Q
    const receipt = await admin.ok('payments.record', {
      customerId: world.customerId,
      receivedOn: '2026-11-22',
      mode: 'bank',
      reference: 'UTR-1',
      amount: invoice.total - tds,
      tds,
      allocations: [{ invoiceId: invoice.id, amount: invoice.total }],
    });
    expect(receipt).toMatchObject({ tds, allocated: invoice.total, onAccount: 0 });
    expect((await admin.ok('invoices.get', { id: invoice.id })).paid).toBe(invoice.total);

    const ledger = await admin.ok('customers.ledger', {
      customerId: world.customerId,
      from: '2026-11-01',
      to: '2026-11-30',
    });
    const lines = ledger.entries.filter((e: { document: string }) => e.document === receipt.number);
    expect(lines.map((e: { kind: string; credit: number }) => [e.kind, e.credit])).toEqual([
      ['payment', invoice.total - tds],
      ['tds', tds],
    ]);
    expect(ledger.closing).toBe(0);

    const reversed = await admin.ok('payments.reverse', { id: receipt.id, reason: 'Cheque returned' });
    expect(reversed.tds).toBe(tds);
    const after = await admin.ok('customers.ledger', {
      customerId: world.customerId,
      from: '2026-11-01',
      to: '2026-11-30',
    });
    expect(after.entries.at(-1)).toMatchObject({ kind: 'payment_reversed', debit: invoice.total });
    expect(after.closing).toBe(invoice.total);
  });

  it('refuses TDS larger than the money received, writing nothing', async () => {
    const before = snapshot(server.ledger);
    const refused = await admin.call('payments.record', {
      customerId: world.customerId,
      receivedOn: '2026-11-22',
      mode: 'cash',
      amount: 100_00,
      tds: 200_00,
    });
    expect(refused.status).toBe(400);
    expect(refused.body.error).toMatchObject({
      field: 'tds',
      message: 'TDS deducted cannot be more than the amount received',
    });
    expect(snapshot(server.ledger)).toEqual(before);
  });
});
