import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/**
 * One row (id = 1): where the daily backup goes, how many are kept, and how the last one went.
 * Kept in the ledger so the desktop app and browser mode back up the same way.
 */
export const backupSettings = sqliteTable('backup_settings', {
  id: integer('id').primaryKey(),
  /** the folder the admin picked; '' = a "backups" folder next to the ledger */
  folder: text('folder').notNull().default(''),
  /** how many of this company's backups stay in the folder; older ones are deleted */
  keep: integer('keep').notNull().default(14),
  lastAt: text('last_at'),
  /** the business date of the last successful backup: a day without one is caught up at start */
  lastBusinessDate: text('last_business_date'),
  lastFile: text('last_file'),
  lastSize: integer('last_size'),
  /** ok | failed */
  lastResult: text('last_result'),
  lastMessage: text('last_message').notNull().default(''),
});
