import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openLedger } from '../../../src-main/ledger/open-ledger';
import { resourcesDir } from '../../../src-main/paths/resources-path';
import { tempDbPath } from '../../support/test-server';

const shipped = path.join(resourcesDir(), 'migrations');

/** A resources folder that ships only the first N migrations: an older Stockist. */
function olderRelease(count: number): string {
  const dir = path.join(path.dirname(tempDbPath()), 'old-release');
  fs.mkdirSync(dir);
  const migrations = path.join(dir, 'migrations');
  fs.cpSync(shipped, migrations, { recursive: true });
  const journalFile = path.join(migrations, 'meta', '_journal.json');
  const journal = JSON.parse(fs.readFileSync(journalFile, 'utf8'));
  journal.entries = journal.entries.slice(0, count);
  fs.writeFileSync(journalFile, JSON.stringify(journal));
  return dir;
}

afterEach(() => {
  delete process.env.STOCKIST_RESOURCES;
});

describe('opening the ledger', () => {
  it('creates a new file with every migration, WAL and foreign keys on, and no backup', () => {
    const ledger = openLedger(tempDbPath());
    expect(ledger.backup).toBeNull();
    expect(ledger.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(ledger.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    const tables = (
      ledger.sqlite.prepare("SELECT name FROM sqlite_master WHERE type IN ('table')").all() as { name: string }[]
    ).map((t) => t.name);
    expect(tables).toEqual(expect.arrayContaining(['customers', 'products', 'customer_search', 'audit_log']));
    ledger.close();
  });

  it('backs the file up before upgrading it, and the backup holds the old data', () => {
    const file = tempDbPath();
    process.env.STOCKIST_RESOURCES = olderRelease(1);
    const old = openLedger(file);
    old.sqlite.prepare("INSERT INTO company (id, name, state_code) VALUES (1, 'Old Co', '27')").run();
    old.close();

    delete process.env.STOCKIST_RESOURCES;
    const upgraded = openLedger(file);
    expect(upgraded.backup).not.toBeNull();
    expect(upgraded.backup).toMatch(/before-0001_search_index\.db$/);
    expect(
      upgraded.sqlite.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'customer_search'").get(),
    ).toEqual({ n: 1 });
    upgraded.close();

    const copy = openLedger(upgraded.backup!, { backup: false });
    expect(copy.sqlite.prepare('SELECT name FROM company').get()).toEqual({ name: 'Old Co' });
    copy.close();
  });

  it('does not back up again when nothing is pending', () => {
    const file = tempDbPath();
    openLedger(file).close();
    const again = openLedger(file);
    expect(again.backup).toBeNull();
    again.close();
  });

  it('refuses a file written by a newer Stockist, and leaves it alone', () => {
    const file = tempDbPath();
    const ledger = openLedger(file);
    ledger.sqlite.prepare("INSERT INTO __drizzle_migrations (hash, created_at) VALUES ('future', 9999999999999)").run();
    ledger.close();
    expect(() => openLedger(file)).toThrow(/newer version of Stockist/);
  });
});
