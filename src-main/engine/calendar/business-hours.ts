import { addDays, dateInTimeZone, zoneOffsetMs } from '../../../src-shared/dates';
import type { EngineContext } from '../context';
import { readCompanyCalendar } from './calendar-store';

/** When the office works, in its own time zone: approval escalations count only these hours. */
export interface BusinessCalendar {
  timeZone: string;
  /** ISO weekdays, 1 = Monday … 7 = Sunday */
  workingDays: number[];
  /** 'HH:MM' wall-clock time in `timeZone`; closesAt may be '24:00' */
  opensAt: string;
  closesAt: string;
  /** 'YYYY-MM-DD' days shut although their weekday works */
  holidays: string[];
}

const HOUR = 3_600_000;
/** A calendar with no working hour at all would loop for ever; ten years without one is a broken calendar. */
const MAX_DAYS = 3660;

/** The company's calendar (its time zone, working days, hours and holidays); India's office week until set. */
export function companyCalendar(ctx: EngineContext): BusinessCalendar {
  return readCompanyCalendar(ctx);
}

/** ISO weekday (1 = Monday) of a calendar date, which is the same in every zone. */
export function isoWeekday(day: string): number {
  const d = new Date(`${day}T00:00:00Z`).getUTCDay();
  return d === 0 ? 7 : d;
}

function minutes(hhmm: string): number {
  return Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
}

const instants = new Map<string, number>();

/** The instant a wall-clock time on a day happens in a zone (zone-aware, so a DST zone lands right too). */
function wallClockInstant(day: string, hhmm: string, timeZone: string): number {
  const key = `${timeZone}|${day}|${hhmm}`;
  const known = instants.get(key);
  if (known !== undefined) return known;
  const wall = Date.parse(`${day}T00:00:00Z`) + minutes(hhmm) * 60_000;
  // Twice, so a day whose offset differs from the wall clock's guess (a DST change) still lands right.
  let guess = wall - zoneOffsetMs(wall, timeZone);
  guess = wall - zoneOffsetMs(guess, timeZone);
  // Intl is slow and escalation asks about the same few days over and over; the cache stays small.
  if (instants.size > 20_000) instants.clear();
  instants.set(key, guess);
  return guess;
}

/** The day's open hours as instants, or null on a closed weekday or holiday. */
export function workingWindow(calendar: BusinessCalendar, day: string): { opens: number; closes: number } | null {
  if (!calendar.workingDays.includes(isoWeekday(day)) || calendar.holidays.includes(day)) return null;
  const opens = wallClockInstant(day, calendar.opensAt, calendar.timeZone);
  const closes = wallClockInstant(day, calendar.closesAt, calendar.timeZone);
  return closes > opens ? { opens, closes } : null;
}

/**
 * The instant `hours` working hours after `from`: time outside opening hours, on closed weekdays and
 * holidays does not count. Started outside hours, the count begins at the next opening; a sum that uses up a
 * day exactly ends at its closing time.
 */
export function addBusinessHours(calendar: BusinessCalendar, from: Date, hours: number): Date {
  let remaining = Math.round(hours * HOUR);
  if (remaining <= 0) return new Date(from.getTime());
  let day = dateInTimeZone(from, calendar.timeZone);
  for (let i = 0; i < MAX_DAYS; i++, day = addDays(day, 1)) {
    const window = workingWindow(calendar, day);
    if (!window) continue;
    const start = Math.max(from.getTime(), window.opens);
    if (start >= window.closes) continue;
    const open = window.closes - start;
    if (remaining <= open) return new Date(start + remaining);
    remaining -= open;
  }
  throw new Error('The business calendar has no working hours: set working days and opening hours');
}

/** Working hours between two instants (0 when `to` is not after `from`), counted as addBusinessHours counts. */
export function businessHoursBetween(calendar: BusinessCalendar, from: Date, to: Date): number {
  const end = to.getTime();
  if (end <= from.getTime()) return 0;
  const last = dateInTimeZone(to, calendar.timeZone);
  let total = 0;
  let day = dateInTimeZone(from, calendar.timeZone);
  for (let i = 0; i < MAX_DAYS * 10 && day <= last; i++, day = addDays(day, 1)) {
    const window = workingWindow(calendar, day);
    if (!window) continue;
    const start = Math.max(from.getTime(), window.opens);
    const stop = Math.min(end, window.closes);
    if (stop > start) total += stop - start;
  }
  return total / HOUR;
}
