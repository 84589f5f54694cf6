import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { snapshot, startTestServer, type TestClient, type TestServer } from '../support/test-server';
import { buildWorld, pickEverything, type World } from '../support/world';

let server: TestServer;
let admin: TestClient;
let world: World;
let orderId: number;

const onHand = async (productId: number) =>
  (await admin.ok('inventory.stock', { productId, warehouseId: world.warehouseId })).rows.reduce(
    (s: number, r: { onHand: number }) => s + r.onHand,
    0,
  );

beforeAll(async () => {
  server = await startTestServer();
  admin = await server.admin();
  world = await buildWorld(admin);
  const order = await admin.ok('orders.place', {
    customerId: world.customerId,
    warehouseId: world.warehouseId,
    paymentType: 'credit',
    lines: [
      { productId: world.glucose, quantity: 120 },
      { productId: world.tea, quantity: 4 },
    ],
  });
  orderId = order.id;
  await pickEverything(admin, world.warehouseId, [orderId]);
});
afterAll(() => server.close());

describe('delivery notes', () => {
  it('a partial delivery issues only what it carries and leaves the rest open', async () => {
    const before = await onHand(world.glucose);
    const picked = await admin.ok('deliveryNotes.deliverable', { orderId });
    const early = picked.find((p: { batchNo: string }) => p.batchNo === 'G-EARLY');
    const note = await admin.ok('deliveryNotes.post', {
      orderId,
      lines: [{ reservationId: early.reservationId, quantity: 60 }],
      packages: 3,
      weightGrams: 12_500,
    });
    expect(note.number).toMatch(/^DN\/\d\d-\d\d\/000001$/);
    expect(note.lines).toEqual([expect.objectContaining({ sku: 'SUN-0001', batchNo: 'G-EARLY', quantity: 60 })]);
    expect(note.placeOfSupply).toBe('27');
    expect(await onHand(world.glucose)).toBe(before - 60);
    const order = await admin.ok('orders.get', { id: orderId });
    expect(order.status).toBe('partially_delivered');
    expect(order.lines[0].delivered).toBe(60);
    expect((await admin.ok('inventory.check', {})).differences).toEqual([]);
  });

  it('refuses more than is picked, and writes nothing', async () => {
    const picked = await admin.ok('deliveryNotes.deliverable', { orderId });
    const before = snapshot(server.ledger);
    const result = await admin.call('deliveryNotes.post', {
      orderId,
      lines: [{ reservationId: picked[0].reservationId, quantity: picked[0].quantity + 1 }],
    });
    expect(result.status).toBe(400);
    expect(result.body.error.field).toBe('lines.0.quantity');
    expect(snapshot(server.ledger)).toBe(before);
  });

  it('the second note takes the rest; the order is delivered and a third note is refused', async () => {
    const note = await admin.ok('deliveryNotes.post', { orderId });
    expect(note.number).toMatch(/000002$/);
    expect(note.lines.reduce((s: number, l: { quantity: number }) => s + l.quantity, 0)).toBe(40 + 20 + 4);
    // Each note raised its own invoice, so the fully delivered order is fully invoiced.
    expect(note.invoiceNumber).toMatch(/^INV\/\d\d-\d\d\/000002$/);
    expect((await admin.ok('orders.get', { id: orderId })).status).toBe('invoiced');
    const again = await admin.call('deliveryNotes.post', { orderId });
    expect(again.status).toBe(409);
    const stock = await admin.ok('inventory.stock', { productId: world.glucose, warehouseId: world.warehouseId });
    expect(stock.rows.every((r: { reserved: number }) => r.reserved === 0)).toBe(true);
    expect((await admin.ok('inventory.check', {})).differences).toEqual([]);
  });
});
