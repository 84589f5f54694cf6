import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { snapshot, startTestServer, type TestClient, type TestServer } from '../support/test-server';
import { buildWorld, pickEverything, type World } from '../support/world';
import { biscuit } from '../support/fixtures';

/** "Buy 20 Namkeen, get 1 Cup free": the free cups follow the namkeen that earn them, step by step. */
let server: TestServer;
let admin: TestClient;
let world: World;
let namkeen: number;
let cup: number;

type Deliverable = { reservationId: number; sku: string; quantity: number };
type Note = { id: number; invoiceId: number | null; lines: { sku: string; quantity: number }[] };
type Line = {
  isFree: boolean;
  quantity: number;
  allocated: number;
  backordered: number;
  delivered: number;
  allocationNote: string;
};
const lineOf = (order: { lines: Line[] }, free: boolean): Line => order.lines.find((l) => l.isFree === free)!;
const carried = (note: Note) => {
  const bySku = new Map<string, number>();
  for (const l of note.lines) bySku.set(l.sku, (bySku.get(l.sku) ?? 0) + l.quantity);
  return [...bySku].map(([sku, q]) => `${sku} ${q}`).sort();
};
const receive = (productId: number, batchNo: string, quantity: number) =>
  admin.ok('inventory.receive', {
    warehouseId: world.warehouseId,
    lines: [{ productId, batchNo, expiresOn: '2028-06-01', quantity }],
  });
const deliver = (orderId: number, lines: { reservationId: number; quantity: number }[] | null) =>
  admin.call('deliveryNotes.post', { orderId, lines, packages: 1, weightGrams: 1000 });
/** The invoice of a note: raised with it if delivery notes invoice themselves, else posted now. */
async function freeUnitsInvoiced(note: Note): Promise<{ free: number; paid: number }> {
  const invoice = note.invoiceId
    ? await admin.ok('invoices.get', { id: note.invoiceId })
    : await admin.ok('invoices.post', { deliveryNoteIds: [note.id] });
  const sum = (free: boolean) =>
    invoice.lines
      .filter((l: { isFree: boolean }) => l.isFree === free)
      .reduce((s: number, l: { quantity: number }) => s + l.quantity, 0);
  return { free: sum(true), paid: sum(false) };
}

beforeAll(async () => {
  server = await startTestServer();
  admin = await server.admin();
  world = await buildWorld(admin);
  namkeen = (
    await admin.ok(
      'products.create',
      biscuit({ sku: 'NMK-0001', name: 'Bhujia 200 g', category: 'Snacks', barcodes: [], packs: [] }),
    )
  ).id;
  cup = (
    await admin.ok(
      'products.create',
      biscuit({ sku: 'CUP-0001', name: 'Tea cup', category: 'Gifts', barcodes: [], packs: [] }),
    )
  ).id;
  await receive(namkeen, 'N1', 25);
  await receive(cup, 'K1', 100);
  await admin.ok('schemes.create', {
    code: 'N20',
    name: 'Bhujia 20+1 cup',
    rule: {
      kind: 'free_goods',
      buyProductId: namkeen,
      buyQuantity: 20,
      getProductId: cup,
      getQuantity: 1,
      repeat: true,
    },
  });
});
afterAll(() => server.close());

const place = () =>
  admin.ok('orders.place', {
    customerId: world.customerId,
    warehouseId: world.warehouseId,
    paymentType: 'credit',
    lines: [{ productId: namkeen, quantity: 40 }],
  });

