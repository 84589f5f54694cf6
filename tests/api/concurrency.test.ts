import type { ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServerProcess } from '../support/server-process';
import { startTestServer, TestClient, type TestServer } from '../support/test-server';
import { buildWorld, setCompany, type World } from '../support/world';

let setup: TestServer;
let world: World;
const children: ChildProcess[] = [];

const startProcess = (db: string) => startServerProcess(db, children);

beforeAll(async () => {
  setup = await startTestServer();
  world = await buildWorld(await setup.admin());
}, 30_000);
afterAll(async () => {
  for (const c of children) c.kill('SIGTERM');
  await setup.close();
});

describe('two clerks on two processes racing for the last units', () => {
  it('never allocates more than is on hand, and the books still balance', async () => {
    const db = setup.ledger.file;
    const [urlA, urlB] = await Promise.all([startProcess(db), startProcess(db)]);
    const clerks = [new TestClient(urlA), new TestClient(urlB)];
    for (const c of clerks) await c.ok('auth.login', { username: 'admin', password: 'correct-horse' });
    // Tea: 10 units in Pune. Twenty orders of 1 to 3 units each ask for about 40.
    const asks = Array.from({ length: 20 }, (_, i) => 1 + (i % 3));
    const results = await Promise.all(
      asks.map((quantity, i) =>
        clerks[i % 2]!.call('orders.place', {
          customerId: world.customerId,
          warehouseId: world.warehouseId,
          paymentType: 'cash',
          lines: [{ productId: world.tea, quantity }],
        }),
      ),
    );
    expect(results.every((r) => r.status === 200)).toBe(true);
    const allocated = results.reduce((s, r) => s + r.body.lines[0].allocated, 0);
    const backordered = results.reduce((s, r) => s + r.body.lines[0].backordered, 0);
    expect(allocated).toBe(10);
    expect(allocated + backordered).toBe(asks.reduce((s, q) => s + q, 0));
    const stock = await clerks[0]!.ok('inventory.stock', { productId: world.tea, warehouseId: world.warehouseId });
    expect(stock.rows[0]).toMatchObject({ onHand: 10, reserved: 10, available: 0 });
    expect((await clerks[1]!.ok('inventory.check', {})).differences).toEqual([]);
  }, 60_000);

  it('invoice numbers stay gapless when two processes post invoices at once', async () => {
    const db = setup.ledger.file;
    const [urlA, urlB] = await Promise.all([startProcess(db), startProcess(db)]);
    const clerks = [new TestClient(urlA), new TestClient(urlB)];
    for (const c of clerks) await c.ok('auth.login', { username: 'admin', password: 'correct-horse' });
    // The processes keep real time and sweep sessions that expired on it, the setup server's fixed-day
    // session among them: the groundwork goes through a process too.
    const admin = clerks[0]!;
    // Notes wait for their invoice (before_dispatch), so two desks can race to post it.
    await setCompany(admin, { invoiceFlow: 'before_dispatch' });
    const orderIds: number[] = [];
    for (let i = 0; i < 12; i++) {
      const order = await admin.ok('orders.place', {
        customerId: world.customerId,
        warehouseId: world.warehouseId,
        paymentType: 'cash',
        lines: [{ productId: world.glucose, quantity: 2 }],
      });
      orderIds.push(order.id);
    }
    const list = await admin.ok('picking.create', { warehouseId: world.warehouseId, orderIds });
    for (const l of list.lines)
      await admin.ok('picking.setPicked', { pickListId: list.id, lineId: l.id, picked: l.quantity });
    await admin.ok('picking.complete', { id: list.id });
    const notes: number[] = [];
    for (const orderId of orderIds) notes.push((await admin.ok('deliveryNotes.post', { orderId })).id);
    // Each note is offered to both processes: exactly one invoice per note, numbers 1..12 without a hole.
    const results = await Promise.all(
      notes.flatMap((id) => clerks.map((c) => c.call('invoices.post', { deliveryNoteIds: [id] }))),
    );
    const posted = results.filter((r) => r.status === 200).map((r) => r.body.number as string);
    expect(results.filter((r) => r.status === 409)).toHaveLength(12);
    expect(posted).toHaveLength(12);
    const numbers = posted.map((n) => Number(n.split('/').at(-1))).sort((a, b) => a - b);
    expect(numbers).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
  }, 60_000);
});
