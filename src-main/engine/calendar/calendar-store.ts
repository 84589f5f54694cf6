import type { InputOf } from '../../../src-shared/contract';
import { companyTimeZone } from '../business-date';
import { recordAudit } from '../audit';
import type { EngineContext } from '../context';
import type { BusinessCalendar } from './business-hours';

interface CalendarRow {
  workingDays: string;
  opensAt: string;
  closesAt: string;
  version: number;
}

/** India's office week until the admin sets one: Monday to Saturday, 09:30 to 18:30, no holidays. */
const DEFAULT_ROW: CalendarRow = { workingDays: '1,2,3,4,5,6', opensAt: '09:30', closesAt: '18:30', version: 0 };

function calendarRow(ctx: EngineContext): CalendarRow {
  const row = ctx.ledger.sqlite
    .prepare(
      'SELECT working_days AS workingDays, opens_at AS opensAt, closes_at AS closesAt, version FROM business_calendar WHERE id = 1',
    )
    .get() as CalendarRow | undefined;
  return row ?? DEFAULT_ROW;
}

function holidayRows(ctx: EngineContext): { day: string; name: string }[] {
  return ctx.ledger.sqlite.prepare('SELECT day, name FROM business_holidays ORDER BY day').all() as {
    day: string;
    name: string;
  }[];
}

export function readCompanyCalendar(ctx: EngineContext): BusinessCalendar {
  const row = calendarRow(ctx);
  return {
    timeZone: companyTimeZone(ctx),
    workingDays: row.workingDays.split(',').map(Number),
    opensAt: row.opensAt,
    closesAt: row.closesAt,
    holidays: holidayRows(ctx).map((h) => h.day),
  };
}

/** The calendar as the settings screen shows it, holidays with their names. */
export function getCalendarSettings(ctx: EngineContext) {
  const row = calendarRow(ctx);
  return {
    timeZone: companyTimeZone(ctx),
    workingDays: row.workingDays.split(',').map(Number),
    opensAt: row.opensAt,
    closesAt: row.closesAt,
    holidays: holidayRows(ctx),
    version: row.version,
  };
}

export function updateCalendarSettings(ctx: EngineContext, input: InputOf<'calendar.update'>) {
  const { sqlite } = ctx.ledger;
  const before = getCalendarSettings(ctx);
  const workingDays = [...new Set(input.workingDays)].sort((a, b) => a - b).join(',');
  sqlite
    .prepare(
      `INSERT INTO business_calendar (id, working_days, opens_at, closes_at, version) VALUES (1, ?, ?, ?, 1)
       ON CONFLICT (id) DO UPDATE SET working_days = excluded.working_days, opens_at = excluded.opens_at,
         closes_at = excluded.closes_at, version = business_calendar.version + 1`,
    )
    .run(workingDays, input.opensAt, input.closesAt);
  sqlite.prepare('DELETE FROM business_holidays').run();
  const insert = sqlite.prepare('INSERT INTO business_holidays (day, name) VALUES (?, ?)');
  for (const h of input.holidays) insert.run(h.day, h.name ?? '');
  const after = getCalendarSettings(ctx);
  const { version: _b, ...was } = before;
  const { version: _a, ...now } = after;
  recordAudit(ctx, 'update', 'business_calendar', 1, { before: was, after: now });
  return after;
}
