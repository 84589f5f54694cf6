import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { snapshot, startTestServer, type TestClient, type TestServer } from '../support/test-server';
import { buildWorld, type World } from '../support/world';
import { biscuit } from '../support/fixtures';

/**
 * Every way an order line takes stock applies the same rule: confirmation, a short pick's
 * re-allocation, the clerk's manual choice, a shortage sent to another warehouse, and filling a
 * backorder. Rusk batches on the test day (2026-11-22), for a retailer needing 120 days:
 *   R-OLD   made 2025-09, expired          R-SHORT made 2026-05, 70 days left (too short)
 *   R-A     made 2026-07, exp 2027-12-01   R-B made 2026-08, exp 2027-10-01   R-C made 2026-09, exp 2027-08-01
 * Rusk is FIFO by its category, so R-A goes first; FEFO would take R-C, and a path that skipped
 * the checks would take R-OLD or R-SHORT first.
 */
let server: TestServer;
let admin: TestClient;
let world: World;
let rusk: number;
const retailerRules = {
  code: 'retailer',
  name: 'Retailer',
  parentTypes: ['distributor', 'super_stockist'],
  creditPolicy: 'approval' as const,
};
const batch = (batchNo: string, manufacturedOn: string, expiresOn: string, quantity = 10) => ({
  productId: rusk,
  batchNo,
  manufacturedOn,
  expiresOn,
  quantity,
});
const method = (m: 'fefo' | 'fifo' | 'lifo' | 'manual') =>
  admin.ok('inventory.updateSettings', {
    defaultMethod: 'fefo',
    nearExpiryDays: 90,
    categoryRules: [{ category: 'Rusk', method: m }],
  });
const place = (quantity: number, extra: Record<string, unknown> = {}) =>
  admin.ok('orders.place', {
    customerId: world.customerId,
    warehouseId: world.warehouseId,
    paymentType: 'credit',
    lines: [{ productId: rusk, quantity, ...extra }],
  });
const batchesOf = (line: { batches: { batchNo: string; quantity: number }[] }) =>
  line.batches.map((b) => `${b.batchNo} ${b.quantity}`).sort();
const tidy = (id: number) => admin.ok('orders.cancel', { id, reason: 'test tidy-up' });

beforeAll(async () => {
  server = await startTestServer();
  admin = await server.admin();
  world = await buildWorld(admin);
  rusk = (
    await admin.ok(
      'products.create',
      biscuit({ sku: 'RSK-0001', name: 'Sunrise Rusk 200 g', category: 'Rusk', barcodes: [], packs: [] }),
    )
  ).id;
  const old = batch('R-OLD', '2025-09-01', '2026-12-31');
  const short = batch('R-SHORT', '2026-05-01', '2027-01-31');
  await admin.ok('inventory.receive', {
    warehouseId: world.warehouseId,
    lines: [
      old,
      short,
      batch('R-A', '2026-07-01', '2027-12-01'),
      batch('R-B', '2026-08-01', '2027-10-01'),
      batch('R-C', '2026-09-01', '2027-08-01'),
    ],
  });
  await admin.ok('inventory.receive', {
    warehouseId: world.otherWarehouseId,
    lines: [old, short, batch('R-B', '2026-08-01', '2027-10-01'), batch('R-C', '2026-09-01', '2027-08-01')],
  });
  // Expired stock cannot be received, so R-OLD ages on the shelf instead.
  server.ledger.sqlite.prepare("UPDATE batches SET expires_on = '2026-11-01' WHERE batch_no = 'R-OLD'").run();
  await admin.ok('customerTypes.update', { ...retailerRules, minShelfLifeDays: 120 });
  await method('fifo');
});
afterAll(() => server.close());

