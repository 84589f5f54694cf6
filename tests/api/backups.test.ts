import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBackupSchedule } from '../../src-main/engine/backups/backup-schedule';
import { snapshot, startTestServer, type TestClient, type TestServer } from '../support/test-server';
import { retailer } from '../support/fixtures';

let server: TestServer;
let admin: TestClient;

beforeAll(async () => {
  server = await startTestServer();
  admin = await server.admin();
}, 30_000);
afterAll(() => server.close());

const folderOf = (server: TestServer) => path.join(path.dirname(server.ledger.file), 'backups');
const signIn = async (server: TestServer) => {
  const client = server.client();
  await client.ok('auth.login', { username: 'admin', password: 'correct-horse' });
  return client;
};

/** A copy of a backup with one thing changed, as a file from elsewhere would be. */
function alteredCopy(file: string, name: string, sql: string): string {
  const copy = path.join(path.dirname(file), name);
  fs.copyFileSync(file, copy);
  const db = new Database(copy);
  db.exec(sql);
  db.close();
  return copy;
}

describe('backing up', () => {
  it('"Back up now" writes a named, complete copy next to the ledger and shows how it went', async () => {
    server.setNow(new Date('2026-11-22T04:05:00Z')); // 09:35 in Kolkata
    const made = await admin.ok('backups.run', {});
    expect(made).toMatchObject({ result: 'ok', businessDate: '2026-11-22', message: '' });
    expect(path.basename(made.file)).toBe('stockist-test-distributors-2026-11-22-0935.db');
    expect(path.dirname(made.file)).toBe(folderOf(server));
    expect(made.size).toBe(fs.statSync(made.file).size);
    const copy = new Database(made.file, { readonly: true });
    expect(copy.prepare('SELECT name FROM company').get()).toEqual({ name: 'Test Distributors' });
    copy.close();
    const status = await admin.ok('backups.status', {});
    expect(status.last).toMatchObject({ result: 'ok', file: made.file, size: made.size });
    expect(status.files.map((f: { name: string }) => f.name)).toEqual([path.basename(made.file)]);
  });

  it('a second backup in the same minute is named to the second and replaces nothing', async () => {
    server.setNow(new Date('2026-11-22T04:20:05Z')); // 09:50:05 in Kolkata: the daily one, say
    const first = await admin.ok('backups.run', {});
    await admin.ok('customers.create', retailer({ code: 'SAMEMIN', name: 'Same Minute Stores', gstin: '' }));
    server.setNow(new Date('2026-11-22T04:20:45Z')); // "Back up now" 40 seconds later
    const second = await admin.ok('backups.run', {});
    expect(path.basename(first.file)).toBe('stockist-test-distributors-2026-11-22-0950.db');
    expect(path.basename(second.file)).toBe('stockist-test-distributors-2026-11-22-095045.db');
    const customers = (file: string) => {
      const db = new Database(file, { readonly: true });
      const n = db.prepare("SELECT count(*) AS n FROM customers WHERE code = 'SAMEMIN'").get();
      db.close();
      return n;
    };
    // The first still holds the ledger as it was then; the listing has both, newest first.
    expect(customers(first.file)).toEqual({ n: 0 });
    expect(customers(second.file)).toEqual({ n: 1 });
    const status = await admin.ok('backups.status', {});
    expect(status.files.slice(0, 2).map((f: { name: string; hhmm: string }) => [f.name, f.hhmm])).toEqual([
      [path.basename(second.file), '0950'],
      [path.basename(first.file), '0950'],
    ]);
  });

  it('keeps only the last N backups of the company', async () => {
    await admin.ok('backups.updateSettings', { folder: '', keep: 2 });
    for (const instant of ['2026-11-22T05:00:00Z', '2026-11-22T06:00:00Z', '2026-11-22T07:00:00Z']) {
      server.setNow(new Date(instant));
      await admin.ok('backups.run', {});
    }
    const status = await admin.ok('backups.status', {});
    expect(status.files.map((f: { hhmm: string }) => f.hhmm)).toEqual(['1230', '1130']);
    expect(fs.readdirSync(folderOf(server)).filter((name) => name.endsWith('.db'))).toHaveLength(2);
    await admin.ok('backups.updateSettings', { folder: '', keep: 14 });
  });

  it('refuses a relative folder and keeps the settings as they were', async () => {
    const before = snapshot(server.ledger);
    const result = await admin.call('backups.updateSettings', { folder: 'backups', keep: 3 });
    expect(result.status).toBe(400);
    expect(result.body.error.field).toBe('folder');
    expect(snapshot(server.ledger)).toBe(before);
  });

  it('a failed backup says why in plain words and notifies every admin', async () => {
    const blocker = path.join(path.dirname(server.ledger.file), 'not-a-folder');
    fs.writeFileSync(blocker, 'a file where the folder should be');
    await admin.ok('backups.updateSettings', { folder: path.join(blocker, 'backups'), keep: 14 });
    const failed = await admin.ok('backups.run', {});
    expect(failed).toMatchObject({ result: 'failed', file: null });
    expect(failed.message).toMatch(/backup was not made|failed/);
    const notes = await admin.ok('notifications.list', {});
    expect(JSON.stringify(notes)).toContain(failed.message.slice(0, 40));
    const status = await admin.ok('backups.status', {});
    expect(status.last.result).toBe('failed');
    // The day's earlier success still counts: the schedule does not owe today's backup.
    expect(status.last.businessDate).toBe('2026-11-22');
    await admin.ok('backups.updateSettings', { folder: '', keep: 14 });
  });
});

