import { formatMoney } from '../../../src-shared/money';

export type CreditPolicy = 'block' | 'warn' | 'approval';

export interface CreditPosition {
  limit: number;
  /** posted invoices not yet paid */
  outstanding: number;
  /** orders waiting for approval or confirmed, for the part not yet invoiced */
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

export interface CreditRule {
  mode: CreditPolicy;
  overdueBlockDays: number | null;
  /**
   * Money actually received for this order in the same transaction (the counter). Only that
   * part is not credit: a payment type of "cash" on an order invoiced later is a promise, not money.
   */
  paidNow?: number;
}

/**
 * Exposure = outstanding invoices + unbilled orders (waiting for approval or confirmed) + this
 * order, less what is paid for it right now. A breach of the limit, or anything overdue beyond
 * the customer's overdue rule, is handled by the policy: block refuses, warn lets it through with
 * a note, approval sends it to a manager. A limit of 0 means no credit at all, not "unlimited".
 */
export function assessCredit(position: CreditPosition, orderTotal: number, rule: CreditRule): CreditAssessment {
  const paidNow = Math.min(Math.max(rule.paidNow ?? 0, 0), orderTotal);
  const onCredit = orderTotal - paidNow;
  const used = position.outstanding + position.unbilled;
  const afterOrder = used + onCredit;
  const base = {
    limit: position.limit,
    used,
    available: position.limit - used,
    afterOrder,
    overdue: position.overdue,
    oldestOverdueDays: position.oldestOverdueDays,
  };
  // Paid in full over the counter: no credit is given, so there is nothing to assess.
  if (orderTotal > 0 && onCredit === 0) return { ...base, decision: 'ok', reasons: [] };
  const reasons: string[] = [];
  if (afterOrder > position.limit) {
    const thisOrder =
      paidNow > 0
        ? `this order ${formatMoney(onCredit)} unpaid of ${formatMoney(orderTotal)}`
        : `this order ${formatMoney(orderTotal)}`;
    reasons.push(
      `Credit limit ${formatMoney(position.limit)} exceeded: ${formatMoney(used)} used + ${thisOrder} = ${formatMoney(afterOrder)}`,
    );
  }
  const overdueBreach =
    rule.overdueBlockDays !== null && position.overdue > 0 && position.oldestOverdueDays > rule.overdueBlockDays;
  if (overdueBreach)
    reasons.push(
      `${formatMoney(position.overdue)} overdue, oldest ${position.oldestOverdueDays} days (rule: nothing over ${rule.overdueBlockDays} days)`,
    );
  if (reasons.length === 0) return { ...base, decision: 'ok', reasons };
  // The overdue rule is a hard stop whatever the limit policy says.
  if (overdueBreach || rule.mode === 'block') return { ...base, decision: 'blocked', reasons };
  return { ...base, decision: rule.mode === 'warn' ? 'warn' : 'needs_approval', reasons };
}

/** One line for a timeline or an approval card: where the customer stands as of now. */
export function describeExposure(a: CreditAssessment, orderTotal: number): string {
  const overdue =
    a.overdue > 0 ? `; ${formatMoney(a.overdue)} overdue (oldest ${a.oldestOverdueDays} days)` : '; nothing overdue';
  return `limit ${formatMoney(a.limit)}, used ${formatMoney(a.used)} + this order ${formatMoney(orderTotal)} = ${formatMoney(a.afterOrder)}${overdue}`;
}
