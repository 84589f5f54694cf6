import { createHash } from 'node:crypto';
import type { ApprovalSubject } from '../../../src-shared/contract/approvals';
import { roleLabels, type Role } from '../../../src-shared/permissions';
import { recordAudit } from '../audit';
import type { EngineContext } from '../context';
import { addBusinessHours, companyCalendar } from '../calendar/business-hours';
import { notify, type NotificationInput } from '../notifications/notify';
import { activeSubstituteFor } from './delegation';
import { fitsLevel, openLevels, type DecisionRow } from './approval-levels';
import { matchPolicy, type ApprovalFacts, type ApprovalPlan } from './approval-policy-rule';
import { currentPolicies } from './policy-store';

export interface ApprovalReason {
  /** credit | discount | price | licence | on_hold | below_cost | new_customer | terms | write_off | credit_note */
  kind: string;
  message: string;
}

export interface NewRequest {
  subjectType: 'order' | 'customer' | 'customer_terms' | 'write_off' | 'credit_note';
  subjectId: number;
  orderId: number | null;
  reasons: ApprovalReason[];
  facts: ApprovalFacts;
  /** the approved fields: a change to any voids the request */
  snapshot: object;
  /** what is asked for but not yet written (a raised credit limit): kept beside the snapshot, not hashed */
  proposal?: object;
  /** "SO/26-27/000012 for Shree Traders (₹1,200.00)": the notification's words */
  label: string;
}

export const hashOf = (snapshot: object) => createHash('sha256').update(JSON.stringify(snapshot)).digest('hex');

/** The order reasons' subjects: a credit breach and a discount or price have policies of their own. */
export function orderSubjects(reasons: ApprovalReason[]): ApprovalSubject[] {
  const subjects = new Set<ApprovalSubject>(['order']);
  for (const r of reasons) {
    if (r.kind === 'credit') subjects.add('credit_breach');
    if (r.kind === 'discount' || r.kind === 'price') subjects.add('discount');
  }
  return [...subjects];
}

/** When the level starting now escalates, on the company's business hours; null when it never does. */
export function escalationDue(ctx: EngineContext, plan: ApprovalPlan, level: number, from: Date): string | null {
  const hours = plan.levels[level - 1]?.escalateAfterHours ?? null;
  return hours === null ? null : addBusinessHours(companyCalendar(ctx), from, hours).toISOString();
}

interface UserRow {
  id: number;
  role: Role;
  name: string;
}

export function activeUsers(ctx: EngineContext): UserRow[] {
  return ctx.ledger.sqlite
    .prepare('SELECT id, role, display_name AS name FROM users WHERE active = 1 ORDER BY id')
    .all() as UserRow[];
}

/** Who a level waits on: the users who fit it, and the substitutes of any of them who are away. */
export function approversOf(
  ctx: EngineContext,
  plan: ApprovalPlan,
  levels: number[],
  escalatedTo: number | null,
  exclude: number[],
): number[] {
  const fit = activeUsers(ctx).filter((u) => levels.some((l) => fitsLevel(plan.levels[l - 1]!, u, escalatedTo)));
  const ids = new Set<number>();
  for (const u of fit) {
    ids.add(u.id);
    const substitute = activeSubstituteFor(ctx, u.id, ctx.now());
    if (substitute !== null) ids.add(substitute);
  }
  return [...ids].filter((id) => !exclude.includes(id));
}

/** "Manager" or "Meera, Ravi", with what the level still needs. */
export function describeLevel(
  ctx: EngineContext,
  plan: ApprovalPlan,
  level: number,
  given: number,
  escalatedTo: number | null,
) {
  const l = plan.levels[level - 1]!;
  const users = activeUsers(ctx);
  const nameOf = (id: number) => users.find((u) => u.id === id)?.name ?? `user ${id}`;
  const who = [...(l.role ? [roleLabels[l.role]] : []), ...l.userIds.map(nameOf)].join(' or ');
  const more = l.minApprovers > 1 ? ` (${given} of ${l.minApprovers})` : '';
  return `${who}${more}${escalatedTo !== null ? `, escalated to ${nameOf(escalatedTo)}` : ''}`;
}

