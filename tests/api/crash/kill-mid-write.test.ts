import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { buildSync } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkBalances } from '../../../src-main/engine/inventory/check-balances';
import { openLedger } from '../../../src-main/ledger/open-ledger';
import { tempDbPath, TestClient } from '../../support/test-server';
import { buildWorld, type World } from '../../support/world';

/**
 * kill -9 in the middle of writes, again and again: after each kill the ledger opens sound, every
 * balance equals its movements, no document is half there, numbers have no gaps, and every write
 * the server acknowledged (HTTP 200) is in the file. CRASH_CYCLES changes how many kills.
 */
const cycles = Number(process.env.CRASH_CYCLES ?? 20);
const children: ChildProcess[] = [];
const root = path.resolve(__dirname, '../../..');
let bundle = '';

// `npm run serve` as one bundled file: it starts in a fraction of a second, where compiling the
// TypeScript on every start (tsx) would spend the test's time on start-ups instead of kills.
beforeAll(() => {
  bundle = path.join(path.dirname(tempDbPath()), 'serve.cjs');
  buildSync({
    entryPoints: [path.join(root, 'src-main/serve.ts')],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    outfile: bundle,
    external: ['better-sqlite3', 'electron'],
    logLevel: 'error',
    // Some dependencies locate files from import.meta.url, which CommonJS does not have.
    define: { 'import.meta.url': 'importMetaUrl' },
    banner: { js: "const importMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
  });
  fs.symlinkSync(path.join(root, 'node_modules'), path.join(path.dirname(bundle), 'node_modules'));
}, 60_000);
afterAll(() => children.forEach((child) => child.kill('SIGKILL')));

function serve(db: string, port = 0): Promise<{ url: string; child: ChildProcess }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bundle, '--db', db, '--port', String(port)], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, STOCKIST_READ_WORKERS: '0', STOCKIST_RESOURCES: path.join(root, 'resources') },
    });
    children.push(child);
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const m = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
      if (m) resolve({ url: m[1]!, child });
    });
    child.stderr!.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.on('exit', (code) => reject(new Error(`server exited ${code}: ${out}`)));
  });
}

interface Acknowledged {
  orders: number[];
  invoices: number[];
  payments: number[];
}

/** One counter of writes until the server goes away: orders, counter sales, receipts, goods in. */
async function drive(
  client: TestClient,
  world: World,
  lane: number,
  seen: Acknowledged,
  killed: () => boolean,
): Promise<void> {
  const products = [world.glucose, world.cream, world.tea];
  for (let i = 0; ; i += 1) {
    const productId = products[(i + lane) % products.length]!;
    try {
      switch ((i + lane) % 4) {
        case 0: {
          const order = await client.raw('orders.place', {
            customerId: world.customerId,
            warehouseId: world.warehouseId,
            paymentType: 'credit',
            lines: [{ productId, quantity: 1 }],
          });
          if (order.status === 200) seen.orders.push(order.body.id);
          break;
        }
        case 1: {
          const sale = await client.raw('counter.sale', {
            warehouseId: world.warehouseId,
            lines: [{ productId, quantity: 1 }],
            payment: { mode: 'cash', tendered: 1_000_00 },
          });
          if (sale.status === 200) seen.invoices.push(sale.body.invoice.id);
          break;
        }
        case 2: {
          const payment = await client.raw('payments.record', {
            customerId: world.customerId,
            receivedOn: '2026-11-22',
            mode: 'cash',
            amount: 1_00,
          });
          if (payment.status === 200) seen.payments.push(payment.body.id);
          break;
        }
        default:
          await client.raw('inventory.receive', {
            warehouseId: world.warehouseId,
            lines: [{ productId, batchNo: `K${lane}`, expiresOn: '2028-01-01', quantity: 3 }],
          });
      }
    } catch {
      // The server was killed under this call: its answer never came, so nothing is claimed. Before
      // the kill, an error is a pooled connection to the previous (killed) server: try again.
      if (killed()) return;
    }
  }
}

