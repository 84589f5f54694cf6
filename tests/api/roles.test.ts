import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestClient, type TestServer } from '../support/test-server';
import { buildWorld, pickEverything, setCompany, type World } from '../support/world';

let server: TestServer;
let admin: TestClient;
let world: World;

beforeAll(async () => {
  server = await startTestServer();
  admin = await server.admin();
  world = await buildWorld(admin);
});
afterAll(() => server.close());

async function pickedOrder(): Promise<number> {
  const order = await admin.ok('orders.place', {
    customerId: world.customerId,
    warehouseId: world.warehouseId,
    paymentType: 'credit',
    lines: [{ productId: world.glucose, quantity: 6 }],
  });
  await pickEverything(admin, world.warehouseId, [order.id]);
  return order.id;
}

describe("the billing desk's three jobs (docs/ROLES.md)", () => {
  it('a billing clerk posts the delivery note (raising its invoice) and dispatches the vehicle', async () => {
    const clerk = await server.as('billing_clerk');
    const note = await clerk.ok('deliveryNotes.post', { orderId: await pickedOrder() });
    expect(note.invoiceNumber).toMatch(/^INV\//);
    const d = await clerk.ok('dispatches.create', { deliveryNoteIds: [note.id], vehicleNo: 'MH12AB1234' });
    expect(
      (
        await clerk.ok('dispatches.confirmDelivery', {
          dispatchId: d.id,
          deliveryNoteId: note.id,
          outcome: 'delivered',
          deliveredOn: '2026-11-22',
        })
      ).notes[0].outcome,
    ).toBe('delivered');
  });

  it('under invoice-before-dispatch a billing clerk posts the note, then the invoice, then the dispatch', async () => {
    await setCompany(admin, { invoiceFlow: 'before_dispatch' });
    const clerk = await server.as('billing_clerk');
    const note = await clerk.ok('deliveryNotes.post', { orderId: await pickedOrder() });
    expect(note.invoiceId).toBeNull();
    const invoice = await clerk.ok('invoices.post', { deliveryNoteIds: [note.id] });
    const d = await clerk.ok('dispatches.create', { deliveryNoteIds: [note.id], vehicleNo: 'MH12AB1234' });
    expect(d.notes[0]).toMatchObject({ invoiceNumber: invoice.number });
    await setCompany(admin, { invoiceFlow: 'with_delivery_note' });
  });

  it('a warehouse clerk loads vehicles but cannot raise invoices; a sales clerk does neither', async () => {
    const orderId = await pickedOrder();
    const warehouse = await server.as('warehouse_clerk');
    expect((await warehouse.call('deliveryNotes.post', { orderId })).status).toBe(403);
    const note = await admin.ok('deliveryNotes.post', { orderId });
    const sales = await server.as('sales_clerk');
    expect(
      (await sales.call('dispatches.create', { deliveryNoteIds: [note.id], vehicleNo: 'MH12AB1234' })).status,
    ).toBe(403);
    expect(
      (await warehouse.call('dispatches.create', { deliveryNoteIds: [note.id], vehicleNo: 'MH12AB1234' })).status,
    ).toBe(200);
  });
});
