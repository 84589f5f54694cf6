import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { InputOf, OperationName } from '../../src-shared/contract';
import { createApi } from '../../src-main/api/dispatch';
import { openLedger, type Ledger } from '../../src-main/ledger/open-ledger';
import { startHttpServer } from '../../src-main/server/http-server';
import { createReadPool, readWorkerScript, type ReadPool } from '../../src-main/api/read-pool';

/** A throwaway ledger file under the run's temp folder, which the global teardown removes. */
export function tempDbPath(): string {
  const root = process.env.STOCKIST_TEST_TMP ?? os.tmpdir();
  return path.join(fs.mkdtempSync(path.join(root, 'stockist-test-')), 'stockist.db');
}

/**
 * A new, empty ledger for a test: a copy of the run's migrated template (global-setup.ts) when there
 * is one, else migrated here. It counts as made by this process, as openLedger counts a file it
 * creates, so there is nothing for the start-up integrity check to look at.
 */
export function openFreshLedger(): Ledger {
  const file = tempDbPath();
  const template = process.env.STOCKIST_TEST_TEMPLATE;
  if (template) fs.copyFileSync(template, file);
  const ledger = openLedger(file, { backup: false });
  if (template) ledger.health = { state: 'ok', message: null };
  // NORMAL, not the app's FULL: no test cuts the power, and an fsync per commit was most of an API
  // test's wall time (14 ms a commit against 0.5). WAL keeps every commit atomic either way; the
  // app's own setting is asserted where it is set (wal-checkpoints.test.ts).
  ledger.sqlite.pragma('synchronous = NORMAL');
  return ledger;
}

export interface CallResult<T = any> {
  status: number;
  body: T;
  headers: Headers;
}

/** A browser-like client: keeps the session cookie the server sets, as Chromium would. */
export class TestClient {
  private jar = new Map<string, string>();
  constructor(readonly url: string) {}

  /** The Cookie header this client sends: the session and the device id, as a browser keeps them. */
  get cookie(): string {
    return [...this.jar].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  /** The transport: fetch here; a client that pins a certificate sends over https.request instead. */
  protected send(url: string, init: { method: string; headers: Record<string, string>; body: string }) {
    return fetch(url, init);
  }

  async raw(name: string, input: unknown, headers: Record<string, string> = {}): Promise<CallResult> {
    const res = await this.send(`${this.url}/api/${name}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(this.cookie ? { cookie: this.cookie } : {}), ...headers },
      body: JSON.stringify(input),
    });
    for (const line of res.headers.getSetCookie()) {
      const [pair, ...attributes] = line.split(';');
      const [k, ...v] = pair!.trim().split('=');
      if (attributes.some((a) => a.trim() === 'Max-Age=0')) this.jar.delete(k!);
      else this.jar.set(k!, v.join('='));
    }
    return { status: res.status, body: await res.json(), headers: res.headers };
  }

  call<N extends OperationName>(name: N, input: InputOf<N>): Promise<CallResult> {
    return this.raw(name, input);
  }

  /** Calls and insists on success: for arranging a test's story. */
  async ok<N extends OperationName>(name: N, input: InputOf<N>): Promise<any> {
    const result = await this.raw(name, input);
    if (result.status !== 200) throw new Error(`${name} answered ${result.status}: ${JSON.stringify(result.body)}`);
    return result.body;
  }
}

export interface TestServer {
  url: string;
  ledger: Ledger;
  /** The worker threads for heavy reads, when the server was started with some. */
  readPool: ReadPool | null;
  client(): TestClient;
  /** A client signed in as the first administrator (created on first use). */
  admin(): Promise<TestClient>;
  /** A client signed in with a fresh user of this role. */
  as(role: InputOf<'users.create'>['role']): Promise<TestClient>;
  close(): Promise<void>;
  /** Moves the server's clock, for stories that span days. */
  setToday(day: string): void;
  /** Sets the server's clock to an exact instant, for stories around midnight. */
  setNow(instant: Date): void;
}

let userSeq = 0;

/** API tests run on a fixed day, so expiry and overdue arithmetic never drifts with the calendar. */
export const TEST_TODAY = new Date('2026-11-22T10:00:00Z');

export interface TestServerOptions {
  demo?: boolean;
  /**
   * Heavy reads in this many worker threads, as `npm run serve` does. Off by default: starting a
   * thread costs a second under tsx, and the dispatcher runs the same handlers on the main thread.
   */
  readWorkers?: number;
  /** Each worker holds every job this long first (tests that watch the main loop stay free). */
  holdMs?: number;
  /** A worker idle this long is replaced by a fresh thread (read-pool.ts). */
  recycleIdleMs?: number;
}

export async function startTestServer(options: TestServerOptions = {}): Promise<TestServer> {
  const ledger = openFreshLedger();
  let today = TEST_TODAY;
  const readPool = options.readWorkers
    ? createReadPool({
        file: ledger.file,
        size: options.readWorkers,
        script: readWorkerScript(),
        holdMs: options.holdMs,
        recycleIdleMs: options.recycleIdleMs,
        log: () => {},
      })
    : null;
  const api = createApi(ledger, { log: () => {}, now: () => today, readPool });
  const http = await startHttpServer({ api, port: 0, rendererDir: null });
  let adminClient: TestClient | null = null;
  const server: TestServer = {
    url: http.url,
    ledger,
    readPool,
    client: () => new TestClient(http.url),
    async admin() {
      if (!adminClient) {
        adminClient = new TestClient(http.url);
        await adminClient.ok('setup.initialize', {
          companyName: 'Test Distributors',
          stateCode: '27',
          adminUsername: 'admin',
          adminName: 'Asha Admin',
          password: 'correct-horse',
          demo: options.demo ?? false,
        });
      }
      return adminClient;
    },
    async as(role) {
      const admin = await server.admin();
      userSeq += 1;
      const username = `${role.replace('_', '')}${userSeq}`;
      await admin.ok('users.create', { username, displayName: `${role} ${userSeq}`, role, password: 'password-123' });
      const client = new TestClient(http.url);
      await client.ok('auth.login', { username, password: 'password-123' });
      return client;
    },
    async close() {
      await http.close();
      await readPool?.close();
      ledger.close();
    },
    setToday(day: string) {
      today = new Date(`${day}T10:00:00Z`);
    },
    setNow(instant: Date) {
      today = instant;
    },
  };
  return server;
}

/** Every row of every ordinary table: equal before and after means nothing was written. */
export function snapshot(ledger: Ledger): string {
  const tables = ledger.sqlite
    .prepare(
      "SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '%search%' ORDER BY name",
    )
    .all() as { name: string; sql: string }[];
  // A WITHOUT ROWID table (customer_order_months) has no rowid; its rows come in its key's order.
  const order = (sql: string) => (/WITHOUT ROWID\s*$/i.test(sql) ? '' : ' ORDER BY rowid');
  return JSON.stringify(
    tables.map(({ name, sql }) => [name, ledger.sqlite.prepare(`SELECT * FROM "${name}"${order(sql)}`).all()]),
  );
}
