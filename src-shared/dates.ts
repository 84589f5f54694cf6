/** Calendar-day arithmetic on YYYY-MM-DD strings, in UTC so no time zone shifts a day. */
const DAY = 86_400_000;
const at = (iso: string) => Date.parse(`${iso.slice(0, 10)}T00:00:00Z`);

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((at(to) - at(from)) / DAY);
}

export function addDays(iso: string, days: number): string {
  return new Date(at(iso) + days * DAY).toISOString().slice(0, 10);
}

/** The month after a YYYY-MM month. */
export function monthAfter(month: string): string {
  return addDays(`${month}-28`, 4).slice(0, 7);
}

/** The last day of a YYYY-MM month. */
export function lastOfMonth(month: string): string {
  return addDays(`${monthAfter(month)}-01`, -1);
}

/** India's zone: the default for a company that has not chosen another. */
export const DEFAULT_TIME_ZONE = 'Asia/Kolkata';

const dayFormats = new Map<string, Intl.DateTimeFormat>();

/**
 * The calendar date an instant falls on in a time zone, as YYYY-MM-DD. 23:30 IST on 31 March is
 * still 31 March (18:00 UTC), and 01:30 IST on 1 April is 1 April although UTC still says 31 March.
 * Every business date (document dates, "today", due dates, expiry checks) goes through here.
 */
export function dateInTimeZone(instant: Date, timeZone: string): string {
  let format = dayFormats.get(timeZone);
  if (!format) {
    // en-CA formats as YYYY-MM-DD.
    format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    dayFormats.set(timeZone, format);
  }
  return format.format(instant);
}

/** True when the runtime knows the zone (an IANA name such as Asia/Kolkata or Asia/Dubai). */
export function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/**
 * A date as printed on Indian documents: "2026-04-01" (or an ISO instant) → "01-04-2026". The API
 * keeps ISO dates; only paper and exports use this. Anything that is not a date passes through.
 */
export function formatDocDate(iso: string | null | undefined): string {
  if (!iso) return '';
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  return m ? `${m[3]}-${m[2]}-${m[1]}` : iso;
}

const clockFormats = new Map<string, Intl.DateTimeFormat>();

/** How far the zone's wall clock is ahead of UTC at an instant, in milliseconds (330 min for India). */
export function zoneOffsetMs(instant: number, timeZone: string): number {
  let format = clockFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    clockFormats.set(timeZone, format);
  }
  const p = Object.fromEntries(format.formatToParts(new Date(instant)).map((x) => [x.type, x.value]));
  const wall = Date.UTC(
    Number(p.year),
    Number(p.month) - 1,
    Number(p.day),
    Number(p.hour),
    Number(p.minute),
    Number(p.second),
  );
  return wall - Math.floor(instant / 1000) * 1000;
}

/** The instant a business day begins in a zone: 1 April in Kolkata begins at 18:30 UTC on 31 March. */
export function startOfDayInstant(day: string, timeZone: string): Date {
  const midnightUtc = at(day);
  // Twice, so a day whose offset differs from the previous instant's (a DST change) still lands on its midnight.
  let guess = midnightUtc - zoneOffsetMs(midnightUtc, timeZone);
  guess = midnightUtc - zoneOffsetMs(guess, timeZone);
  return new Date(guess);
}

/** An instant as the zone's wall clock, "2026-11-23 23:36" (what an office in that zone reads). */
export function wallClock(instant: string, timeZone: string): string {
  const ms = Date.parse(instant);
  return new Date(ms + zoneOffsetMs(ms, timeZone)).toISOString().slice(0, 16).replace('T', ' ');
}
