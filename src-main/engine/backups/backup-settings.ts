import fs from 'node:fs';
import path from 'node:path';
import type { EngineContext } from '../context';
import { invalid } from '../errors';
import { recordAudit } from '../audit';
import { notify } from '../notifications/notify';
import { backupTakenAt, isBackupOf } from './backup-names';

export interface BackupSettings {
  /** what the admin typed ('' = the default) */
  folder: string;
  /** where backups actually go */
  effectiveFolder: string;
  keep: number;
  last: {
    at: string | null;
    businessDate: string | null;
    file: string | null;
    size: number | null;
    result: 'ok' | 'failed' | null;
    message: string;
  };
}

interface Row {
  folder: string;
  keep: number;
  lastAt: string | null;
  lastBusinessDate: string | null;
  lastFile: string | null;
  lastSize: number | null;
  lastResult: 'ok' | 'failed' | null;
  lastMessage: string;
}

/** A "backups" folder next to the ledger (in the desktop app, that is <userData>/backups). */
export function defaultBackupFolder(ledgerFile: string): string {
  return path.join(path.dirname(path.resolve(ledgerFile)), 'backups');
}

export function getBackupSettings(ctx: EngineContext): BackupSettings {
  const row = ctx.ledger.sqlite
    .prepare(
      `SELECT folder, keep, last_at AS lastAt, last_business_date AS lastBusinessDate, last_file AS lastFile,
              last_size AS lastSize, last_result AS lastResult, last_message AS lastMessage
         FROM backup_settings WHERE id = 1`,
    )
    .get() as Row | undefined;
  const folder = row?.folder ?? '';
  return {
    folder,
    effectiveFolder: folder === '' ? defaultBackupFolder(ctx.ledger.file) : folder,
    keep: row?.keep ?? 14,
    last: {
      at: row?.lastAt ?? null,
      businessDate: row?.lastBusinessDate ?? null,
      file: row?.lastFile ?? null,
      size: row?.lastSize ?? null,
      result: row?.lastResult ?? null,
      message: row?.lastMessage ?? '',
    },
  };
}

export function updateBackupSettings(ctx: EngineContext, input: { folder: string; keep: number }): BackupSettings {
  const folder = input.folder.trim();
  if (folder !== '' && !path.isAbsolute(folder))
    throw invalid(
      'Give the backup folder as a full path (for example D:\\Stockist backups or /home/office/backups)',
      'folder',
    );
  ctx.ledger.sqlite
    .prepare(
      `INSERT INTO backup_settings (id, folder, keep) VALUES (1, ?, ?)
       ON CONFLICT (id) DO UPDATE SET folder = excluded.folder, keep = excluded.keep`,
    )
    .run(folder, input.keep);
  recordAudit(ctx, 'backups.settings', 'backup_settings', 1, { folder, keep: input.keep });
  return getBackupSettings(ctx);
}

export interface BackupOutcome {
  at: string;
  businessDate: string;
  result: 'ok' | 'failed';
  file: string | null;
  size: number | null;
  message: string;
}

/** Writes how the last backup went; a failure also goes to every admin as a notification. */
export function recordBackupOutcome(ctx: EngineContext, outcome: BackupOutcome): void {
  const success = outcome.result === 'ok';
  ctx.ledger.sqlite
    .prepare(
      `INSERT INTO backup_settings (id, last_at, last_business_date, last_file, last_size, last_result, last_message)
       VALUES (1, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (id) DO UPDATE SET last_at = excluded.last_at,
         last_business_date = CASE WHEN excluded.last_result = 'ok' THEN excluded.last_business_date
                                   ELSE backup_settings.last_business_date END,
         last_file = excluded.last_file, last_size = excluded.last_size,
         last_result = excluded.last_result, last_message = excluded.last_message`,
    )
    .run(
      outcome.at,
      success ? outcome.businessDate : null,
      outcome.file,
      outcome.size,
      outcome.result,
      outcome.message,
    );
  if (success) return;
  const admins = ctx.ledger.sqlite.prepare("SELECT id FROM users WHERE role = 'admin' AND active = 1").all() as {
    id: number;
  }[];
  for (const admin of admins) notify(ctx, { userId: admin.id, text: outcome.message, kind: 'other' });
}

export interface BackupFile {
  name: string;
  path: string;
  size: number;
  businessDate: string;
  hhmm: string;
}

/** This company's backups in the folder, newest first; an unreadable folder lists none. */
export function listBackupFiles(folder: string, companyName: string): BackupFile[] {
  let names: string[];
  try {
    names = fs.readdirSync(folder);
  } catch {
    return [];
  }
  return names
    .filter((name) => isBackupOf(companyName, name))
    .sort()
    .reverse()
    .map((name) => {
      const file = path.join(folder, name);
      const taken = backupTakenAt(name)!;
      let size = 0;
      try {
        size = fs.statSync(file).size;
      } catch {
        // deleted between the listing and now
      }
      return { name, path: file, size, ...taken };
    });
}
