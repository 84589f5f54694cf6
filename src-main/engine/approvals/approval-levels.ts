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

/** May this person decide for this level: its role (an administrator always), one of its named users, or the one it was escalated to. */
export function fitsLevel(level: ApprovalLevel, person: Person, escalatedTo: number | null): boolean {
  if (person.id === escalatedTo) return true;
  if (level.userIds.includes(person.id)) return true;
  return level.role !== null && (person.role === level.role || person.role === 'admin');
}

export function approvalsAt(decisions: DecisionRow[], level: number): number {
  return decisions.filter((d) => d.level === level && d.decision === 'approve').length;
}

/** The levels still open: in sequence only the current one; in parallel every level short of its minimum. */
export function openLevels(plan: ApprovalPlan, current: number, decisions: DecisionRow[]): number[] {
  if (plan.mode === 'sequence') return [current];
  return plan.levels.flatMap((l, i) => (approvalsAt(decisions, i + 1) < l.minApprovers ? [i + 1] : []));
}

/** Every level has its minimum of approvals. */
export function allLevelsMet(plan: ApprovalPlan, decisions: DecisionRow[]): boolean {
  return plan.levels.every((l, i) => approvalsAt(decisions, i + 1) >= l.minApprovers);
}
