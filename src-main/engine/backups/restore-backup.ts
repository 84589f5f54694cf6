import fs from 'node:fs';
import path from 'node:path';
import { resourcesDir } from '../../paths/resources-path';
import { shippedMigrations } from '../../ledger/migrate';
import { replaceLedgerFile } from '../../ledger/replace-ledger';
import { recordAudit } from '../audit';
import { isoNow, type EngineContext } from '../context';
import { DomainError, invalid } from '../errors';
import { judgeBackup, type BackupCheck } from './backup-check';
import { inspectLedgerFile } from './sqlite-thread';

/**
 * What the process serving the ledger offers a restore: hold every other call, stop the read
 * workers' connections, run the swap, start them again (the dispatcher implements it).
 */
export interface LedgerHost {
  replaceLedger(swap: () => void): Promise<void>;
}

function currentCompany(ctx: EngineContext): { name: string; gstin: string } | null {
  return (
    (ctx.ledger.sqlite.prepare('SELECT name, gstin FROM company WHERE id = 1').get() as
      { name: string; gstin: string } | undefined) ?? null
  );
}

/** Reads a backup without changing anything and says whether (and with what contents) it may be restored. */
export async function checkBackup(ctx: EngineContext, file: string): Promise<BackupCheck & { path: string }> {
  const resolved = path.resolve(file);
  if (resolved === path.resolve(ctx.ledger.file)) throw invalid('That is the ledger in use now, not a backup', 'path');
  let size: number;
  try {
    const stat = fs.statSync(resolved);
    if (!stat.isFile()) throw new Error('not a file');
    size = stat.size;
  } catch {
    throw invalid(`There is no backup file at ${resolved}`, 'path');
  }
  if (size === 0) throw invalid('This file is empty (0 bytes), so it is not a backup', 'path');
  const known = shippedMigrations(path.join(resourcesDir(), 'migrations')).map((m) => m.when);
  let facts;
  try {
    facts = await inspectLedgerFile(resolved);
  } catch (error) {
    const reason = (error as Error).message;
    throw invalid(`This file cannot be read as a Stockist backup (${reason}), so it cannot be restored`, 'path');
  }
  return { path: resolved, ...judgeBackup(facts, known, currentCompany(ctx)) };
}

export interface RestoreReport {
  restoredFrom: string;
  /** the ledger as it was just before, kept beside it */
  replacedFile: string;
  company: { name: string; gstin: string } | null;
}

/**
 * Replaces the ledger with a checked backup. Everyone's session ends (the backup's own sessions
 * are deleted too), so every user signs in again and sees the restored state.
 */
export async function restoreBackup(
  ctx: EngineContext,
  host: LedgerHost | undefined,
  input: { path: string; confirmOtherCompany: boolean },
): Promise<RestoreReport> {
  if (!host) throw invalid('Restoring is only possible in the app that holds the ledger', 'path');
  const check = await checkBackup(ctx, input.path);
  if (check.refusal) throw invalid(check.refusal, 'path');
  if (!check.sameCompany && !input.confirmOtherCompany)
    throw new DomainError(
      'conflict',
      `This backup belongs to another company (${check.company?.name ?? 'unknown'}). Restoring it replaces this company's ledger; confirm that it is a different company to go on.`,
      'confirmOtherCompany',
    );
  const stamp = isoNow(ctx).replace(/[:.]/g, '-');
  let replacedFile = '';
  await host.replaceLedger(() => {
    replacedFile = replaceLedgerFile(ctx.ledger, check.path, stamp);
    const sqlite = ctx.ledger.sqlite;
    sqlite
      .transaction(() => {
        sqlite.prepare('DELETE FROM sessions').run();
        // The restorer may not exist in the backup's users; the audit row then has no user.
        const known = ctx.actor && sqlite.prepare('SELECT 1 FROM users WHERE id = ?').get(ctx.actor.id);
        recordAudit({ ...ctx, actor: known ? ctx.actor : null }, 'backups.restored', 'backup_settings', 1, {
          from: check.path,
          replaced: replacedFile,
          by: ctx.actor?.username ?? null,
        });
      })
      .immediate();
  });
  return { restoredFrom: check.path, replacedFile, company: check.company };
}
