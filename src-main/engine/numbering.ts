import type { EngineContext } from './context';

/** "26-27" for any date from April 2026 to March 2027 when the year starts in April. */
export function financialYearLabel(date: Date, startMonth: number): string {
  const month = date.getUTCMonth() + 1;
  const startYear = month >= startMonth ? date.getUTCFullYear() : date.getUTCFullYear() - 1;
  if (startMonth === 1) return String(startYear);
  return `${String(startYear % 100).padStart(2, '0')}-${String((startYear + 1) % 100).padStart(2, '0')}`;
}

/**
 * The next number in a series, e.g. INV/26-27/000123 (16 characters, GST's limit). Taken inside
 * the posting transaction: if the posting fails, the number is never used, so there are no gaps.
 */
export function nextDocumentNumber(ctx: EngineContext, prefix: string): string {
  const { sqlite } = ctx.ledger;
  const startMonth = (sqlite.prepare('SELECT financial_year_start_month AS m FROM company WHERE id = 1').get() as { m: number } | undefined)?.m ?? 4;
  const series = `${prefix}/${financialYearLabel(ctx.now(), startMonth)}`;
  const row = sqlite
    .prepare('INSERT INTO document_series (series, last_number) VALUES (?, 1) ON CONFLICT(series) DO UPDATE SET last_number = last_number + 1 RETURNING last_number AS n')
    .get(series) as { n: number };
  return `${series}/${String(row.n).padStart(6, '0')}`;
}