describe('the daily schedule', () => {
  it('catches up a missed day at start, once, and not again the same day', async () => {
    let now = new Date('2026-11-25T03:00:00Z');
    const schedule = startBackupSchedule(server.ledger, { now: () => now, firstCheckMs: 3600_000, log: () => {} });
    try {
      const report = await schedule.check();
      expect(report).toMatchObject({ result: 'ok', businessDate: '2026-11-25' });
      expect(await schedule.check()).toBeNull();
      now = new Date('2026-11-26T03:00:00Z');
      expect((await schedule.check())?.businessDate).toBe('2026-11-26');
    } finally {
      schedule.stop();
    }
  });
});

describe('restoring a backup', () => {
  let restoreServer: TestServer;
  let owner: TestClient;
  let backup: string;

  beforeAll(async () => {
    // With a read worker, as `npm run serve` runs: its connection must follow the restored file.
    restoreServer = await startTestServer({ readWorkers: 1 });
    owner = await restoreServer.admin();
    await owner.ok('company.update', { ...(await owner.ok('company.get', {})), gstin: '27AAPFU0939F1ZV' });
    await owner.ok('customers.create', retailer({ code: 'C-BEFORE', name: 'Before Backup Stores' }));
    backup = (await owner.ok('backups.run', {})).file;
  }, 30_000);
  afterAll(() => restoreServer.close());

  it('shows what a backup holds before anything is replaced', async () => {
    const check = await owner.ok('backups.check', { path: backup });
    expect(check).toMatchObject({ refusal: null, sameCompany: true, company: { name: 'Test Distributors' } });
    expect(check.counts.customers).toBe(1);
    expect(check.schema.applied).toBe(check.schema.known);
  });

  it('refuses a damaged file, a newer version and a non-ledger, and changes nothing', async () => {
    const damaged = path.join(path.dirname(backup), 'damaged.db');
    const bytes = fs.readFileSync(backup);
    bytes.fill(0x5a, 4096 * 2, 4096 * 6);
    fs.writeFileSync(damaged, bytes);
    const newer = alteredCopy(
      backup,
      'newer.db',
      "INSERT INTO __drizzle_migrations (hash, created_at) VALUES ('x', 9999999999999)",
    );
    const text = path.join(path.dirname(backup), 'notes.db');
    fs.writeFileSync(text, 'these are not the ledgers you are looking for');
    const before = snapshot(restoreServer.ledger);
    for (const [file, words] of [
      [damaged, /damaged|cannot be read/],
      [newer, /newer version/],
      [text, /cannot be read|not a Stockist/],
      [path.join(path.dirname(backup), 'missing.db'), /no backup file/],
      [restoreServer.ledger.file, /in use now/],
    ] as const) {
      const result = await owner.call('backups.restore', { path: file });
      expect(result.status, file).toBe(400);
      expect(result.body.error.message).toMatch(words);
    }
    expect(snapshot(restoreServer.ledger)).toBe(before);
  });

  it("refuses another company's backup unless told it is a different company", async () => {
    const other = alteredCopy(
      backup,
      'other.db',
      "UPDATE company SET name = 'Other Agencies', gstin = '29ABCDE1234F1Z5'",
    );
    expect((await owner.ok('backups.check', { path: other })).sameCompany).toBe(false);
    const before = snapshot(restoreServer.ledger);
    const refused = await owner.call('backups.restore', { path: other });
    expect(refused.status).toBe(409);
    expect(refused.body.error).toMatchObject({ field: 'confirmOtherCompany' });
    expect(refused.body.error.message).toMatch(/another company \(Other Agencies\)/);
    expect(snapshot(restoreServer.ledger)).toBe(before);
  });

  it('replaces the ledger with the backup, keeps the replaced file, and ends every session', async () => {
    const after = await owner.ok('customers.create', retailer({ code: 'C-AFTER', name: 'After Backup Stores' }));
    const statement = { customerId: after.id, from: '2026-11-01', to: '2026-11-30' };
    expect((await owner.call('documents.statement', statement)).status).toBe(200);
    const clerk = await restoreServer.as('sales_clerk');
    const restored = await owner.ok('backups.restore', { path: backup });
    expect(restored.restoredFrom).toBe(backup);
    expect(path.basename(restored.replacedFile)).toMatch(/^stockist\.db\.replaced-.+\.db$/);

    // The data equals the backup, table for table (the sessions and the restore's audit row aside).
    const fromBackup = new Database(backup, { readonly: true });
    const live = restoreServer.ledger.sqlite;
    for (const table of ['customers', 'users', 'company', 'stock_movements', 'invoices'])
      expect(live.prepare(`SELECT * FROM ${table} ORDER BY rowid`).all(), table).toEqual(
        fromBackup.prepare(`SELECT * FROM ${table} ORDER BY rowid`).all(),
      );
    fromBackup.close();
    expect(live.prepare('SELECT count(*) AS n FROM sessions').get()).toEqual({ n: 0 });

    // The replaced ledger is whole and still has the change made after the backup.
    const replaced = new Database(restored.replacedFile, { readonly: true });
    expect(replaced.prepare("SELECT count(*) AS n FROM customers WHERE code = 'C-AFTER'").get()).toEqual({ n: 1 });
    replaced.close();

    expect((await owner.call('customers.list', {})).status).toBe(401);
    expect((await clerk.call('customers.list', {})).status).toBe(401);
    const again = await signIn(restoreServer);
    const customers = await again.ok('customers.list', {});
    expect(customers.rows.map((c: { code: string }) => c.code)).toEqual(['C-BEFORE']);
    expect((await again.call('documents.statement', statement)).status).toBe(404);
    // The ledger in place works for writes, and its integrity holds.
    await again.ok('customers.create', retailer({ code: 'C-NEXT', name: 'Next Stores' }));
    expect(live.pragma('integrity_check')).toEqual([{ integrity_check: 'ok' }]);
    const audit = restoreServer.ledger.sqlite
      .prepare("SELECT detail FROM audit_log WHERE action = 'backups.restored'")
      .get();
    expect(audit).toBeDefined();
  });
});
