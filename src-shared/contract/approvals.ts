import { z } from 'zod';
import { roles } from '../permissions';
import { id, idInput } from './common';
import { operation } from './define';
import { credit, orderDetail } from './orders';

/** What a policy can govern. An order's reasons pick the subject: a credit breach, a discount or price, or the rest. */
export const approvalSubjects = [
  'order',
  'credit_breach',
  'discount',
  'customer',
  'customer_terms',
  'write_off',
  'credit_note',
] as const;
export type ApprovalSubject = (typeof approvalSubjects)[number];

export const approvalLevel = z
  .object({
    /** any user of this role may decide (an administrator may always); or only the named users */
    role: z.enum(roles).nullable().default(null),
    userIds: z.array(id).max(20).default([]),
    minApprovers: z.int().min(1, 'A level needs at least one approver').max(10).default(1),
    /** hours waiting at this level (business hours, company calendar) before it escalates; null: never */
    escalateAfterHours: z
      .number()
      .positive('Escalation hours must be more than zero')
      .max(1000)
      .nullable()
      .default(null),
    /** null: to the next level; a user: that user may decide for this level too */
    escalateToUserId: id.nullable().default(null),
  })
  .refine((l) => l.role !== null || l.userIds.length > 0, { message: 'Choose a role or named users', path: ['role'] })
  .refine((l) => l.role !== null || l.userIds.length >= l.minApprovers, {
    message: 'Name at least as many users as the level needs approvers',
    path: ['minApprovers'],
  });
export type ApprovalLevel = z.output<typeof approvalLevel>;

export const approvalConditions = z.object({
  /** paise, inclusive; null: no bound */
  amountMin: z.int().min(0).nullable().default(null),
  amountMax: z.int().min(0).nullable().default(null),
  /** customer type codes; empty: any */
  customerTypes: z.array(z.string().trim().min(1)).max(50).default([]),
  /** state codes or district names; empty: anywhere */
  regions: z.array(z.string().trim().min(1)).max(50).default([]),
  /** the policy applies when a line's discount is at least this (basis points) */
  discountBpsMin: z.int().min(0).max(10_000).nullable().default(null),
  /** the policy applies when the margin is at most this (basis points; may be negative) */
  marginBpsMax: z.int().min(-10_000).max(10_000).nullable().default(null),
});
export type ApprovalConditions = z.output<typeof approvalConditions>;

export const approvalPolicyInput = z
  .object({
    /** null: a new policy; otherwise the policy to edit (a new version) */
    id: id.nullable().default(null),
    subject: z.enum(approvalSubjects),
    name: z.string().trim().min(2, 'Name the policy').max(80),
    active: z.boolean().default(true),
    priority: z.int().min(1).max(1000).default(100),
    mode: z.enum(['sequence', 'parallel']).default('sequence'),
    conditions: approvalConditions.default(approvalConditions.parse({})),
    levels: z.array(approvalLevel).min(1, 'A policy needs at least one level').max(5),
  })
  .refine(
    (p) =>
      p.conditions.amountMin === null ||
      p.conditions.amountMax === null ||
      p.conditions.amountMin <= p.conditions.amountMax,
    {
      message: 'The lowest amount is above the highest',
      path: ['conditions', 'amountMax'],
    },
  );

const policyVersion = z.object({
  versionId: id,
  version: z.int(),
  name: z.string(),
  active: z.boolean(),
  priority: z.int(),
  mode: z.enum(['sequence', 'parallel']),
  conditions: approvalConditions,
  levels: z.array(approvalLevel),
  createdAt: z.string(),
  createdBy: z.string(),
});
export const approvalPolicy = policyVersion.extend({
  id,
  subject: z.enum(approvalSubjects),
  /** older versions, newest first */
  history: z.array(policyVersion),
  /** requests still waiting under any version of this policy */
  inFlight: z.int(),
});

export const approvalDecision = z.object({
  level: z.int(),
  decision: z.string(),
  /** "Approved by Meera for Ravi" */
  text: z.string(),
  comment: z.string(),
  at: z.string(),
});

export const approvalRow = z.object({
  id,
  subjectType: z.string(),
  subjectId: id,
  /** what the request is about, in words: "SO/26-27/000012", "New customer Shree Traders" */
  subjectLabel: z.string(),
  orderId: id.nullable(),
  orderNumber: z.string().nullable(),
  customerId: id.nullable(),
  customerName: z.string(),
  total: z.int(),
  reasons: z.array(z.string()),
  policyName: z.string(),
  policyVersion: z.int(),
  mode: z.enum(['sequence', 'parallel']),
  level: z.int(),
  levels: z.int(),
  /** "Manager" or "Meera, Ravi" and how many more approvals the level needs */
  waitingOn: z.string(),
  requestedBy: z.string(),
  requestedAt: z.string(),
  levelStartedAt: z.string(),
  escalateAt: z.string().nullable(),
  status: z.string(),
  comment: z.string(),
  decisions: z.array(approvalDecision),
  /** may the caller decide it now */
  mayDecide: z.boolean(),
  /** a waiting order's customer credit as of now, with this order on top */
  credit: credit.extend({ thisOrder: z.int() }).nullable(),
});

export const approvalOperations = {
  'approvals.list': operation({
    summary:
      'Requests waiting for approval, oldest first (or decided ones): subject, level "1 of 2", who it waits on, since when and when it escalates; a waiting order shows the customer’s credit now.',
    access: 'orders.read',
    kind: 'read',
    input: z.object({ status: z.enum(['pending', 'approved', 'rejected', 'void']).default('pending') }),
    output: z.array(approvalRow),
  }),
  'approvals.decide': operation({
    summary:
      'An approver decides the level waiting on them, with a comment. Who may is the level’s role or named users (or their substitutes, or whom it was escalated to), whatever their role’s permissions; anyone else is refused. Nobody decides their own request or one level twice. The last level’s approval lets the document go on (an order is confirmed and allocated); a rejection ends the request. An approved field changed since asking voids the request instead.',
    // Any signed-in user: a policy may name approvers of any role (an accountant for credit notes), so who may
    // decide is the request's own level, checked by the engine (403 when it is not waiting on you).
    access: 'signed-in',
    kind: 'write',
    input: z
      .object({ id, decision: z.enum(['approve', 'reject']), comment: z.string().trim().max(500).default('') })
      .refine((v) => v.decision === 'approve' || v.comment.length >= 3, {
        message: 'Say why it is rejected',
        path: ['comment'],
      }),
    output: z.object({ request: approvalRow, order: orderDetail.nullable() }),
  }),
  'approvalPolicies.list': operation({
    summary: 'Every approval policy with its current version, its older versions and the requests in flight.',
    access: 'orders.read',
    kind: 'read',
    input: z.object({ subject: z.enum(approvalSubjects).nullable().default(null) }),
    output: z.array(approvalPolicy),
  }),
  'approvalPolicies.save': operation({
    summary:
      'Creates a policy, or edits one by writing a new version. Requests already waiting keep the version they started with.',
    access: 'users.write',
    kind: 'write',
    input: approvalPolicyInput,
    output: approvalPolicy,
  }),
  'approvals.get': operation({
    summary: 'One request with its decisions.',
    access: 'orders.read',
    kind: 'read',
    input: idInput,
    output: approvalRow,
  }),
};