describe('one allocation rule for every path', () => {
  it('confirmation skips expired and short-dated batches and follows the category method', async () => {
    const placed = await place(15);
    expect(batchesOf(placed.lines[0])).toEqual(['R-A 10', 'R-B 5']);
    expect(placed.lines[0].allocationNote).toContain('FIFO: oldest manufactured first');
    expect(placed.lines[0].allocationNote).toContain('R-OLD (expired on 2026-11-01)');
    expect(placed.lines[0].allocationNote).toContain('R-SHORT (70 days left, customer needs 120)');
    await tidy(placed.id);
  });

  it('a short pick re-allocates by the customer’s shelf life and the category method', async () => {
    const placed = await place(5);
    expect(batchesOf(placed.lines[0])).toEqual(['R-A 5']);
    const list = await admin.ok('picking.create', { warehouseId: world.warehouseId, orderIds: [placed.id] });
    const result = await admin.ok('picking.short', {
      pickListId: list.id,
      lineId: list.lines[0].id,
      action: 'reallocate',
    });
    // Not R-SHORT (oldest usable by date alone), not R-C (FEFO): R-B, the next by FIFO.
    expect(result.message).toContain('took 5 from R-B');
    expect(result.message).toContain(
      'skipped R-OLD (expired on 2026-11-01), R-SHORT (70 days left, customer needs 120)',
    );
    expect(
      result.pickList.lines
        .map((l: { batchNo: string; quantity: number; short: number }) => `${l.batchNo} ${l.quantity - l.short}`)
        .sort(),
    ).toEqual(['R-A 0', 'R-B 5']);
    await tidy(placed.id);
    expect((await admin.ok('inventory.check', {})).differences).toEqual([]);
  });

  it('the clerk’s manual choice is refused for expired or short-dated batches, and outside a manual category', async () => {
    await method('manual');
    const placed = await place(5);
    expect(placed.lines[0]).toMatchObject({
      allocated: 0,
      allocationNote: 'manual allocation: batches are chosen at picking',
    });
    const choices = await admin.ok('orders.lineBatches', { orderLineId: placed.lines[0].id });
    const id = (no: string) => choices.find((b: { batchNo: string }) => b.batchNo === no).batchId;
    const before = snapshot(server.ledger);
    const expired = await admin.call('orders.allocateManually', {
      orderLineId: placed.lines[0].id,
      batches: [{ batchId: id('R-OLD'), quantity: 5 }],
    });
    expect(expired.body.error).toEqual({
      code: 'rule_violated',
      field: 'batches',
      message: 'Cannot use R-OLD: expired on 2026-11-01',
    });
    const short = await admin.call('orders.allocateManually', {
      orderLineId: placed.lines[0].id,
      batches: [{ batchId: id('R-SHORT'), quantity: 5 }],
    });
    expect(short.body.error.message).toBe('Cannot use R-SHORT: 70 days left, customer needs 120');
    expect(snapshot(server.ledger)).toBe(before);
    const chosen = await admin.ok('orders.allocateManually', {
      orderLineId: placed.lines[0].id,
      batches: [{ batchId: id('R-C'), quantity: 5 }],
    });
    expect(batchesOf(chosen.lines[0])).toEqual(['R-C 5']);
    await tidy(placed.id);

    await method('fifo');
    const automatic = await place(35);
    expect(automatic.lines[0]).toMatchObject({ allocated: 30, backordered: 5 });
    const refused = await admin.call('orders.allocateManually', {
      orderLineId: automatic.lines[0].id,
      batches: [{ batchId: id('R-C'), quantity: 1 }],
    });
    expect(refused.status).toBe(409);
    expect(refused.body.error).toEqual({
      code: 'rule_violated',
      field: 'batches',
      message: 'RSK-0001 is allocated FIFO (oldest first) by its category; its batches are chosen automatically',
    });
    await tidy(automatic.id);
  });

  it('a shortage sent to another warehouse passes the same checks there', async () => {
    const placed = await place(15, { shortageAction: 'other_warehouse', warehouseId: world.otherWarehouseId });
    expect(placed.lines[0].warehouseId).toBe(world.otherWarehouseId);
    expect(batchesOf(placed.lines[0])).toEqual(['R-B 10', 'R-C 5']);
    expect(placed.lines[0].allocationNote).toContain(
      'skipped R-OLD (expired on 2026-11-01), R-SHORT (70 days left, customer needs 120)',
    );
    await tidy(placed.id);
    const nowhere = await admin.call('orders.place', {
      customerId: world.customerId,
      warehouseId: world.warehouseId,
      lines: [{ productId: rusk, quantity: 1, shortageAction: 'other_warehouse', warehouseId: 999 }],
    });
    expect(nowhere.status).toBe(400);
    expect(nowhere.body.error).toMatchObject({ field: 'lines.0.warehouseId', message: 'Warehouse 999 does not exist' });
  });

  it('filling a backorder when stock arrives applies the same rule', async () => {
    const placed = await place(40);
    expect(placed.lines[0]).toMatchObject({ allocated: 30, backordered: 10 });
    const before = snapshot(server.ledger);
    const early = await admin.call('orders.fillBackorders', { id: placed.id });
    expect(early.status).toBe(409);
    expect(snapshot(server.ledger)).toBe(before);
    await admin.ok('inventory.receive', {
      warehouseId: world.warehouseId,
      lines: [
        batch('R-SHORT2', '2026-04-01', '2027-02-15'),
        batch('R-D', '2026-10-01', '2028-06-01', 6),
        batch('R-E', '2026-11-01', '2028-03-01', 6),
      ],
    });
    const filled = await admin.ok('orders.fillBackorders', { id: placed.id });
    expect(filled.lines[0]).toMatchObject({ allocated: 40, backordered: 0 });
    expect(batchesOf(filled.lines[0])).toEqual(['R-A 10', 'R-B 10', 'R-C 10', 'R-D 6', 'R-E 4']);
    expect(filled.events.at(-1).message).toBe('Backorder filled: 10 units reserved');
    await tidy(placed.id);
    expect((await admin.ok('inventory.check', {})).differences).toEqual([]);
  });
});
