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

/** A stored instant as the company's clock reads it, "2026-11-24 23:59", for deadlines such as e-way bill validity. */
export function businessMoment(instant: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: zone(),
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date(instant));
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')} ${part('hour')}:${part('minute')}`;
}