describe('free goods follow the paid goods that earn them', () => {
  it('reserves, delivers and invoices free units only for the paid units that earn them; the rest ships with the backorder', async () => {
    const placed = await place();
    expect(lineOf(placed, false)).toMatchObject({ quantity: 40, allocated: 25, backordered: 15 });
    expect(lineOf(placed, true)).toMatchObject({ quantity: 2, allocated: 1, backordered: 1 });
    expect(lineOf(placed, true).allocationNote).toContain('1 free wait for the paid units that earn them');

    const list = await admin.ok('picking.create', { warehouseId: world.warehouseId, orderIds: [placed.id] });
    expect(
      list.lines
        .map(
          (l: { sku: string; isFree: boolean; quantity: number }) =>
            `${l.sku} ${l.quantity} ${l.isFree ? 'free' : 'paid'}`,
        )
        .sort(),
    ).toEqual(['CUP-0001 1 free', 'NMK-0001 25 paid']);
    for (const l of list.lines)
      await admin.ok('picking.setPicked', { pickListId: list.id, lineId: l.id, picked: l.quantity });
    await admin.ok('picking.complete', { id: list.id });

    const picked: Deliverable[] = await admin.ok('deliveryNotes.deliverable', { orderId: placed.id });
    const paid = picked.find((p) => p.sku === 'NMK-0001')!;
    const free = picked.find((p) => p.sku === 'CUP-0001')!;
    const before = snapshot(server.ledger);
    const tooEarly = await deliver(placed.id, [
      { reservationId: paid.reservationId, quantity: 19 },
      { reservationId: free.reservationId, quantity: 1 },
    ]);
    expect(tooEarly.status).toBe(400);
    expect(tooEarly.body.error).toMatchObject({
      field: 'lines.1.quantity',
      message: expect.stringContaining('the paid units delivered earn 0 more free unit(s), not 1'),
    });
    expect(snapshot(server.ledger)).toBe(before);

    const first: Note = (
      await deliver(placed.id, [
        { reservationId: paid.reservationId, quantity: 20 },
        { reservationId: free.reservationId, quantity: 1 },
      ])
    ).body;
    expect(carried(first)).toEqual(['CUP-0001 1', 'NMK-0001 20']);
    const second: Note = (await deliver(placed.id, null)).body;
    expect(carried(second)).toEqual(['NMK-0001 5']);
    expect(await freeUnitsInvoiced(first)).toEqual({ free: 1, paid: 20 });
    expect(await freeUnitsInvoiced(second)).toEqual({ free: 0, paid: 5 });

    // The backordered namkeen arrives: the waiting cup is reserved, picked and shipped with it.
    await receive(namkeen, 'N2', 20);
    const filled = await admin.ok('orders.fillBackorders', { id: placed.id });
    expect(lineOf(filled, false)).toMatchObject({ allocated: 40, backordered: 0 });
    expect(lineOf(filled, true)).toMatchObject({ allocated: 2, backordered: 0 });
    await pickEverything(admin, world.warehouseId, [placed.id]);
    const last: Note = (await deliver(placed.id, null)).body;
    expect(carried(last)).toEqual(['CUP-0001 1', 'NMK-0001 15']);
    expect(await freeUnitsInvoiced(last)).toEqual({ free: 1, paid: 15 });
    const done = await admin.ok('orders.get', { id: placed.id });
    expect(lineOf(done, true).delivered).toBe(2);
    expect(['delivered', 'invoiced']).toContain(done.status);
    expect((await admin.ok('inventory.check', {})).differences).toEqual([]);
  });

  it('a short pick of the paid goods holds back the free goods they no longer earn until the rest ships', async () => {
    await receive(namkeen, 'N3', 40);
    const placed = await place();
    expect(lineOf(placed, true)).toMatchObject({ allocated: 2, backordered: 0 });
    const list = await admin.ok('picking.create', { warehouseId: world.warehouseId, orderIds: [placed.id] });
    for (const l of list.lines) {
      if (l.isFree) await admin.ok('picking.setPicked', { pickListId: list.id, lineId: l.id, picked: l.quantity });
    }
    // 20 namkeen are found on the shelf; whatever else the list wants of it is not there and is backordered.
    let found = 20;
    for (const l of list.lines.filter((x: { isFree: boolean }) => !x.isFree)) {
      const take = Math.min(found, l.quantity);
      found -= take;
      await admin.ok('picking.setPicked', { pickListId: list.id, lineId: l.id, picked: take });
      if (take < l.quantity)
        await admin.ok('picking.short', { pickListId: list.id, lineId: l.id, action: 'backorder' });
    }
    await admin.ok('picking.complete', { id: list.id });
    expect(lineOf(await admin.ok('orders.get', { id: placed.id }), false)).toMatchObject({
      allocated: 20,
      backordered: 20,
    });

    const first: Note = (await deliver(placed.id, null)).body;
    expect(carried(first)).toEqual(['CUP-0001 1', 'NMK-0001 20']);
    expect(await freeUnitsInvoiced(first)).toEqual({ free: 1, paid: 20 });

    await receive(namkeen, 'N4', 20);
    await admin.ok('orders.fillBackorders', { id: placed.id });
    await pickEverything(admin, world.warehouseId, [placed.id]);
    const last: Note = (await deliver(placed.id, null)).body;
    expect(carried(last)).toEqual(['CUP-0001 1', 'NMK-0001 20']);
    expect(await freeUnitsInvoiced(last)).toEqual({ free: 1, paid: 20 });
    expect((await admin.ok('inventory.check', {})).differences).toEqual([]);
  });

  it('paid units the clerk reserves by hand earn their free goods at once', async () => {
    await receive(namkeen, 'N5', 40);
    await admin.ok('inventory.updateSettings', {
      defaultMethod: 'fefo',
      nearExpiryDays: 90,
      categoryRules: [{ category: 'Snacks', method: 'manual' }],
    });
    const placed = await place();
    expect(lineOf(placed, false)).toMatchObject({
      allocated: 0,
      allocationNote: 'manual allocation: batches are chosen at picking',
    });
    expect(lineOf(placed, true)).toMatchObject({ allocated: 0, backordered: 2 });
    const paidLine = placed.lines.find((l: { isFree: boolean }) => !l.isFree);
    const choices: { batchId: number; available: number }[] = await admin.ok('orders.lineBatches', {
      orderLineId: paidLine.id,
    });
    let want = 40;
    const batches = choices.flatMap((b) => {
      const quantity = Math.min(want, b.available);
      want -= quantity;
      return quantity > 0 ? [{ batchId: b.batchId, quantity }] : [];
    });
    const chosen = await admin.ok('orders.allocateManually', { orderLineId: paidLine.id, batches });
    expect(lineOf(chosen, false)).toMatchObject({ allocated: 40, backordered: 0 });
    expect(lineOf(chosen, true)).toMatchObject({ allocated: 2, backordered: 0 });
    expect(chosen.events.at(-1).message).toBe('2 free units reserved for the paid units now reserved');
    await admin.ok('inventory.updateSettings', { defaultMethod: 'fefo', nearExpiryDays: 90, categoryRules: [] });
    await admin.ok('orders.cancel', { id: placed.id, reason: 'test tidy-up' });
  });
});