/** Everything that must hold in a ledger however the process died. */
function checkLedger(db: string, seen: Acknowledged): void {
  const ledger = openLedger(db, { backup: false });
  try {
    const sqlite = ledger.sqlite;
    expect(sqlite.pragma('integrity_check')).toEqual([{ integrity_check: 'ok' }]);
    expect(checkBalances({ ledger, actor: null, now: () => new Date() }).differences).toEqual([]);
    const has = (table: string, ids: number[]) =>
      ids.filter((id) => !sqlite.prepare(`SELECT 1 FROM ${table} WHERE id = ?`).get(id));
    expect(has('orders', seen.orders), 'acknowledged orders missing').toEqual([]);
    expect(has('invoices', seen.invoices), 'acknowledged invoices missing').toEqual([]);
    expect(has('payments', seen.payments), 'acknowledged payments missing').toEqual([]);
    // No half documents: every invoice has lines adding up to it, every order lines and events.
    const badInvoices = sqlite
      .prepare(
        `SELECT i.id, i.total, (SELECT sum(total) FROM invoice_lines l WHERE l.invoice_id = i.id) AS lines
           FROM invoices i WHERE lines IS NULL OR abs(i.total - lines) > 100`,
      )
      .all();
    expect(badInvoices).toEqual([]);
    const badOrders = sqlite
      .prepare(
        `SELECT o.id, o.status FROM orders o
          WHERE NOT EXISTS (SELECT 1 FROM order_lines l WHERE l.order_id = o.id)
             OR (o.status <> 'draft' AND NOT EXISTS (SELECT 1 FROM order_events e WHERE e.order_id = o.id))`,
      )
      .all();
    expect(badOrders).toEqual([]);
    // Gapless numbers: each series' documents are exactly 1..last_number. A document owns its number (a
    // unique index); tables that copy one beside it (order milestones, the supplier ledger) are not counted.
    const numbered = (
      sqlite
        .prepare(
          `SELECT m.name FROM sqlite_master m WHERE m.type = 'table' AND EXISTS (
             SELECT 1 FROM pragma_index_list(m.name) il JOIN pragma_index_info(il.name) ii
             WHERE il."unique" = 1 AND ii.name = 'number')`,
        )
        .all() as { name: string }[]
    ).flatMap(({ name }) =>
      (sqlite.prepare(`SELECT number FROM "${name}"`).all() as { number: string }[]).map((r) => r.number),
    );
    for (const { series, last } of sqlite.prepare('SELECT series, last_number AS last FROM document_series').all() as {
      series: string;
      last: number;
    }[]) {
      const used = numbered
        .filter((n) => n.startsWith(`${series}/`))
        .map((n) => Number(n.slice(series.length + 1)))
        .sort((a, b) => a - b);
      expect(used, `numbers of ${series}`).toEqual(Array.from({ length: last }, (_, i) => i + 1));
    }
  } finally {
    ledger.close();
  }
}

describe('kill -9 in the middle of writes', () => {
  it(`leaves a sound ledger every time (${cycles} kills)`, { timeout: 300_000 }, async () => {
    const db = tempDbPath();
    const started = await serve(db);
    const url = started.url;
    let child = started.child;
    const admin = new TestClient(url);
    await admin.ok('setup.initialize', {
      companyName: 'Crash Test Traders',
      stateCode: '27',
      adminUsername: 'admin',
      adminName: 'Asha Admin',
      password: 'correct-horse',
      demo: false,
    });
    const world = await buildWorld(admin);
    const seen: Acknowledged = { orders: [], invoices: [], payments: [] };
    let acknowledged = 0;
    // Signed in once: sessions live in the ledger, and the server comes back on the same port.
    const port = Number(new URL(url).port);
    const clients = await Promise.all(
      [0, 1, 2].map(async () => {
        const client = new TestClient(url);
        await client.ok('auth.login', { username: 'admin', password: 'correct-horse' });
        return client;
      }),
    );
    for (let cycle = 0; cycle < cycles; cycle += 1) {
      if (cycle > 0) ({ child } = await serve(db, port));
      let dead = false;
      const lanes = clients.map((client, lane) => drive(client, world, lane, seen, () => dead));
      await new Promise((wake) => setTimeout(wake, 300 + Math.random() * 600));
      const exited = new Promise((done) => child.once('exit', done));
      child.kill('SIGKILL');
      await exited;
      dead = true;
      await Promise.all(lanes);
      checkLedger(db, seen);
      acknowledged = seen.orders.length + seen.invoices.length + seen.payments.length;
    }
    // The run did write: otherwise the checks above proved nothing.
    expect(acknowledged).toBeGreaterThan(cycles / 2);
  });
});