export function notifyAll(ctx: EngineContext, userIds: number[], n: Omit<NotificationInput, 'userId'>): void {
  for (const userId of userIds) notify(ctx, { ...n, userId });
}

/**
 * Asks for approval: matches the policy now, keeps a copy of its levels and of the approved fields, and tells
 * whoever the first level (every level, in parallel) waits on. The caller holds the document back meanwhile.
 */
export function requestApproval(ctx: EngineContext, req: NewRequest): { id: number; plan: ApprovalPlan; why: string } {
  const { sqlite } = ctx.ledger;
  const subjects = req.subjectType === 'order' ? orderSubjects(req.reasons) : [req.subjectType];
  const match = matchPolicy(currentPolicies(ctx, subjects), { ...req.facts, subjects });
  const now = ctx.now();
  const id = Number(
    sqlite
      .prepare(
        `INSERT INTO approval_requests (subject_type, subject_id, order_id, policy_version_id, plan, reasons, snapshot,
           snapshot_hash, level, status, level_started_at, escalate_at, requested_by, requested_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1, 'pending', ?, ?, ?, ?)`,
      )
      .run(
        req.subjectType,
        req.subjectId,
        req.orderId,
        match.policy?.versionId ?? null,
        JSON.stringify(match.plan),
        JSON.stringify(req.reasons),
        JSON.stringify(req.proposal ? { ...req.snapshot, proposal: req.proposal } : req.snapshot),
        hashOf(req.snapshot),
        now.toISOString(),
        escalationDue(ctx, match.plan, 1, now),
        ctx.actor?.id ?? null,
        now.toISOString(),
      ).lastInsertRowid,
  );
  const first = openLevels(match.plan, 1, []);
  notifyAll(ctx, approversOf(ctx, match.plan, first, null, ctx.actor ? [ctx.actor.id] : []), {
    text: `${req.label} needs your approval`,
    kind: 'approval_requested',
    subject: { type: req.subjectType, id: req.subjectId },
    orderId: req.orderId,
  });
  recordAudit(ctx, 'request', 'approval', id, {
    subject: req.subjectType,
    subjectId: req.subjectId,
    policy: match.why,
  });
  return { id, plan: match.plan, why: match.why };
}

/** The request waiting for this document, if any. */
export function pendingRequest(ctx: EngineContext, subjectType: string, subjectId: number) {
  return ctx.ledger.sqlite
    .prepare(
      "SELECT id, snapshot FROM approval_requests WHERE subject_type = ? AND subject_id = ? AND status = 'pending' ORDER BY id DESC LIMIT 1",
    )
    .get(subjectType, subjectId) as { id: number; snapshot: string } | undefined;
}

/**
 * Ends the waiting requests for a document: `void` when an approved field changed (the document must be asked
 * for again), `withdrawn` when the document itself was cancelled.
 */
export function endPendingRequests(
  ctx: EngineContext,
  subjectType: string,
  subjectId: number,
  status: 'void' | 'withdrawn',
  why: string,
): number {
  const { sqlite } = ctx.ledger;
  const ids = (
    sqlite
      .prepare("SELECT id FROM approval_requests WHERE subject_type = ? AND subject_id = ? AND status = 'pending'")
      .all(subjectType, subjectId) as { id: number }[]
  ).map((r) => r.id);
  for (const id of ids) {
    sqlite
      .prepare('UPDATE approval_requests SET status = ?, decided_at = ?, comment = ?, escalate_at = NULL WHERE id = ?')
      .run(status, ctx.now().toISOString(), why, id);
    recordAudit(ctx, status, 'approval', id, { why });
  }
  return ids.length;
}

export type { DecisionRow };
