import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { users } from './users';

/**
 * One row (id = 1): when the office works, in the company's time zone. Approval escalations count
 * these hours, so a request left on Friday evening is not "overdue" by Monday morning.
 */
export const businessCalendar = sqliteTable('business_calendar', {
  id: integer('id').primaryKey(),
  /** ISO weekdays, 1 = Monday … 7 = Sunday, as a sorted comma list: "1,2,3,4,5,6" */
  workingDays: text('working_days').notNull().default('1,2,3,4,5,6'),
  opensAt: text('opens_at').notNull().default('09:30'),
  closesAt: text('closes_at').notNull().default('18:30'),
  version: integer('version').notNull().default(1),
});

/** Days the office is shut although the weekday works (Diwali, Republic Day, a local festival). */
export const businessHolidays = sqliteTable('business_holidays', {
  day: text('day').primaryKey(),
  name: text('name').notNull().default(''),
});

/** When each scheduled job last ran, so a job overdue while the app was closed runs once at start. */
export const scheduledJobRuns = sqliteTable('scheduled_job_runs', {
  name: text('name').primaryKey(),
  lastRunAt: text('last_run_at'),
  /** the last failure's message; cleared by the next success */
  lastError: text('last_error'),
  lastErrorAt: text('last_error_at'),
});

/**
 * An approver away from `startsOn` to `endsOn` (business dates, both included) names a substitute
 * who approves in their place meanwhile; ending it early stamps `endedAt`.
 */
export const approvalDelegations = sqliteTable(
  'approval_delegations',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    approverId: integer('approver_id')
      .notNull()
      .references(() => users.id),
    substituteId: integer('substitute_id')
      .notNull()
      .references(() => users.id),
    startsOn: text('starts_on').notNull(),
    endsOn: text('ends_on').notNull(),
    reason: text('reason').notNull().default(''),
    createdBy: integer('created_by').references(() => users.id),
    createdAt: text('created_at').notNull(),
    endedAt: text('ended_at'),
    endedBy: integer('ended_by').references(() => users.id),
  },
  (t) => [
    index('approval_delegations_approver_idx').on(t.approverId, t.startsOn),
    index('approval_delegations_substitute_idx').on(t.substituteId, t.startsOn),
  ],
);
