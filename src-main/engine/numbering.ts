import type { EngineContext } from './context';
import { businessToday } from './business-date';

/** "26-27" for any business date from April 2026 to March 2027 when the year starts in April. */
export function financialYearLabel(businessDay: string, startMonth: number): string {
  const year = Number(businessDay.slice(0, 4));
  const month = Number(businessDay.slice(5, 7));
  const startYear = month >= startMonth ? year : year - 1;
  if (startMonth === 1) return String(startYear);
  return `${String(startYear % 100).padStart(2, '0')}-${String((startYear + 1) % 100).padStart(2, '0')}`;
}

/**
 * The next number in a series, e.g. INV/26-27/000123 (16 characters, GST's limit). Taken inside
 * the posting transaction: if the posting fails, the number is never used, so there are no gaps.
 * The financial year is the one of the company's business date, so an invoice at 01:30 IST on
 * 1 April opens the new year's series although UTC still says 31 March.
 */
export function nextDocumentNumber(ctx: EngineContext, prefix: string): string {
  const { sqlite } = ctx.ledger;
  const startMonth =
    (
      sqlite.prepare('SELECT financial_year_start_month AS m FROM company WHERE id = 1').get() as
        { m: number } | undefined
    )?.m ?? 4;
  const series = `${prefix}/${financialYearLabel(businessToday(ctx), startMonth)}`;
  const row = sqlite
    .prepare(
      'INSERT INTO document_series (series, last_number) VALUES (?, 1) ON CONFLICT(series) DO UPDATE SET last_number = last_number + 1 RETURNING last_number AS n',
    )
    .get(series) as { n: number };
  return `${series}/${String(row.n).padStart(6, '0')}`;
}
