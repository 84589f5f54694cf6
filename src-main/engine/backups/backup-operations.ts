import type { backupOperations } from '../../../src-shared/contract/backups';
import type { HandlerTable } from '../../api/handler-types';
import { getBackupSettings, listBackupFiles, updateBackupSettings } from './backup-settings';
import { makeBackup } from './make-backup';
import { checkBackup, restoreBackup } from './restore-backup';

/** Backups and restore, bound next to the engine code. */
export const backupHandlers: HandlerTable<keyof typeof backupOperations> = {
  'backups.status': (_, ctx) => {
    const settings = getBackupSettings(ctx);
    const company = ctx.ledger.sqlite.prepare('SELECT name FROM company WHERE id = 1').get() as
      { name: string } | undefined;
    return { ...settings, files: company ? listBackupFiles(settings.effectiveFolder, company.name) : [] };
  },
  'backups.updateSettings': (input, ctx) => updateBackupSettings(ctx, input),
  'backups.run': (_, ctx) => makeBackup(ctx, 'manual'),
  'backups.check': (input, ctx) => checkBackup(ctx, input.path),
  'backups.restore': (input, ctx) => restoreBackup(ctx, ctx.host, input),
};

/** These run outside the dispatcher's transaction: they await a thread, then write in their own. */
export const backupOwnTransaction = ['backups.run', 'backups.restore'] as const;
