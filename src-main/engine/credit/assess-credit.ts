import { formatMoney } from '../../../src-shared/money';

export type CreditPolicy = 'block' | 'warn' | 'approval';

export interface CreditPosition {
  limit: number;
  /** posted invoices not yet paid */
  outstanding: number;
  /** confirmed orders not yet invoiced */
  unbilled: number;
  /** invoices past their due date: amount and the oldest's days overdue */
  overdue: number;
  oldestOverdueDays: number;
}

export interface CreditAssessment {
  decision: 'ok' | 'warn' | 'needs_approval' | 'blocked';
  limit: number;
  used: number;
  available: number;
  afterOrder: number;
  overdue: number;
  oldestOverdueDays: number;
  reasons: string[];
}

/**
 * Exposure = outstanding invoices + unbilled confirmed orders + this order. A breach of the
 * limit, or anything overdue beyond the customer's overdue rule, is handled by the policy:
 * block refuses, warn lets it through with a note, approval sends it to a manager.
 * A limit of 0 means no credit at all (cash customers), not "unlimited".
 */
export function assessCredit(position: CreditPosition, orderTotal: number, policy: { mode: CreditPolicy; overdueBlockDays: number | null; paymentType: string }): CreditAssessment {
  const used = position.outstanding + position.unbilled;
  const afterOrder = used + orderTotal;
  const base = { limit: position.limit, used, available: position.limit - used, afterOrder, overdue: position.overdue, oldestOverdueDays: position.oldestOverdueDays };
  // Cash and UPI at the counter carry no credit risk.
  if (policy.paymentType === 'cash' || policy.paymentType === 'upi_bank') return { ...base, decision: 'ok', reasons: [] };
  const reasons: string[] = [];
  if (afterOrder > position.limit) {
    reasons.push(`Credit limit ${formatMoney(position.limit)} exceeded: ${formatMoney(used)} used + this order ${formatMoney(orderTotal)} = ${formatMoney(afterOrder)}`);
  }
  const overdueBreach = policy.overdueBlockDays !== null && position.overdue > 0 && position.oldestOverdueDays > policy.overdueBlockDays;
  if (overdueBreach) reasons.push(`${formatMoney(position.overdue)} overdue, oldest ${position.oldestOverdueDays} days (rule: nothing over ${policy.overdueBlockDays} days)`);
  if (reasons.length === 0) return { ...base, decision: 'ok', reasons };
  // The overdue rule is a hard stop whatever the limit policy says.
  if (overdueBreach || policy.mode === 'block') return { ...base, decision: 'blocked', reasons };
  return { ...base, decision: policy.mode === 'warn' ? 'warn' : 'needs_approval', reasons };
}
