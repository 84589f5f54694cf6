import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/**
 * What is owed, per due date: posted invoices with something still to pay (total above paid + credited)
 * and the sum of what is left on them, so the dashboard's outstanding and overdue read a few hundred rows
 * instead of every open invoice (147k at L). Kept by triggers on `invoices` (custom migration
 * receivables_by_due_date_triggers): posting, payments, credit notes and cancellation all change an invoice
 * row, a trigger sees them all. Filled at open when empty (engine/summaries/receivables-by-due-date.ts),
 * rebuilt by `npm run rebuild:summaries`.
 */
export const receivablesByDueDate = sqliteTable('receivables_by_due_date', {
  dueDate: text('due_date').primaryKey(),
  /** open invoices due that day */
  invoices: integer('invoices').notNull().default(0),
  /** Σ (total − paid − credited) over them, paise */
  due: integer('due').notNull().default(0),
});
