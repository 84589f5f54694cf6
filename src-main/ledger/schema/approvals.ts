import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { orders } from './orders';
import { users } from './users';

/**
 * Who must approve what. A policy is edited by writing a new version; a request keeps the version it
 * started with (approval_requests.plan holds a copy of its levels), so an edit never changes one in flight.
 */
export const approvalPolicies = sqliteTable(
  'approval_policies',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    /** order | credit_breach | discount | customer | customer_terms | write_off | credit_note */
    subject: text('subject').notNull(),
    /** the newest version's number; the versions table holds every one */
    version: integer('version').notNull().default(1),
    createdAt: text('created_at').notNull(),
  },
  (t) => [index('approval_policies_subject_idx').on(t.subject)],
);

export const approvalPolicyVersions = sqliteTable(
  'approval_policy_versions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    policyId: integer('policy_id')
      .notNull()
      .references(() => approvalPolicies.id),
    version: integer('version').notNull(),
    name: text('name').notNull(),
    active: integer('active', { mode: 'boolean' }).notNull().default(true),
    /** lower runs first when two policies of a subject match */
    priority: integer('priority').notNull().default(100),
    /** JSON: amount range, customer types, regions, discount %, margin % (approval-policy-rule.ts) */
    conditions: text('conditions').notNull().default('{}'),
    /** sequence | parallel */
    mode: text('mode').notNull().default('sequence'),
    /** JSON array of levels: role or named users, minimum approvers, escalation */
    levels: text('levels').notNull(),
    createdAt: text('created_at').notNull(),
    createdBy: integer('created_by').references(() => users.id),
  },
  (t) => [uniqueIndex('approval_policy_versions_idx').on(t.policyId, t.version)],
);

/** One request for approval of one document or change, from asking to the last level's decision. */
export const approvalRequests = sqliteTable(
  'approval_requests',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    /** order | customer | customer_terms | write_off | credit_note */
    subjectType: text('subject_type').notNull(),
    subjectId: integer('subject_id').notNull(),
    /** the order's timeline and notifications link by this; null for other subjects */
    orderId: integer('order_id').references(() => orders.id),
    /** null: the built-in default (one level, a manager) */
    policyVersionId: integer('policy_version_id').references(() => approvalPolicyVersions.id),
    /** JSON copy of the policy version's name, version, mode and levels as the request started */
    plan: text('plan').notNull(),
    /** JSON array of { kind, message } */
    reasons: text('reasons').notNull(),
    /** JSON of the approved fields (amount, lines, customer, terms) and its hash: a change voids the request */
    snapshot: text('snapshot').notNull().default('{}'),
    snapshotHash: text('snapshot_hash').notNull().default(''),
    /** the level waiting (1-based); in parallel every level waits at once and this stays 1 */
    level: integer('level').notNull().default(1),
    /** pending | approved | rejected | void | withdrawn */
    status: text('status').notNull().default('pending'),
    levelStartedAt: text('level_started_at').notNull(),
    escalateAt: text('escalate_at'),
    /** a named user the waiting level was escalated to: may decide for that level too */
    escalatedTo: integer('escalated_to').references(() => users.id),
    requestedBy: integer('requested_by').references(() => users.id),
    requestedAt: text('requested_at').notNull(),
    decidedAt: text('decided_at'),
    comment: text('comment').notNull().default(''),
  },
  (t) => [
    index('approval_requests_status_idx').on(t.status, t.id),
    index('approval_requests_subject_idx').on(t.subjectType, t.subjectId),
    index('approval_requests_order_idx').on(t.orderId),
    index('approval_requests_escalate_idx').on(t.status, t.escalateAt),
  ],
);

/** Every decision on a request, with the approver's comment; a substitute's names whom they stood in for. */
export const approvalDecisions = sqliteTable(
  'approval_decisions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    requestId: integer('request_id')
      .notNull()
      .references(() => approvalRequests.id),
    level: integer('level').notNull(),
    approverId: integer('approver_id').references(() => users.id),
    onBehalfOf: integer('on_behalf_of').references(() => users.id),
    /** approve | reject | escalated | reminded */
    decision: text('decision').notNull(),
    comment: text('comment').notNull().default(''),
    at: text('at').notNull(),
  },
  (t) => [index('approval_decisions_request_idx').on(t.requestId, t.level)],
);

/**
 * A stock write-off or credit note a policy holds for approval: what was asked is kept here, and nothing is posted
 * (no stock movement, no document number) until the last level approves; then it posts as asked.
 */
export const heldPostings = sqliteTable(
  'held_postings',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    /** write_off | credit_note */
    kind: text('kind').notNull(),
    /** JSON: the operation's input, posted as it is once approved */
    input: text('input').notNull(),
    /** paise: the stock value written off, or the credit note's total, as worked out when asked */
    value: integer('value').notNull(),
    /** "Write-off of 12 × PARA-500 (damage)": what the approver reads */
    description: text('description').notNull(),
    /** held | posted | rejected */
    status: text('status').notNull().default('held'),
    /** once posted: the stock movement or the credit note */
    documentId: integer('document_id'),
    requestedBy: integer('requested_by').references(() => users.id),
    requestedAt: text('requested_at').notNull(),
    decidedAt: text('decided_at'),
  },
  (t) => [index('held_postings_status_idx').on(t.kind, t.status)],
);
