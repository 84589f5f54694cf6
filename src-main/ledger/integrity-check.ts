import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

/**
 * A ledger's soundness, as far as it has been checked since this process opened it. Opening reads
 * only the header and the schema (milliseconds); the full `PRAGMA quick_check` reads every page,
 * about a second per gigabyte, so it runs in a thread right after start-up instead of before it.
 * Until it answers the ledger counts as sound; if it finds damage the app stops writing (reads go
 * on, so the owner can still look things up) and says why.
 */
export interface LedgerHealth {
  state: 'unchecked' | 'checking' | 'ok' | 'damaged';
  /** For the owner, when damaged: what is wrong and what to do. */
  message: string | null;
}

export function healthAtOpen(existed: boolean): LedgerHealth {
  // A file this process just created has nothing to check.
  return { state: existed ? 'unchecked' : 'ok', message: null };
}

export function damagedMessage(
  file: string,
  problems: string[],
  refusal = 'will not save anything more to it',
): string {
  return `${file} is damaged (${problems.join('; ')}). Stockist ${refusal}, so nothing more is lost: restore the latest backup, or keep a copy of this file and ask for help recovering it.`;
}

/** The first problems quick_check reports; ['ok'] for a sound file. */
const threadSource = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.sqliteModule);
let db;
try {
  db = new Database(workerData.file, { readonly: true, fileMustExist: true });
  db.pragma('busy_timeout = 5000');
  // A small page cache: the check reads every page once, keeping them would only cost memory.
  db.pragma('cache_size = -2000');
  const rows = db.pragma('quick_check(5)');
  parentPort.postMessage(rows.map((r) => String(r.quick_check)));
} catch (error) {
  parentPort.postMessage([error.message]);
} finally {
  if (db) db.close();
}
`;

/** quick_check of a ledger file on a short-lived thread with its own read-only connection (WAL allows it). */
export function quickCheckInThread(file: string): Promise<string[]> {
  const sqliteModule = createRequire(__filename).resolve('better-sqlite3');
  return new Promise((resolve) => {
    const worker = new Worker(threadSource, { eval: true, workerData: { sqliteModule, file } });
    let answered = false;
    worker.once('message', (problems: string[]) => {
      answered = true;
      resolve(problems);
    });
    worker.once('error', (error) => {
      answered = true;
      resolve([`the check could not run: ${error.message}`]);
    });
    worker.once('exit', (code) => {
      if (!answered) resolve([`the check stopped (exit code ${code})`]);
    });
  });
}

export interface BackgroundCheckOptions {
  /** Wait this long after start-up first, so the first screens are not slowed by a full read of the file. */
  delayMs?: number;
  log?: (message: string) => void;
  /** Tests pass a fake check; the default is quickCheckInThread. */
  check?: (file: string) => Promise<string[]>;
}

/**
 * Runs the full check once, off the main thread, and records the answer in `ledger.health`, which
 * the dispatcher reads before every write. Resolves with the health when done.
 */
export function checkIntegrityInBackground(
  ledger: { file: string; health?: LedgerHealth },
  options: BackgroundCheckOptions = {},
): Promise<LedgerHealth | null> {
  const health = ledger.health;
  if (!health || health.state !== 'unchecked' || ledger.file === ':memory:') return Promise.resolve(null);
  const log = options.log ?? ((message: string) => console.error(message));
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      health.state = 'checking';
      const started = Date.now();
      (options.check ?? quickCheckInThread)(ledger.file).then(
        (problems) => finish(problems, started),
        (error: unknown) => finish([(error as Error).message], started),
      );
    }, options.delayMs ?? 2000);
    timer.unref();
    function finish(problems: string[], started: number): void {
      if (problems.length === 1 && problems[0] === 'ok') {
        health!.state = 'ok';
        log(`[stockist] ledger check: ok in ${Date.now() - started} ms`);
      } else {
        health!.state = 'damaged';
        health!.message = damagedMessage(ledger.file, problems);
        log(`[stockist] ledger check found damage; writes are refused: ${problems.join('; ')}`);
      }
      resolve(health!);
    }
  });
}
