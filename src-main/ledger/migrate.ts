import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import type { BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';

interface JournalEntry {
  idx: number;
  when: number;
  tag: string;
}

export function shippedMigrations(folder: string): JournalEntry[] {
  const journal = JSON.parse(fs.readFileSync(path.join(folder, 'meta', '_journal.json'), 'utf8')) as {
    entries: JournalEntry[];
  };
  return journal.entries;
}

function appliedStamps(sqlite: Database.Database): number[] {
  const table = sqlite
    .prepare("SELECT name FROM sqlite_master WHERE type='table' AND name='__drizzle_migrations'")
    .get();
  if (!table) return [];
  return (
    sqlite.prepare('SELECT created_at AS at FROM __drizzle_migrations ORDER BY created_at').all() as { at: number }[]
  ).map((r) => Number(r.at));
}

/** Migrations the file has not had yet. A file from a newer Stockist is refused, never guessed at. */
export function pendingMigrations(sqlite: Database.Database, folder: string): JournalEntry[] {
  const shipped = shippedMigrations(folder);
  const applied = appliedStamps(sqlite);
  const known = new Set(shipped.map((m) => m.when));
  const unknown = applied.filter((at) => !known.has(at));
  if (unknown.length > 0) {
    throw new Error(
      `This data file was written by a newer version of Stockist (${unknown.length} migration(s) this version does not know). Update Stockist before opening it.`,
    );
  }
  const done = new Set(applied);
  return shipped.filter((m) => !done.has(m.when));
}

/**
 * Copies the file aside before changing its shape, so a failed upgrade can always be undone.
 * VACUUM INTO writes a consistent snapshot even while WAL holds uncommitted pages.
 */
export function backupBeforeMigrating(sqlite: Database.Database, file: string, pending: JournalEntry[]): string {
  const dir = path.join(path.dirname(file), 'backups');
  fs.mkdirSync(dir, { recursive: true });
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const target = path.join(dir, `${path.basename(file, '.db')}-${stamp}-before-${pending[0]!.tag}.db`);
  sqlite.prepare('VACUUM INTO ?').run(target);
  return target;
}

export function applyMigrations(db: BetterSQLite3Database<Record<string, unknown>>, folder: string): void {
  migrate(db, { migrationsFolder: folder });
}
