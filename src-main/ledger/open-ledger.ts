import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { resourcesDir } from '../paths/resources-path';
import { applyMigrations, backupBeforeMigrating, pendingMigrations } from './migrate';
import * as schema from './schema';

export type Db = BetterSQLite3Database<typeof schema>;

export interface Ledger {
  file: string;
  sqlite: Database.Database;
  db: Db;
  /** Where the pre-migration copy went, when this start-up migrated an existing file. */
  backup: string | null;
  close(): void;
}

export interface OpenOptions {
  /** Skip the pre-migration copy (tests on throwaway files). */
  backup?: boolean;
}

export function openLedger(file: string, options: OpenOptions = {}): Ledger {
  const isMemory = file === ':memory:';
  if (!isMemory) fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const existed = !isMemory && fs.existsSync(file) && fs.statSync(file).size > 0;
  const sqlite = new Database(file);
  sqlite.pragma('journal_mode = WAL');
  // FULL: a posted invoice survives a power cut; the cost is one fsync per commit.
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  cachePreparedStatements(sqlite);
  const db = drizzle(sqlite, { schema });
  const folder = path.join(resourcesDir(), 'migrations');
  let backup: string | null = null;
  try {
    const pending = pendingMigrations(sqlite, folder);
    if (pending.length > 0) {
      if (existed && options.backup !== false) backup = backupBeforeMigrating(sqlite, file, pending);
      applyMigrations(db as unknown as BetterSQLite3Database<Record<string, unknown>>, folder);
    }
  } catch (error) {
    sqlite.close();
    throw error;
  }
  return { file, sqlite, db, backup, close: () => sqlite.close() };
}

/**
 * Services write SQL where it reads best, next to the rule that needs it, and call prepare()
 * each time; compiling the same SQL again costs more than running it. So prepare() keeps the
 * compiled statements of this connection by their text. None of our statements is used in
 * iterate() or switched to pluck/raw mode, which is what would make sharing one unsafe.
 */
function cachePreparedStatements(sqlite: Database.Database): void {
  const prepare = sqlite.prepare.bind(sqlite);
  const cache = new Map<string, Database.Statement>();
  sqlite.prepare = ((source: string) => {
    let statement = cache.get(source);
    if (!statement) {
      // SQL built from filters varies; a bound keeps a long session from growing without end.
      if (cache.size >= 2000) cache.clear();
      statement = prepare(source);
      cache.set(source, statement);
    }
    return statement;
  }) as typeof sqlite.prepare;
}
