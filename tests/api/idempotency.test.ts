import type { ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServerProcess } from '../support/server-process';
import { snapshot, startTestServer, TestClient, type TestServer } from '../support/test-server';
import { buildWorld, pickEverything, setCompany, type World } from '../support/world';

let server: TestServer;
let admin: TestClient;
let world: World;
const children: ChildProcess[] = [];

beforeAll(async () => {
  server = await startTestServer();
  admin = await server.admin();
  world = await buildWorld(admin);
}, 30_000);
afterAll(async () => {
  for (const c of children) c.kill('SIGTERM');
  await server.close();
});

const keyed = (client: TestClient, name: string, input: unknown, key: string) =>
  client.raw(name, input, { 'idempotency-key': `"${key}"` });
const count = (table: string) =>
  (server.ledger.sqlite.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;
const order = (quantity = 1) => ({
  customerId: world.customerId,
  warehouseId: world.warehouseId,
  paymentType: 'cash' as const,
  lines: [{ productId: world.glucose, quantity }],
});

const startProcess = (db: string) => startServerProcess(db, children);

describe('a second press of Place order with the same key', () => {
  it('answers the first order again and places nothing new, stock reserved once', async () => {
    const key = randomUUID();
    const orders = count('orders');
    const first = await keyed(admin, 'orders.place', order(3), key);
    expect(first.status).toBe(200);
    const reserved = (await admin.ok('inventory.stock', { productId: world.glucose, warehouseId: world.warehouseId }))
      .rows[0].reserved;
    const again = await keyed(admin, 'orders.place', order(3), key);
    expect(again.status).toBe(200);
    expect(again.body).toEqual(first.body);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(count('orders')).toBe(orders + 1);
    expect(
      (await admin.ok('inventory.stock', { productId: world.glucose, warehouseId: world.warehouseId })).rows[0]
        .reserved,
    ).toBe(reserved);
  });

  it('refuses the key with a different body (422) and writes nothing', async () => {
    const key = randomUUID();
    await keyed(admin, 'orders.place', order(2), key);
    const before = snapshot(server.ledger);
    const changed = await keyed(admin, 'orders.place', order(4), key);
    expect(changed.status).toBe(422);
    expect(changed.body.error).toMatchObject({ code: 'key_reused', field: 'Idempotency-Key' });
    expect(changed.body.error.message).toContain('different orders.place request');
    const otherOperation = await keyed(admin, 'orders.saveDraft', order(2), key);
    expect(otherOperation.status).toBe(422);
    expect(snapshot(server.ledger)).toBe(before);
  });

  it('still places an order each time when no key is sent', async () => {
    const orders = count('orders');
    await admin.ok('orders.place', order(1));
    await admin.ok('orders.place', order(1));
    expect(count('orders')).toBe(orders + 2);
  });

  it('keeps keys per user: the same key from another clerk is a different request', async () => {
    const key = randomUUID();
    const clerk = await server.as('sales_clerk');
    const a = await keyed(admin, 'orders.place', order(1), key);
    const b = await keyed(clerk, 'orders.place', order(1), key);
    expect(b.status).toBe(200);
    expect(b.body.id).not.toBe(a.body.id);
  });

  it('stores nothing for a refused call, so it can be retried under the same key', async () => {
    const key = randomUUID();
    const refused = await keyed(admin, 'orders.place', { ...order(1), customerId: 999_999 }, key);
    expect(refused.status).toBe(400);
    expect(server.ledger.sqlite.prepare('SELECT 1 FROM idempotency_keys WHERE key = ?').get(key)).toBeUndefined();
    expect((await keyed(admin, 'orders.place', order(1), key)).status).toBe(200);
  });

  it('refuses a malformed key before doing anything', async () => {
    const before = snapshot(server.ledger);
    const bad = await admin.raw('orders.place', order(1), { 'idempotency-key': 'x'.repeat(300) });
    expect(bad.status).toBe(400);
    expect(bad.body.error.field).toBe('Idempotency-Key');
    expect(snapshot(server.ledger)).toBe(before);
  });

  it('forgets a key after 24 hours', async () => {
    const key = randomUUID();
    const first = await keyed(admin, 'orders.place', order(1), key);
    // The server's clock is fixed; age the key instead of the session.
    server.ledger.sqlite
      .prepare("UPDATE idempotency_keys SET created_at = '2026-11-21T09:59:59.000Z' WHERE key = ?")
      .run(key);
    const later = await keyed(admin, 'orders.place', order(1), key);
    expect(later.status).toBe(200);
    expect(later.body.id).not.toBe(first.body.id);
  });
});

describe('every document-creating and state-changing call', () => {
  it('receipts, goods receipts and counter sales are made once per key', async () => {
    const cases: [string, unknown, string][] = [
      [
        'payments.record',
        { customerId: world.customerId, receivedOn: '2026-11-22', mode: 'cash', amount: 100_00 },
        'payments',
      ],
      [
        'inventory.receive',
        {
          warehouseId: world.warehouseId,
          lines: [{ productId: world.cream, batchNo: 'C-IDEM', expiresOn: '2027-06-01', quantity: 5 }],
        },
        'goods_receipts',
      ],
      [
        'counter.sale',
        {
          warehouseId: world.warehouseId,
          lines: [{ productId: world.glucose, quantity: 1 }],
          payment: { mode: 'cash', tendered: 20_00 },
        },
        'invoices',
      ],
    ];
    for (const [name, input, table] of cases) {
      const key = randomUUID();
      const rows = count(table);
      const first = await keyed(admin, name, input, key);
      expect(first.status, name).toBe(200);
      const second = await keyed(admin, name, input, key);
      expect(second.body, name).toEqual(first.body);
      expect(count(table), name).toBe(rows + 1);
    }
  });

  it('delivery notes, invoices, credit notes and an invoice cancellation are made once per key', async () => {
    // Notes wait for their invoice here, so invoices.post is the call being retried.
    await setCompany(admin, { invoiceFlow: 'before_dispatch' });
    const placed = await admin.ok('orders.place', order(4));
    await pickEverything(admin, world.warehouseId, [placed.id]);
    const dnKey = randomUUID();
    const note = await keyed(admin, 'deliveryNotes.post', { orderId: placed.id }, dnKey);
    expect(note.status).toBe(200);
    expect((await keyed(admin, 'deliveryNotes.post', { orderId: placed.id }, dnKey)).body).toEqual(note.body);
    const invKey = randomUUID();
    const invoice = await keyed(admin, 'invoices.post', { deliveryNoteIds: [note.body.id] }, invKey);
    expect(invoice.status).toBe(200);
    const invoices = count('invoices');
    expect((await keyed(admin, 'invoices.post', { deliveryNoteIds: [note.body.id] }, invKey)).body).toEqual(
      invoice.body,
    );
    expect(count('invoices')).toBe(invoices);
    // Without the key the same retry is a conflict: the note is already invoiced.
    expect((await admin.call('invoices.post', { deliveryNoteIds: [note.body.id] })).status).toBe(409);
    const cancelKey = randomUUID();
    const cancel = { id: invoice.body.id, reason: 'Wrong rate keyed' };
    const cancelled = await keyed(admin, 'invoices.cancel', cancel, cancelKey);
    expect(cancelled.status).toBe(200);
    // A retried cancel gets its first answer, not "already cancelled".
    const retried = await keyed(admin, 'invoices.cancel', cancel, cancelKey);
    expect(retried.status).toBe(200);
    expect(retried.body).toEqual(cancelled.body);
    await setCompany(admin, { invoiceFlow: 'with_delivery_note' });
  });
});

describe('two processes on one ledger racing with one key', () => {
  it('make exactly one document per key, and both callers get its answer', async () => {
    // The other processes run on the wall clock, so this one must too: a key stamped on the fixed test
    // day looks more than a day old to them, and they would purge it as expired and place again.
    server.setNow(new Date());
    const here = server.client();
    await here.ok('auth.login', { username: 'admin', password: 'correct-horse' });
    const [urlA, urlB] = await Promise.all([startProcess(server.ledger.file), startProcess(server.ledger.file)]);
    const clerks = [new TestClient(urlA), new TestClient(urlB)];
    for (const c of clerks) await c.ok('auth.login', { username: 'admin', password: 'correct-horse' });
    const orders = count('orders');
    const keys = Array.from({ length: 6 }, () => randomUUID());
    const results = await Promise.all(
      keys.flatMap((key) => [...clerks, here].map((c) => keyed(c, 'orders.place', order(1), key))),
    );
    expect(results.map((r) => (r.status === 200 ? 200 : r.body))).toEqual(results.map(() => 200));
    expect(count('orders')).toBe(orders + keys.length);
    keys.forEach((_, i) => {
      const trio = results.slice(i * 3, i * 3 + 3);
      expect(new Set(trio.map((r) => r.body.id)).size).toBe(1);
      expect(trio.filter((r) => r.headers.get('idempotent-replayed') === 'true')).toHaveLength(2);
    });
    expect((await here.ok('inventory.check', {})).differences).toEqual([]);
  }, 60_000);
});
