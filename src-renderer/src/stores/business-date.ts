import { dateInTimeZone, DEFAULT_TIME_ZONE, wallClock } from '../../../src-shared/dates';
import { useSession } from './session-store';

const zone = () => useSession.getState().company?.timeZone ?? DEFAULT_TIME_ZONE;

/** Today in the company's time zone, as the main process counts it (never the UTC date). */
export function businessToday(): string {
  return dateInTimeZone(new Date(), zone());
}

/** The business date of a stored instant (posted_at, sent_at) for display. */
export function businessDay(instant: string): string {
  return dateInTimeZone(new Date(instant), zone());
}

/** A stored instant as the company's wall clock, "2026-11-23 23:36": what the people in the office read. */
export function businessTime(instant: string): string {
  return wallClock(instant, zone());
}
