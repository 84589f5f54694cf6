import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openLedger } from '../../src-main/ledger/open-ledger';
import { checkIntegrityInBackground, quickCheckInThread } from '../../src-main/ledger/integrity-check';
import { snapshot, startTestServer, tempDbPath, type TestClient, type TestServer } from '../support/test-server';
import { buildWorld, type World } from '../support/world';

/**
 * Start-up reads only what it must (issue 12: start-up ≤ 1 s at 10M lines): no page-by-page check
 * and no summary rebuild on the open path. The full check runs after start on a thread; when it
 * finds damage, writes are refused with the reason and reads go on.
 */
let server: TestServer;
let admin: TestClient;
let world: World;

beforeAll(async () => {
  server = await startTestServer();
  admin = await server.admin();
  world = await buildWorld(admin);
  // Two orders of two products: two rows in each summary, so one can go missing without emptying it.
  for (const productId of [world.glucose, world.cream]) {
    await admin.ok('orders.place', {
      customerId: world.customerId,
      warehouseId: world.warehouseId,
      paymentType: 'credit',
      lines: [{ productId, quantity: 12 }],
    });
  }
});
afterAll(() => server.close());

const count = (file: string, table: string) => {
  const ledger = openLedger(file, { backup: false });
  try {
    return (ledger.sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
  } finally {
    ledger.close();
  }
};

describe('opening a ledger', () => {
  it('leaves summaries that are present alone: no rebuild, even when one row is missing', () => {
    const copy = tempDbPath();
    server.ledger.sqlite.prepare('VACUUM INTO ?').run(copy);
    const before = { daily: count(copy, 'daily_sales'), milestones: count(copy, 'order_milestones') };
    expect(before.daily).toBeGreaterThan(1);
    expect(before.milestones).toBeGreaterThan(1);
    // Take one row away and add an order without its milestones: a rebuild would restore both.
    const ledger = openLedger(copy, { backup: false });
    ledger.sqlite.prepare('DELETE FROM daily_sales WHERE rowid = (SELECT min(rowid) FROM daily_sales)').run();
    ledger.sqlite.prepare('DELETE FROM order_milestones WHERE rowid = (SELECT min(rowid) FROM order_milestones)').run();
    ledger.close();
    const reopened = openLedger(copy, { backup: false });
    expect(Object.keys(reopened.openTimings ?? {})).toEqual(['header and schema', 'migrations check', 'summaries']);
    reopened.close();
    expect(count(copy, 'daily_sales')).toBe(before.daily - 1);
    expect(count(copy, 'order_milestones')).toBe(before.milestones - 1);
  });

  it('does not run quick_check on the open path: damage past the first pages is left to the background check', async () => {
    const file = tempDbPath();
    const ledger = openLedger(file, { backup: false });
    ledger.sqlite.exec('CREATE TABLE filler (id INTEGER PRIMARY KEY, body TEXT)');
    const insert = ledger.sqlite.prepare('INSERT INTO filler (body) VALUES (?)');
    for (let i = 0; i < 400; i++) insert.run('x'.repeat(900));
    ledger.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    ledger.close();
    const bytes = fs.readFileSync(file);
    const pageSize = bytes.readUInt16BE(16);
    const pages = bytes.length / pageSize;
    // A leaf in the middle of the filler table: not a table's first page, so only a full check sees it.
    const leaf = (pages - 20) * pageSize;
    bytes.fill(0x5a, leaf + 8, leaf + pageSize);
    fs.writeFileSync(file, bytes);
    const opened = openLedger(file, { backup: false });
    expect(opened.health).toEqual({ state: 'unchecked', message: null });
    opened.close();
    const problems = await quickCheckInThread(file);
    expect(problems).not.toEqual(['ok']);
  });

  it('checks a sound ledger in the background and finds it ok', async () => {
    const copy = tempDbPath();
    server.ledger.sqlite.prepare('VACUUM INTO ?').run(copy);
    const ledger = openLedger(copy, { backup: false });
    const health = await checkIntegrityInBackground(ledger, { delayMs: 0, log: () => {} });
    expect(health).toEqual({ state: 'ok', message: null });
    ledger.close();
  });
});

describe('a ledger the background check finds damaged', () => {
  it('refuses writes with the reason, keeps reads and sign-in working, and writes nothing', async () => {
    // The test server made its file itself (nothing to check); pretend it opened an existing one.
    server.ledger.health = { state: 'unchecked', message: null };
    const health = await checkIntegrityInBackground(server.ledger, {
      delayMs: 0,
      log: () => {},
      check: async () => ['*** in database main ***', 'Page 42: btreeInitPage() error'],
    });
    expect(health?.state).toBe('damaged');
    const before = snapshot(server.ledger);
    const refused = await admin.call('orders.place', {
      customerId: world.customerId,
      warehouseId: world.warehouseId,
      paymentType: 'credit',
      lines: [{ productId: world.glucose, quantity: 1 }],
    });
    expect(refused.status).toBe(503);
    expect(refused.body.error.code).toBe('storage_unavailable');
    expect(refused.body.error.message).toMatch(/is damaged \(.*Page 42.*\)\. Stockist will not save anything more/);
    expect(refused.body.error.message).toMatch(/restore the latest backup/);
    expect(snapshot(server.ledger)).toBe(before);
    const orders = await admin.call('orders.list', {});
    expect(orders.status).toBe(200);
    const health2 = await admin.call('ledger.health', {});
    expect(health2.body).toEqual({ state: 'damaged', message: expect.stringMatching(/is damaged/) });
    await server.client().ok('auth.login', { username: 'admin', password: 'correct-horse' });
  });
});
