import type { approvalTimeOperations } from '../../../src-shared/contract/approval-time';
import type { HandlerTable } from '../../api/handler-types';
import { getCalendarSettings, updateCalendarSettings } from './calendar-store';

type CalendarOperation = Extract<keyof typeof approvalTimeOperations, `calendar.${string}`>;

/** The office calendar approval escalations count in. Joined with the other parts in api/handlers.ts. */
export const calendarHandlers: HandlerTable<CalendarOperation> = {
  'calendar.get': (_, ctx) => getCalendarSettings(ctx),
  'calendar.update': (input, ctx) => updateCalendarSettings(ctx, input),
};
