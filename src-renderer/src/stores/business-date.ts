import { dateInTimeZone, DEFAULT_TIME_ZONE } from '../../../src-shared/dates';
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
