import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdfText } from '../support/pdf-text';
import { snapshot, startTestServer, type TestClient, type TestServer } from '../support/test-server';
import { buildWorld, type World } from '../support/world';

let server: TestServer;
let admin: TestClient;
let picker: TestClient;
let world: World;
let pickListId: number;
let orders: { id: number; number: string }[];

beforeAll(async () => {
  server = await startTestServer();
  admin = await server.admin();
  world = await buildWorld(admin);
  server.ledger.sqlite
    .prepare(
      "UPDATE products SET rack_location = CASE sku WHEN 'SUN-0001' THEN 'B-02' WHEN 'SUN-0002' THEN 'A-07' ELSE 'C-01' END",
    )
    .run();
  picker = await server.as('warehouse_clerk');
  const place = (lines: { productId: number; quantity: number }[]) =>
    admin.ok('orders.place', {
      customerId: world.customerId,
      warehouseId: world.warehouseId,
      paymentType: 'cash',
      lines,
    });
  orders = [
    await place([
      { productId: world.glucose, quantity: 120 },
      { productId: world.cream, quantity: 24 },
    ]),
    await place([{ productId: world.tea, quantity: 4 }]),
  ];
});
afterAll(() => server.close());

const line = (sku: string, batch: string) => {
  const list = server.ledger.sqlite
    .prepare(
      'SELECT pl.* FROM pick_list_lines pl JOIN products p ON p.id = pl.product_id JOIN batches b ON b.id = pl.batch_id WHERE p.sku = ? AND b.batch_no = ?',
    )
    .get(sku, batch);
  return list as { id: number; quantity: number; picked: number; short: number };
};

describe('wave picking', () => {
  it('lists ready orders and makes one pick list for both, sorted by rack', async () => {
    const ready = await picker.ok('picking.readyOrders', { warehouseId: world.warehouseId });
    expect(ready.map((o: { number: string }) => o.number)).toEqual(orders.map((o) => o.number));
    const list = await picker.ok('picking.create', {
      warehouseId: world.warehouseId,
      orderIds: orders.map((o) => o.id),
    });
    pickListId = list.id;
    expect(list.number).toMatch(/^PL\/\d\d-\d\d\/000001$/);
    expect(
      list.lines.map(
        (l: { rack: string; sku: string; batchNo: string; quantity: number }) =>
          `${l.rack} ${l.sku} ${l.batchNo} ${l.quantity}`,
      ),
    ).toEqual(['A-07 SUN-0002 C1 24', 'B-02 SUN-0001 G-EARLY 100', 'B-02 SUN-0001 G-LATE 20', 'C-01 AMR-0001 T1 4']);
    expect((await admin.ok('orders.get', { id: orders[0]!.id })).status).toBe('processing');
    expect(
      (await picker.call('picking.create', { warehouseId: world.warehouseId, orderIds: [orders[0]!.id] })).status,
    ).toBe(409);
  });

  it('counts a GS1 scan with batch, expiry and quantity towards its line', async () => {
    const result = await picker.ok('picking.scan', { pickListId, code: '(01)08901063010222(17)270601(10)C1(30)12' });
    expect(result.message).toBe('Picked 12 pc of SUN-0002 from batch C1; 12 more to pick');
    await picker.ok('picking.scan', { pickListId, code: ']C1010890106301022217270601' + '10C1\u001d3012' });
    expect(line('SUN-0002', 'C1').picked).toBe(24);
  });

  it('refuses a wrong batch with what to pick instead, and writes nothing', async () => {
    const before = snapshot(server.ledger);
    const result = await picker.call('picking.scan', {
      pickListId,
      code: '(01)08901063010215(17)270901(10)G-LATE(30)100',
    });
    expect(result.status).toBe(409);
    expect(result.body.error).toEqual({
      code: 'rule_violated',
      field: 'code',
      message: 'Only 20 pc of SUN-0001 batch G-LATE left to pick; the scan counts 100',
    });
    const wrong = await picker.call('picking.scan', { pickListId, code: '(01)08901063010215(10)G-OTHER(30)5' });
    expect(wrong.body.error.message).toBe(
      'Wrong batch: SUN-0001 should come from batch G-EARLY (exp 2027-03-01) or G-LATE (exp 2027-09-01); you scanned G-OTHER',
    );
    expect(snapshot(server.ledger)).toBe(before);
  });

  it('refuses an expired pack', async () => {
    const result = await picker.call('picking.scan', {
      pickListId,
      code: '(01)08901063010215(17)250101(10)G-EARLY(30)5',
    });
    expect(result.status).toBe(409);
    expect(result.body.error.message).toBe(
      'Expired: the scanned pack of SUN-0001 expired on 2025-01-01. Put it aside; do not pick it',
    );
  });

  it('a short pick re-allocates from another batch as new lines on the same list', async () => {
    await picker.ok('picking.scan', { pickListId, code: '(01)08901063010215(10)G-EARLY(30)90' });
    const result = await picker.ok('picking.short', {
      pickListId,
      lineId: line('SUN-0001', 'G-EARLY').id,
      action: 'reallocate',
    });
    expect(result.message).toBe(
      '10 short on the shelf; FEFO: earliest expiry first; took 10 from G-LATE (exp 2027-09-01)',
    );
    const late = result.pickList.lines
      .filter((l: { batchNo: string }) => l.batchNo === 'G-LATE')
      .map((l: { quantity: number }) => l.quantity);
    expect(late.sort()).toEqual([10, 20]);
    expect((await admin.ok('inventory.check', {})).differences).toEqual([]);
  });

  it('will not close the list while lines are open, then completes it and the orders are ready to deliver', async () => {
    const early = await picker.call('picking.complete', { id: pickListId });
    expect(early.status).toBe(409);
    expect(early.body.error.message).toMatch(/line\(s\) still to pick or mark short/);
    const list = await picker.ok('picking.get', { id: pickListId });
    for (const l of list.lines.filter(
      (x: { quantity: number; picked: number; short: number }) => x.quantity - x.picked - x.short > 0,
    )) {
      await picker.ok('picking.setPicked', { pickListId, lineId: l.id, picked: l.quantity });
    }
    const done = await picker.ok('picking.complete', { id: pickListId });
    expect(done.status).toBe('picked');
    for (const o of orders) expect((await admin.ok('orders.get', { id: o.id })).status).toBe('picked');
    const first = await admin.ok('orders.get', { id: orders[0]!.id });
    expect(first.events.at(-1).message).toMatch(/ready for delivery note/);
    expect((await admin.ok('inventory.check', {})).differences).toEqual([]);
  });

  it('prints the pick list as a PDF with racks, batches and expiries', async () => {
    const { text } = pdfText(await picker.ok('documents.pickList', { id: pickListId }));
    expect(text).toContain('PICK LIST');
    expect(text).toMatch(/PL\/\d\d-\d\d\/000001/);
    expect(text).toContain('Test Distributors');
    for (const s of ['A-07', 'SUN-0002', 'C1', '01-06-2027', 'G-EARLY', 'G-LATE', 'AMR-0001', 'Sharma Traders'])
      expect(text).toContain(s);
    expect(text).toMatch(/Page 1 of 1/);
  });
});
