import type { Ledger } from '../../ledger/open-ledger';
import { businessToday } from '../business-date';
import type { EngineContext } from '../context';
import { backupDue } from './backup-names';
import { getBackupSettings } from './backup-settings';
import { makeBackup, type BackupReport } from './make-backup';

export interface BackupScheduleOptions {
  now?: () => Date;
  /** how often the timer looks whether today's backup is owed */
  everyMs?: number;
  /** the first look after start, which catches up a day the machine was off */
  firstCheckMs?: number;
  log?: (message: string) => void;
}

/** After a failure the timer waits this long before trying again, so admins get one notice, not one every check. */
const RETRY_AFTER_FAILURE_MS = 60 * 60_000;

export interface BackupSchedule {
  /** Makes today's backup if it is owed; null when it was not. */
  check(): Promise<BackupReport | null>;
  stop(): void;
}

/**
 * The daily backup, from a timer in the process that holds the ledger (browser mode and the
 * desktop app): the first check after start and then every few minutes, a backup whenever none has
 * succeeded on today's business date.
 */
export function startBackupSchedule(ledger: Ledger, options: BackupScheduleOptions = {}): BackupSchedule {
  const now = options.now ?? (() => new Date());
  const log = options.log ?? ((message: string) => console.error(message));
  const ctx: EngineContext = { ledger, actor: null, now };

  async function check(): Promise<BackupReport | null> {
    if (!ledger.sqlite.open) return null;
    if (!ledger.sqlite.prepare('SELECT 1 FROM company WHERE id = 1').get()) return null;
    const settings = getBackupSettings(ctx);
    if (!backupDue(settings.last.businessDate, businessToday(ctx))) return null;
    const lastFailed = settings.last.result === 'failed' && settings.last.at !== null;
    if (lastFailed && now().getTime() - Date.parse(settings.last.at!) < RETRY_AFTER_FAILURE_MS) return null;
    const report = await makeBackup(ctx, 'scheduled');
    if (report.result === 'failed') log(`[stockist] scheduled backup failed: ${report.message}`);
    return report;
  }

  const guarded = () =>
    void check().catch((error: unknown) => log(`[stockist] backup check failed: ${(error as Error).message}`));
  const first = setTimeout(guarded, options.firstCheckMs ?? 30_000);
  const timer = setInterval(guarded, options.everyMs ?? 10 * 60_000);
  first.unref();
  timer.unref();
  return {
    check,
    stop() {
      clearTimeout(first);
      clearInterval(timer);
    },
  };
}
