import type { OutputOf } from '../../../src-shared/contract';
import type { EngineContext } from '../context';
import { notFound } from '../errors';
import { exposureNow } from '../orders/approval-credit';
import { approvalsAt, type DecisionRow } from './approval-levels';
import type { ApprovalPlan } from './approval-policy-rule';
import { authorityFor } from './decide-approval';
import { describeLevel } from './request-approval';
import { subjectHandlers } from './subject-registry';

type ApprovalRow = OutputOf<'approvals.get'>;

interface Row {
  id: number;
  subjectType: string;
  subjectId: number;
  orderId: number | null;
  orderNumber: string | null;
  customerId: number | null;
  customerName: string | null;
  total: number | null;
  reasons: string;
  plan: string;
  level: number;
  escalatedTo: number | null;
  requestedById: number | null;
  requestedBy: string;
  requestedAt: string;
  levelStartedAt: string;
  escalateAt: string | null;
  status: string;
  comment: string;
}

// A request's customer: the order's, or the customer itself for customer subjects; a held posting's value as total.
const SELECT = `SELECT a.id, a.subject_type AS subjectType, a.subject_id AS subjectId, a.order_id AS orderId, o.number AS orderNumber,
  coalesce(o.customer_id, CASE WHEN a.subject_type IN ('customer', 'customer_terms') THEN a.subject_id END) AS customerId,
  c.name AS customerName, coalesce(o.total, h.value) AS total, a.reasons, a.plan, a.level, a.escalated_to AS escalatedTo, a.requested_by AS requestedById,
  coalesce(u.display_name, '') AS requestedBy, a.requested_at AS requestedAt, a.level_started_at AS levelStartedAt,
  a.escalate_at AS escalateAt, a.status, a.comment
FROM approval_requests a LEFT JOIN orders o ON o.id = a.order_id
LEFT JOIN customers c ON c.id = coalesce(o.customer_id, CASE WHEN a.subject_type IN ('customer', 'customer_terms') THEN a.subject_id END)
LEFT JOIN users u ON u.id = a.requested_by
LEFT JOIN held_postings h ON h.id = a.subject_id AND a.subject_type IN ('write_off', 'credit_note')`;

function decisionsWithNames(ctx: EngineContext, id: number) {
  return ctx.ledger.sqlite
    .prepare(
      `SELECT d.level, d.approver_id AS approverId, d.on_behalf_of AS onBehalfOf, d.decision, d.comment, d.at,
              coalesce(a.display_name, '') AS approver, coalesce(b.display_name, '') AS behalf
       FROM approval_decisions d LEFT JOIN users a ON a.id = d.approver_id LEFT JOIN users b ON b.id = d.on_behalf_of
       WHERE d.request_id = ? ORDER BY d.id`,
    )
    .all(id) as (DecisionRow & { comment: string; at: string; approver: string; behalf: string })[];
}

const verbs: Record<string, string> = { approve: 'Approved', reject: 'Rejected' };

function toRow(ctx: EngineContext, r: Row): ApprovalRow {
  const plan = JSON.parse(r.plan) as ApprovalPlan;
  const decisions = decisionsWithNames(ctx, r.id);
  const pending = r.status === 'pending';
  const waiting = plan.mode === 'sequence' ? [r.level] : plan.levels.map((_, i) => i + 1);
  const me = ctx.actor;
  const mine = decisions.some((d) => d.approverId === me?.id || d.onBehalfOf === me?.id);
  const own =
    me !== null && (r.requestedById === me.id || subjectHandlers[r.subjectType]?.creator(ctx, r.subjectId) === me.id);
  const mayDecide = pending && me !== null && !mine && !own && authorityFor(ctx, r, plan, decisions, me) !== null;
  return {
    id: r.id,
    subjectType: r.subjectType,
    subjectId: r.subjectId,
    subjectLabel: subjectHandlers[r.subjectType]?.label(ctx, r.subjectId) ?? `${r.subjectType} ${r.subjectId}`,
    orderId: r.orderId,
    orderNumber: r.orderNumber,
    customerId: r.customerId,
    customerName: r.customerName ?? '',
    total: r.total ?? 0,
    reasons: (JSON.parse(r.reasons) as { message: string }[]).map((x) => x.message),
    policyName: plan.policyName,
    policyVersion: plan.version,
    mode: plan.mode,
    level: r.level,
    levels: plan.levels.length,
    waitingOn: pending
      ? waiting.map((l) => describeLevel(ctx, plan, l, approvalsAt(decisions, l), r.escalatedTo)).join('; ')
      : '',
    requestedBy: r.requestedBy,
    requestedAt: r.requestedAt,
    levelStartedAt: r.levelStartedAt,
    escalateAt: r.escalateAt,
    status: r.status,
    comment: r.comment,
    decisions: decisions.map((d) => ({
      level: d.level,
      decision: d.decision,
      text:
        d.decision === 'escalated'
          ? d.comment
          : `${verbs[d.decision] ?? d.decision} by ${d.approver}${d.behalf ? ` for ${d.behalf}` : ''}`,
      comment: d.decision === 'escalated' ? '' : d.comment,
      at: d.at,
    })),
    mayDecide,
    credit:
      pending && r.orderId !== null && r.customerId !== null
        ? exposureNow(ctx, { id: r.orderId, customerId: r.customerId, total: r.total ?? 0 })
        : null,
  };
}

/** The queue: waiting requests oldest first, decided ones newest first. */
export function listApprovals(ctx: EngineContext, status: string): ApprovalRow[] {
  const rows = ctx.ledger.sqlite
    .prepare(`${SELECT} WHERE a.status = ? ORDER BY a.id ${status === 'pending' ? 'ASC' : 'DESC'} LIMIT 500`)
    .all(status) as Row[];
  return rows.map((r) => toRow(ctx, r));
}

export function getApproval(ctx: EngineContext, id: number): ApprovalRow {
  const row = ctx.ledger.sqlite.prepare(`${SELECT} WHERE a.id = ?`).get(id) as Row | undefined;
  if (!row) throw notFound(`Approval ${id}`, 'id');
  return toRow(ctx, row);
}
