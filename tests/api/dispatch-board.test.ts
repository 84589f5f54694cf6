import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { retailer } from '../support/fixtures';
import { startTestServer, type TestClient, type TestServer } from '../support/test-server';
import { buildWorld, pickEverything, type World } from '../support/world';

let server: TestServer;
let admin: TestClient;
let world: World;
const notes: Record<string, number> = {};
type BoardRow = {
  id: number;
  number: string;
  route: string;
  warehouseCode: string;
  postedOn: string;
  packages: number;
  customerCode: string;
};

const board = async (filter: Record<string, unknown> = {}): Promise<BoardRow[]> =>
  admin.ok('dispatches.pending', filter);
const dayBefore = (iso: string) => new Date(Date.parse(`${iso}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);

async function deliver(name: string, customerId: number, warehouseId: number, productId: number, packages: number) {
  const order = await admin.ok('orders.place', {
    customerId,
    warehouseId,
    paymentType: 'credit',
    lines: [{ productId, quantity: 2 }],
  });
  await pickEverything(admin, warehouseId, [order.id]);
  notes[name] = (await admin.ok('deliveryNotes.post', { orderId: order.id, packages })).id;
}

beforeAll(async () => {
  server = await startTestServer();
  admin = await server.admin();
  world = await buildWorld(admin);
  await admin.ok('customers.update', {
    ...(await admin.ok('customers.get', { id: world.customerId })),
    route: 'Pune East',
  });
  const west = (
    await admin.ok(
      'customers.create',
      retailer({ code: 'RT0002', name: 'Sharma Traders', gstin: '', route: 'Pune West' }),
    )
  ).id;
  const none = (await admin.ok('customers.create', retailer({ code: 'RT0003', name: 'Walk-by Stores', gstin: '' }))).id;
  await deliver('east', world.customerId, world.warehouseId, world.glucose, 3);
  await deliver('west', west, world.warehouseId, world.glucose, 1);
  await deliver('westNashik', west, world.otherWarehouseId, world.tea, 2);
  await deliver('noRoute', none, world.warehouseId, world.cream, 1);
});
afterAll(() => server.close());

describe('the dispatch board', () => {
  it('lists every note waiting for a vehicle with its warehouse, day, packages and customer code', async () => {
    const rows = await board();
    expect(rows.map((r) => r.id).sort()).toEqual(Object.values(notes).sort());
    expect(rows.find((r) => r.id === notes.westNashik)).toMatchObject({
      route: 'Pune West',
      warehouseCode: 'NSK',
      packages: 2,
      customerCode: 'RT0002',
    });
    expect(rows.find((r) => r.id === notes.east)).toMatchObject({
      route: 'Pune East',
      warehouseCode: 'PUN',
      packages: 3,
    });
  });

  it('filters by warehouse, by route (or no route) and by both', async () => {
    expect((await board({ warehouseId: world.otherWarehouseId })).map((r) => r.id)).toEqual([notes.westNashik]);
    expect((await board({ route: 'Pune West' })).map((r) => r.id).sort()).toEqual(
      [notes.west, notes.westNashik].sort(),
    );
    expect((await board({ route: 'Pune West', warehouseId: world.warehouseId })).map((r) => r.id)).toEqual([
      notes.west,
    ]);
    expect((await board({ route: '-' })).map((r) => r.id)).toEqual([notes.noRoute]);
    expect(await board({ route: 'Nowhere' })).toEqual([]);
  });

  it('filters by the business day the note was posted', async () => {
    const today = (await board())[0]!.postedOn;
    expect(today).toMatch(/^\d{4}-\d\d-\d\d$/);
    expect(await board({ from: today, to: today })).toHaveLength(4);
    expect(await board({ to: dayBefore(today) })).toEqual([]);
    expect(await board({ from: dayBefore(today) })).toHaveLength(4);
  });

  it('a dispatched note leaves the board; the rest of its route stays', async () => {
    await admin.ok('dispatches.create', {
      deliveryNoteIds: [notes.west!],
      vehicleNo: 'MH12AB1234',
      route: 'Pune West',
    });
    expect((await board({ route: 'Pune West' })).map((r) => r.id)).toEqual([notes.westNashik]);
  });

  it('refuses a malformed day, naming the filter', async () => {
    const bad = await admin.call('dispatches.pending', { from: '23-11-2026' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.field).toBe('from');
  });
});
