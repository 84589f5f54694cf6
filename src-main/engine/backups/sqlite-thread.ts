import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

/**
 * Whole-file work on a ledger (VACUUM INTO of a gigabyte, an integrity check) takes seconds. It runs
 * in a short-lived worker thread on its own read-only connection, so the main event loop keeps
 * answering and, the ledger being in WAL mode, writers keep committing meanwhile.
 */
const threadSource = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.sqliteModule);
const { task } = workerData;
let db;
try {
  db = new Database(task.file, { readonly: true, fileMustExist: true });
  db.pragma('busy_timeout = 5000');
  if (task.kind === 'vacuumInto') {
    db.prepare('VACUUM INTO ?').run(task.target);
    parentPort.postMessage({ ok: true, value: null });
  } else {
    const facts = { integrity: [], appliedMigrations: [], company: null, lastInvoice: null, counts: {} };
    try {
      facts.integrity = db.pragma('integrity_check(10)').map((r) => String(r.integrity_check));
    } catch (error) {
      facts.integrity = [error.message];
    }
    const has = (table) => db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(table);
    if (facts.integrity.length === 1 && facts.integrity[0] === 'ok') {
      if (has('__drizzle_migrations'))
        facts.appliedMigrations = db.prepare('SELECT created_at AS at FROM __drizzle_migrations').all().map((r) => Number(r.at));
      if (has('company')) facts.company = db.prepare('SELECT name, gstin FROM company WHERE id = 1').get() ?? null;
      if (has('invoices'))
        facts.lastInvoice = db.prepare('SELECT number, invoice_date AS date FROM invoices ORDER BY id DESC LIMIT 1').get() ?? null;
      for (const table of ['customers', 'products', 'orders', 'invoices', 'payments', 'users'])
        if (has(table)) facts.counts[table] = db.prepare('SELECT count(*) AS n FROM "' + table + '"').get().n;
    }
    parentPort.postMessage({ ok: true, value: facts });
  }
} catch (error) {
  parentPort.postMessage({ ok: false, code: error.code, message: error.message });
} finally {
  if (db) db.close();
}
`;

/** What a file holds, read without changing it. */
export interface LedgerFacts {
  /** integrity_check's answer: ['ok'] for a sound file */
  integrity: string[];
  /** the created_at stamps of the migrations applied to it */
  appliedMigrations: number[];
  company: { name: string; gstin: string } | null;
  lastInvoice: { number: string; date: string } | null;
  counts: Record<string, number>;
}

type Task = { kind: 'vacuumInto'; file: string; target: string } | { kind: 'inspect'; file: string };

/** An error from the thread keeps SQLite's or the OS's code (SQLITE_FULL, ENOSPC) for the message. */
export class SqliteThreadError extends Error {
  constructor(
    message: string,
    readonly code: string | undefined,
  ) {
    super(message);
  }
}

function inThread<T>(task: Task): Promise<T> {
  const sqliteModule = createRequire(__filename).resolve('better-sqlite3');
  return new Promise((resolve, reject) => {
    const worker = new Worker(threadSource, { eval: true, workerData: { sqliteModule, task } });
    let answered = false;
    worker.once('message', (reply: { ok: true; value: T } | { ok: false; code?: string; message: string }) => {
      answered = true;
      if (reply.ok) resolve(reply.value);
      else reject(new SqliteThreadError(reply.message, reply.code));
    });
    worker.once('error', (error) => reject(error));
    worker.once('exit', (code) => {
      if (!answered) reject(new SqliteThreadError(`the backup thread stopped (exit code ${code})`, undefined));
    });
  });
}

/** A consistent copy of the whole ledger as one compact file (VACUUM INTO), off the main thread. */
export function vacuumInto(file: string, target: string): Promise<void> {
  return inThread<void>({ kind: 'vacuumInto', file, target });
}

/** Integrity, migrations and contents of a file that may or may not be a ledger. */
export function inspectLedgerFile(file: string): Promise<LedgerFacts> {
  return inThread<LedgerFacts>({ kind: 'inspect', file });
}
