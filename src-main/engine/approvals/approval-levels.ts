import type { ApprovalLevel } from '../../../src-shared/contract/approvals';
import type { Role } from '../../../src-shared/permissions';
import type { ApprovalPlan } from './approval-policy-rule';

/** Pure rules for where a request stands among its levels. Decisions are plain rows: level, approver, decision. */
export interface DecisionRow {
  level: number;
  approverId: number | null;
  onBehalfOf: number | null;
  decision: string;
}

export interface Person {
  id: number;
  role: Role;
}

/**
 * May this person decide for this level: its role, one of its named users, or the one it was escalated to; an
 * administrator may stand for any role level unless `strict` (in parallel, the owner's own level comes first).
 */
export function fitsLevel(level: ApprovalLevel, person: Person, escalatedTo: number | null, strict = false): boolean {
  if (person.id === escalatedTo) return true;
  if (level.userIds.includes(person.id)) return true;
  return level.role !== null && (person.role === level.role || (!strict && person.role === 'admin'));
}

export function approvalsAt(decisions: DecisionRow[], level: number): number {
  return decisions.filter((d) => d.level === level && d.decision === 'approve').length;
}

/** The levels still open: in sequence only the current one; in parallel every level short of its minimum. */
export function openLevels(plan: ApprovalPlan, current: number, decisions: DecisionRow[]): number[] {
  if (plan.mode === 'sequence') return [current];
  return plan.levels.flatMap((l, i) => (approvalsAt(decisions, i + 1) < l.minApprovers ? [i + 1] : []));
}

/**
 * Done: in sequence, the last level has its minimum (earlier ones were met or escalated past); in parallel,
 * every level has its minimum.
 */
export function allLevelsMet(plan: ApprovalPlan, current: number, decisions: DecisionRow[]): boolean {
  const met = (i: number) => approvalsAt(decisions, i + 1) >= plan.levels[i]!.minApprovers;
  if (plan.mode === 'sequence') return current === plan.levels.length && met(current - 1);
  return plan.levels.every((_, i) => met(i));
}
