import type Database from 'better-sqlite3';

/**
 * `receivables_by_due_date` (ledger/schema/receivables-by-due-date.ts): open invoices and what is left on
 * them per due date, kept by triggers on `invoices`, read by the dashboard's outstanding and overdue. Here:
 * the rebuild from the invoices (the rebuild command, and a ledger from before the table) and the read.
 */
const OPEN = "status = 'posted' AND total <> paid + credited AND total > paid + credited";

export function rebuildReceivablesByDueDateOn(sqlite: Database.Database): { rows: number } {
  sqlite.exec('DELETE FROM receivables_by_due_date');
  const r = sqlite
    .prepare(
      `INSERT INTO receivables_by_due_date(due_date, invoices, due)
       SELECT due_date, count(*), sum(total - paid - credited) FROM invoices WHERE ${OPEN} GROUP BY due_date`,
    )
    .run();
  return { rows: r.changes };
}

/** At open: a ledger migrated to the table but with open invoices and no rows gets them once. */
export function fillReceivablesByDueDateIfEmpty(sqlite: Database.Database): boolean {
  if (!sqlite.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'receivables_by_due_date'").get())
    return false;
  const row = sqlite
    .prepare(
      `SELECT NOT EXISTS (SELECT 1 FROM receivables_by_due_date)
              AND EXISTS (SELECT 1 FROM invoices WHERE ${OPEN}) AS needed`,
    )
    .get() as { needed: number };
  if (row.needed !== 1) return false;
  sqlite.transaction(() => rebuildReceivablesByDueDateOn(sqlite))();
  return true;
}

/** What is owed today and how much of it (and how many invoices) is past its due date. */
export function receivablesAsOf(
  sqlite: Database.Database,
  today: string,
): { outstanding: number; overdue: number; overdueInvoices: number } {
  return sqlite
    .prepare(
      `SELECT coalesce(sum(due), 0) AS outstanding, coalesce(sum(CASE WHEN due_date < @today THEN due END), 0) AS overdue,
              coalesce(sum(CASE WHEN due_date < @today THEN invoices END), 0) AS overdueInvoices
       FROM receivables_by_due_date`,
    )
    .get({ today }) as { outstanding: number; overdue: number; overdueInvoices: number };
}
