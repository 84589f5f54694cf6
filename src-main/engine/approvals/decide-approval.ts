import { recordAudit } from '../audit';
import type { EngineContext } from '../context';
import { conflict, DomainError, notFound } from '../errors';
import { allLevelsMet, approvalsAt, fitsLevel, openLevels, type DecisionRow } from './approval-levels';
import type { ApprovalPlan } from './approval-policy-rule';
import { standingInFor } from './delegation';
import { activeUsers, approversOf, escalationDue, hashOf, notifyAll } from './request-approval';
import { subjectHandlers } from './subject-registry';

export interface RequestRow {
  id: number;
  subjectType: string;
  subjectId: number;
  orderId: number | null;
  plan: string;
  snapshotHash: string;
  level: number;
  status: string;
  escalatedTo: number | null;
  requestedBy: number | null;
}

export function loadRequest(ctx: EngineContext, id: number): RequestRow {
  const row = ctx.ledger.sqlite
    .prepare(
      `SELECT id, subject_type AS subjectType, subject_id AS subjectId, order_id AS orderId, plan, snapshot_hash AS snapshotHash,
              level, status, escalated_to AS escalatedTo, requested_by AS requestedBy FROM approval_requests WHERE id = ?`,
    )
    .get(id) as RequestRow | undefined;
  if (!row) throw notFound(`Approval ${id}`, 'id');
  return row;
}

export function decisionsOf(ctx: EngineContext, requestId: number): DecisionRow[] {
  return ctx.ledger.sqlite
    .prepare(
      'SELECT level, approver_id AS approverId, on_behalf_of AS onBehalfOf, decision FROM approval_decisions WHERE request_id = ? ORDER BY id',
    )
    .all(requestId) as DecisionRow[];
}

/**
 * Which open level this person decides, and for whom: themselves, or someone they stand in for while that
 * person is away. Null when nobody they are, or stand in for, fits an open level.
 */
export function authorityFor(
  ctx: EngineContext,
  request: Pick<RequestRow, 'level' | 'escalatedTo'>,
  plan: ApprovalPlan,
  decisions: DecisionRow[],
  me: { id: number; role: string },
): { level: number; onBehalfOf: number | null } | null {
  const users = activeUsers(ctx);
  const open = openLevels(plan, request.level, decisions);
  const candidates: { person: (typeof users)[number] | undefined; onBehalfOf: number | null }[] = [
    { person: users.find((u) => u.id === me.id), onBehalfOf: null },
    ...standingInFor(ctx, me.id, ctx.now()).map((absent) => ({
      person: users.find((u) => u.id === absent),
      onBehalfOf: absent,
    })),
  ];
  for (const strict of [true, false])
    for (const level of open)
      for (const c of candidates)
        if (c.person && fitsLevel(plan.levels[level - 1]!, c.person, request.escalatedTo, strict))
          return { level, onBehalfOf: c.onBehalfOf };
  return null;
}

const nameOf = (ctx: EngineContext, id: number | null) =>
  id === null ? '' : (activeUsers(ctx).find((u) => u.id === id)?.name ?? `user ${id}`);

/**
 * One approver's decision on the level waiting on them. Four eyes: nobody decides what they asked for or
 * created, nor a second level of the same request. The last level's approval releases the document; until
 * then it waits. An approved field changed since the request voids it instead (the document is asked again).
 */
