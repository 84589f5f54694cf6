import { z } from 'zod';
import { operation } from './define';
import { id, isoDate, ok, text } from './common';

const clock = (label: string) =>
  z
    .string()
    .trim()
    .regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, `${label} must be a time such as 09:30`);

const holiday = z.object({ day: isoDate, name: text(80) });

const calendarFields = z.object({
  /** ISO weekdays, 1 = Monday … 7 = Sunday */
  workingDays: z
    .array(z.int().min(1, 'Weekday is 1 (Monday) to 7 (Sunday)').max(7, 'Weekday is 1 (Monday) to 7 (Sunday)'))
    .min(1, 'Choose at least one working day')
    .max(7),
  opensAt: clock('Opening time'),
  closesAt: clock('Closing time'),
  holidays: z.array(holiday).max(400, 'At most 400 holidays'),
});

const calendarInput = calendarFields.superRefine((v, ctx) => {
  if (v.closesAt <= v.opensAt)
    ctx.addIssue({ code: 'custom', path: ['closesAt'], message: 'Closing time must be after opening time' });
  v.holidays.forEach((h, i) => {
    if (v.holidays.findIndex((o) => o.day === h.day) !== i)
      ctx.addIssue({ code: 'custom', path: ['holidays', i, 'day'], message: `${h.day} is listed twice` });
  });
});

const calendarOutput = calendarFields.extend({ timeZone: z.string(), version: z.int() });

const delegation = z.object({
  id,
  approverId: id,
  approverName: z.string(),
  substituteId: id,
  substituteName: z.string(),
  startsOn: z.string(),
  endsOn: z.string(),
  reason: z.string(),
  /** upcoming | active | over (its dates passed, or ended early) */
  state: z.enum(['upcoming', 'active', 'over']),
  endedAt: z.string().nullable(),
});

const notification = z.object({
  id,
  at: z.string(),
  text: z.string(),
  kind: z.enum(['approval_requested', 'approval_reminder', 'approval_escalated', 'approval_decided', 'other']),
  subject: z.object({ type: z.string(), id: z.int() }).nullable(),
  orderId: z.int().nullable(),
  read: z.boolean(),
});

/** The office calendar escalations count in, approvers' substitutes while away, and each user's notifications. */
export const approvalTimeOperations = {
  'calendar.get': operation({
    summary:
      'The business calendar: working weekdays (1 = Monday), opening and closing time and holidays, in the company time zone.',
    access: 'company.read',
    kind: 'read',
    input: z.object({}),
    output: calendarOutput,
  }),
  'calendar.update': operation({
    summary: 'Sets the business calendar. Approval escalations count working hours from it, from the next check on.',
    access: 'company.write',
    kind: 'write',
    input: calendarInput,
    output: calendarOutput,
  }),
  'delegations.list': operation({
    summary:
      'Substitutes: yours (you away, and whom you stand in for); an administrator sees everyone’s. Newest first, the last 200.',
    access: 'signed-in',
    kind: 'read',
    input: z.object({}),
    output: z.array(delegation),
  }),
  'delegations.substitutes': operation({
    summary: 'Active users who may approve, and so may stand in for an approver.',
    access: 'signed-in',
    kind: 'read',
    input: z.object({}),
    output: z.array(z.object({ id, displayName: z.string() })),
  }),
  'delegations.add': operation({
    summary:
      'An approver away from one business date to another (both included) names a substitute who approves for them meanwhile. For yourself, or (administrator) for anyone. Refused: yourself as substitute, a substitute who may not approve, dates overlapping another substitute of the same approver.',
    access: 'signed-in',
    kind: 'write',
    input: z
      .object({
        approverId: id.optional(),
        substituteId: id,
        startsOn: isoDate,
        endsOn: isoDate,
        reason: text(200),
      })
      .refine((v) => v.endsOn >= v.startsOn, { message: 'The last day cannot be before the first', path: ['endsOn'] }),
    output: delegation,
  }),
  'delegations.end': operation({
    summary: 'Ends a substitute now (the approver is back early); an upcoming one is called off.',
    access: 'signed-in',
    kind: 'write',
    input: z.object({ id }),
    output: delegation,
  }),
  'notifications.list': operation({
    summary:
      'Your notifications, newest first: a page of `limit`, then the next page with `before` = the last id shown.',
    access: 'signed-in',
    kind: 'read',
    input: z.object({
      before: id.nullable().default(null),
      limit: z.int().min(1).max(200, 'limit must be at most 200').default(50),
    }),
    output: z.array(notification),
  }),
  'notifications.unread': operation({
    summary: 'How many of your notifications are unread, and the newest id (the bell polls this).',
    access: 'signed-in',
    kind: 'read',
    input: z.object({}),
    output: z.object({ unread: z.int(), latestId: z.int().nullable() }),
  }),
  'notifications.markRead': operation({
    summary: 'Marks your notifications read: the ids given, or all of them with `all`.',
    access: 'signed-in',
    kind: 'write',
    input: z.object({ ids: z.array(id).max(500).default([]), all: z.boolean().default(false) }),
    output: ok,
  }),
};
