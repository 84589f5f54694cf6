import fs from 'node:fs';
import path from 'node:path';
import { zoneOffsetMs } from '../../../src-shared/dates';
import type { Ledger } from '../../ledger/open-ledger';
import { recordAudit } from '../audit';
import { businessToday, companyTimeZone } from '../business-date';
import { isoNow, type EngineContext } from '../context';
import { invalid } from '../errors';
import { backupFailureMessage, backupFileName, backupsToDelete } from './backup-names';
import { getBackupSettings, recordBackupOutcome, type BackupOutcome } from './backup-settings';
import { vacuumInto } from './sqlite-thread';

export interface BackupReport extends BackupOutcome {
  /** older backups removed to keep the last N */
  deleted: string[];
}

/** One backup at a time per ledger: the timer and "Back up now" pressed together share the one run. */
const running = new WeakMap<Ledger, Promise<BackupReport>>();

export function makeBackup(ctx: EngineContext, reason: 'scheduled' | 'manual'): Promise<BackupReport> {
  const company = ctx.ledger.sqlite.prepare('SELECT name FROM company WHERE id = 1').get() as
    { name: string } | undefined;
  if (!company) throw invalid('Set up the company first; there is nothing to back up yet', 'company');
  const current = running.get(ctx.ledger);
  if (current) return current;
  const run = backUp(ctx, company.name, reason).finally(() => running.delete(ctx.ledger));
  running.set(ctx.ledger, run);
  return run;
}

async function backUp(ctx: EngineContext, companyName: string, reason: string): Promise<BackupReport> {
  const settings = getBackupSettings(ctx);
  const folder = settings.effectiveFolder;
  const instant = ctx.now();
  const at = isoNow(ctx);
  const businessDate = businessToday(ctx);
  const local = new Date(instant.getTime() + zoneOffsetMs(instant.getTime(), companyTimeZone(ctx)));
  const time = local.toISOString().slice(11, 19).replace(/:/g, '');
  const byMinute = path.join(folder, backupFileName(companyName, businessDate, time.slice(0, 4)));
  const target = fs.existsSync(byMinute)
    ? path.join(folder, backupFileName(companyName, businessDate, time))
    : byMinute;
  // Written under another name first: a half-written file never looks like a backup to restore.
  const partial = `${target}.partial`;
  let report: BackupReport;
  try {
    fs.mkdirSync(folder, { recursive: true });
    fs.rmSync(partial, { force: true });
    await vacuumInto(ctx.ledger.file, partial);
    // VACUUM INTO does not sync its output; a power cut right after must not leave half a backup.
    const fd = fs.openSync(partial, 'r+');
    try {
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(partial, target);
    const size = fs.statSync(target).size;
    const deleted = backupsToDelete(companyName, fs.readdirSync(folder), settings.keep);
    for (const name of deleted) fs.rmSync(path.join(folder, name), { force: true });
    report = { at, businessDate, result: 'ok', file: target, size, message: '', deleted };
  } catch (error) {
    try {
      fs.rmSync(partial, { force: true });
    } catch {
      // the folder itself is unreachable: there is no partial file to remove
    }
    const message = backupFailureMessage(error as { code?: string; message?: string }, folder);
    report = { at, businessDate, result: 'failed', file: null, size: null, message, deleted: [] };
  }
  try {
    ctx.ledger.sqlite
      .transaction(() => {
        recordBackupOutcome(ctx, report);
        recordAudit(ctx, report.result === 'ok' ? 'backups.made' : 'backups.failed', 'backup_settings', 1, {
          reason,
          file: report.file,
          size: report.size,
          message: report.message,
        });
      })
      .immediate();
  } catch {
    // The ledger's own disk may be the full one; the caller still gets the outcome to show.
  }
  return report;
}