export function decideRequest(
  ctx: EngineContext,
  input: { id: number; decision: 'approve' | 'reject'; comment: string },
): { status: string; voided: boolean } {
  const { sqlite } = ctx.ledger;
  const request = loadRequest(ctx, input.id);
  if (request.status !== 'pending') throw conflict(`This approval was already ${request.status}`, 'id');
  const subject = subjectHandlers[request.subjectType]!;
  const me = ctx.actor;
  if (!me) throw new DomainError('forbidden', 'Sign in to decide approvals', 'id');
  const plan = JSON.parse(request.plan) as ApprovalPlan;
  const decisions = decisionsOf(ctx, request.id);
  if (decisions.some((d) => d.decision !== 'escalated' && (d.approverId === me.id || d.onBehalfOf === me.id)))
    throw conflict('You have already decided this request; another approver must decide the next level', 'id');
  // The level is the permission (the operation is open to anyone signed in): nobody else gets further.
  const authority = authorityFor(ctx, request, plan, decisions, me);
  if (!authority) throw new DomainError('forbidden', 'This request is not waiting on you', 'id');
  if (request.requestedBy === me.id || subject.creator(ctx, request.subjectId) === me.id)
    throw conflict(`You placed this ${subject.noun} or asked for its approval, so someone else must decide it`, 'id');

  const now = ctx.now().toISOString();
  if (hashOf(subject.snapshot(ctx, request.subjectId)) !== request.snapshotHash && request.snapshotHash !== '') {
    sqlite
      .prepare(
        "UPDATE approval_requests SET status = 'void', decided_at = ?, comment = ?, escalate_at = NULL WHERE id = ?",
      )
      .run(now, 'An approved field changed after approval was asked', request.id);
    recordAudit(ctx, 'void', 'approval', request.id, { why: 'approved field changed' });
    return { status: 'void', voided: true };
  }

  sqlite
    .prepare(
      'INSERT INTO approval_decisions (request_id, level, approver_id, on_behalf_of, decision, comment, at) VALUES (?, ?, ?, ?, ?, ?, ?)',
    )
    .run(request.id, authority.level, me.id, authority.onBehalfOf, input.decision, input.comment, now);
  const who =
    authority.onBehalfOf === null ? me.displayName : `${me.displayName} for ${nameOf(ctx, authority.onBehalfOf)}`;
  const info = {
    who,
    comment: input.comment ? `: ${input.comment}` : '',
    level: authority.level,
    levels: plan.levels.length,
  };
  recordAudit(ctx, input.decision === 'approve' ? 'approve' : 'reject', 'approval', request.id, {
    level: authority.level,
    onBehalfOf: authority.onBehalfOf,
    comment: input.comment,
  });
  const all = [
    ...decisions,
    { level: authority.level, approverId: me.id, onBehalfOf: authority.onBehalfOf, decision: input.decision },
  ];
  const label = subject.label(ctx, request.subjectId);
  const tell = (text: string) =>
    request.requestedBy !== null &&
    notifyAll(ctx, [request.requestedBy], {
      text,
      kind: 'approval_decided',
      subject: { type: request.subjectType, id: request.subjectId },
      orderId: request.orderId,
    });

  if (input.decision === 'reject') {
    finish(ctx, request.id, 'rejected', input.comment);
    subject.rejected(ctx, request.subjectId, info);
    tell(`${label} was rejected by ${who}${info.comment}`);
    return { status: 'rejected', voided: false };
  }
  if (allLevelsMet(plan, request.level, all)) {
    finish(ctx, request.id, 'approved', input.comment);
    subject.approved(ctx, request.subjectId, info);
    tell(`${label} was approved by ${who}${info.comment}`);
    return { status: 'approved', voided: false };
  }
  subject.levelPassed?.(ctx, request.subjectId, info);
  if (plan.mode === 'sequence' && approvalsAt(all, request.level) >= plan.levels[request.level - 1]!.minApprovers) {
    const next = request.level + 1;
    sqlite
      .prepare(
        'UPDATE approval_requests SET level = ?, level_started_at = ?, escalate_at = ?, escalated_to = NULL WHERE id = ?',
      )
      .run(next, now, escalationDue(ctx, plan, next, ctx.now()), request.id);
    const deciders = all.flatMap((d) => [d.approverId, d.onBehalfOf]).filter((x): x is number => x !== null);
    notifyAll(ctx, approversOf(ctx, plan, [next], null, [...deciders, request.requestedBy ?? 0]), {
      text: `${label} passed level ${request.level} (${who}) and needs your approval at level ${next} of ${plan.levels.length}`,
      kind: 'approval_requested',
      subject: { type: request.subjectType, id: request.subjectId },
      orderId: request.orderId,
    });
  }
  return { status: 'pending', voided: false };
}

function finish(ctx: EngineContext, id: number, status: 'approved' | 'rejected', comment: string) {
  ctx.ledger.sqlite
    .prepare('UPDATE approval_requests SET status = ?, decided_at = ?, comment = ?, escalate_at = NULL WHERE id = ?')
    .run(status, ctx.now().toISOString(), comment, id);
}
