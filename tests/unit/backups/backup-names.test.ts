import { describe, expect, it } from 'vitest';
import {
  backupDue,
  backupFailureMessage,
  backupFileName,
  backupsToDelete,
  backupTakenAt,
  companySlug,
  isBackupOf,
} from '../../../src-main/engine/backups/backup-names';
import { judgeBackup } from '../../../src-main/engine/backups/backup-check';

describe('backup file names', () => {
  it('names a backup after the company, the business date and the time', () => {
    expect(backupFileName('Shree Ganesh Traders & Co.', '2026-11-22', '0930')).toBe(
      'stockist-shree-ganesh-traders-co-2026-11-22-0930.db',
    );
    expect(companySlug('  ')).toBe('ledger');
    expect(companySlug('Café Müller')).toBe('cafe-muller');
  });

  it("recognises only this company's backups, not a pre-upgrade copy or another company's", () => {
    expect(isBackupOf('Sunrise', 'stockist-sunrise-2026-11-22-0930.db')).toBe(true);
    expect(isBackupOf('Sunrise', 'stockist-sunrise-foods-2026-11-22-0930.db')).toBe(false);
    expect(isBackupOf('Sunrise', 'stockist-2026-11-22T09-30-00-000Z-before-0023_margin.db')).toBe(false);
    expect(isBackupOf('Sunrise', 'stockist-sunrise-2026-11-22-0930.db.partial')).toBe(false);
    // A second backup in the same minute is named to the second.
    expect(isBackupOf('Sunrise', 'stockist-sunrise-2026-11-22-093045.db')).toBe(true);
    expect(isBackupOf('Sunrise', 'stockist-sunrise-2026-11-22-09304.db')).toBe(false);
    expect(backupTakenAt('stockist-sunrise-2026-11-22-093045.db')).toEqual({
      businessDate: '2026-11-22',
      hhmm: '0930',
    });
  });
});

describe('retention', () => {
  it('keeps the newest N of this company and touches nothing else', () => {
    const names = [
      'stockist-sunrise-2026-11-20-0930.db',
      'stockist-sunrise-2026-11-22-0930.db',
      'stockist-sunrise-2026-11-21-0930.db',
      'stockist-sunrise-2026-11-22-1815.db',
      'stockist-sunrise-2026-11-22-093045.db',
      'stockist-other-2026-11-01-0930.db',
      'notes.txt',
    ];
    // The one named to the second sorts after the other of its minute.
    expect(backupsToDelete('Sunrise', names, 2)).toEqual([
      'stockist-sunrise-2026-11-20-0930.db',
      'stockist-sunrise-2026-11-21-0930.db',
      'stockist-sunrise-2026-11-22-0930.db',
    ]);
    expect(backupsToDelete('Sunrise', names, 14)).toEqual([]);
    // Never the last one, whatever the setting says.
    expect(backupsToDelete('Sunrise', names, 0)).toHaveLength(4);
  });
});

describe('the daily schedule', () => {
  it('owes a backup on a day without a successful one, catching up missed days once', () => {
    expect(backupDue(null, '2026-11-22')).toBe(true);
    expect(backupDue('2026-11-19', '2026-11-22')).toBe(true);
    expect(backupDue('2026-11-22', '2026-11-22')).toBe(false);
  });
});

describe('failures in plain words', () => {
  it('says the disk is full, or the folder may not be written, or cannot be reached', () => {
    expect(backupFailureMessage({ code: 'SQLITE_FULL', message: 'database or disk is full' }, '/b')).toMatch(
      /disk holding the backup folder \(\/b\) is full/,
    );
    expect(backupFailureMessage({ code: 'ENOSPC', message: 'no space left on device' }, '/b')).toMatch(/is full/);
    expect(backupFailureMessage({ code: 'EACCES', message: 'permission denied' }, '/b')).toMatch(/may not write/);
    expect(backupFailureMessage({ code: 'ENOENT', message: 'no such file' }, '/b')).toMatch(/cannot be reached/);
  });
});

describe('checking a backup before it replaces the ledger', () => {
  const sound = {
    integrity: ['ok'],
    appliedMigrations: [1, 2],
    company: { name: 'Sunrise', gstin: '27AAAAA0000A1Z5' },
    lastInvoice: { number: 'INV-1', date: '2026-11-22' },
    counts: { invoices: 1 },
  };
  const current = { name: 'Sunrise', gstin: '27AAAAA0000A1Z5' };

  it('accepts a sound backup of the same company from this or an older version', () => {
    expect(judgeBackup(sound, [1, 2, 3], current)).toMatchObject({ refusal: null, sameCompany: true });
  });

  it('refuses a damaged file, a newer version, and a file without a company', () => {
    expect(judgeBackup({ ...sound, integrity: ['row 3 missing from index'] }, [1, 2], current).refusal).toMatch(
      /damaged/,
    );
    expect(judgeBackup({ ...sound, appliedMigrations: [1, 2, 9] }, [1, 2], current).refusal).toMatch(/newer version/);
    expect(judgeBackup({ ...sound, company: null }, [1, 2], current).refusal).toMatch(/not a Stockist ledger/);
  });

  it('tells another company apart by GSTIN, or by name when neither has one', () => {
    expect(judgeBackup(sound, [1, 2], { ...current, gstin: '29BBBBB0000B1Z5' }).sameCompany).toBe(false);
    const noGstin = { ...sound, company: { name: 'sunrise ', gstin: '' } };
    expect(judgeBackup(noGstin, [1, 2], { name: 'Sunrise', gstin: '' }).sameCompany).toBe(true);
    expect(judgeBackup(noGstin, [1, 2], { name: 'Moonlight', gstin: '' }).sameCompany).toBe(false);
  });
});
