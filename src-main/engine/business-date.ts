import { dateInTimeZone, DEFAULT_TIME_ZONE } from '../../src-shared/dates';
import type { EngineContext } from './context';

/**
 * The company's time zone (one row, id = 1); a ledger without a company yet uses India's. The open
 * ledger keeps it (refreshed when the company changes it), so a confirm does not read it seven times.
 */
export function companyTimeZone(ctx: EngineContext): string {
  if (ctx.ledger.timeZone) return ctx.ledger.timeZone();
  const row = ctx.ledger.sqlite.prepare('SELECT time_zone AS tz FROM company WHERE id = 1').get() as
    { tz: string } | undefined;
  return row?.tz ?? DEFAULT_TIME_ZONE;
}

/** The business date an instant falls on, in the company's time zone: never a UTC slice. */
export function businessDate(ctx: EngineContext, instant: Date): string {
  return dateInTimeZone(instant, companyTimeZone(ctx));
}

/** "Today" as the distributor's office means it. */
export function businessToday(ctx: EngineContext): string {
  return businessDate(ctx, ctx.now());
}
