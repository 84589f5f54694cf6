import { recordAudit } from '../audit';
import type { EngineContext } from '../context';
import { openLevels } from './approval-levels';
import type { ApprovalPlan } from './approval-policy-rule';
import { decisionsOf } from './decide-approval';
import { approversOf, escalationDue, notifyAll } from './request-approval';
import { subjectHandlers } from './subject-registry';

interface Due {
  id: number;
  subjectType: string;
  subjectId: number;
  orderId: number | null;
  plan: string;
  level: number;
  escalateAt: string;
  escalatedTo: number | null;
  requestedBy: number | null;
}

/**
 * The scheduler's job: every request whose level has waited past its escalation time moves on. The waiting
 * approvers get a reminder; the request goes to the level's named user, or to the next level, whose own clock
 * starts at the moment the escalation fell due (not now), so after the app was closed a request overdue at
 * several levels escalates as far as is due, one notification per step. Idempotent: a second call finds nothing due.
 * The caller runs it in one transaction.
 */
export function escalateDueApprovals(ctx: EngineContext, now: Date): void {
  const { sqlite } = ctx.ledger;
  const due = sqlite
    .prepare(
      `SELECT id, subject_type AS subjectType, subject_id AS subjectId, order_id AS orderId, plan, level,
              escalate_at AS escalateAt, escalated_to AS escalatedTo, requested_by AS requestedBy
       FROM approval_requests WHERE status = 'pending' AND escalate_at IS NOT NULL AND escalate_at <= ? ORDER BY id`,
    )
    .all(now.toISOString()) as Due[];
  for (const request of due) escalateOne(ctx, request, now);
}

function escalateOne(ctx: EngineContext, r: Due, now: Date): void {
  const { sqlite } = ctx.ledger;
  const plan = JSON.parse(r.plan) as ApprovalPlan;
  const label = subjectHandlers[r.subjectType]?.label(ctx, r.subjectId) ?? `${r.subjectType} ${r.subjectId}`;
  const subject = { type: r.subjectType, id: r.subjectId };
  const exclude = r.requestedBy === null ? [] : [r.requestedBy];
  let { level, escalatedTo } = r;
  let escalateAt: string | null = r.escalateAt;
  while (escalateAt !== null && escalateAt <= now.toISOString()) {
    const dueAt = new Date(escalateAt);
    const from = level;
    const waiting = openLevels(plan, level, decisionsOf(ctx, r.id));
    const l = plan.levels[(waiting[0] ?? level) - 1]!;
    notifyAll(ctx, approversOf(ctx, plan, waiting, escalatedTo, exclude), {
      text: `Reminder: ${label} has waited ${l.escalateAfterHours} business hours for your approval`,
      kind: 'approval_reminder',
      subject,
      orderId: r.orderId,
    });
    let step: string;
    if (l.escalateToUserId !== null && escalatedTo !== l.escalateToUserId) {
      escalatedTo = l.escalateToUserId;
      escalateAt = null;
      step = `to user ${escalatedTo}`;
      notifyAll(ctx, [escalatedTo], {
        text: `${label} was escalated to you: level ${level} of ${plan.levels.length} waited too long`,
        kind: 'approval_escalated',
        subject,
        orderId: r.orderId,
      });
    } else if (plan.mode === 'sequence' && level < plan.levels.length) {
      level += 1;
      escalatedTo = null;
      escalateAt = escalationDue(ctx, plan, level, dueAt);
      step = `to level ${level}`;
      notifyAll(ctx, approversOf(ctx, plan, [level], null, exclude), {
        text: `${label} was escalated to you at level ${level} of ${plan.levels.length}`,
        kind: 'approval_escalated',
        subject,
        orderId: r.orderId,
      });
    } else {
      // Nowhere further to go: the reminder is all, once.
      escalateAt = null;
      step = 'reminder only';
    }
    sqlite
      .prepare(
        `INSERT INTO approval_decisions (request_id, level, approver_id, on_behalf_of, decision, comment, at)
         VALUES (?, ?, NULL, NULL, 'escalated', ?, ?)`,
      )
      .run(r.id, from, `Escalated ${step} after ${l.escalateAfterHours} business hours`, dueAt.toISOString());
    sqlite
      .prepare(
        'UPDATE approval_requests SET level = ?, level_started_at = ?, escalate_at = ?, escalated_to = ? WHERE id = ?',
      )
      .run(level, dueAt.toISOString(), escalateAt, escalatedTo, r.id);
    recordAudit(ctx, 'escalate', 'approval', r.id, { step, dueAt: dueAt.toISOString() });
  }
}
