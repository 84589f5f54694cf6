import { assessCredit, describeExposure, type CreditAssessment, type CreditPolicy } from '../credit/assess-credit';
import type { EngineContext } from '../context';
import { conflict, DomainError } from '../errors';
import { creditPosition } from './order-customer';

export interface ExposureNow extends CreditAssessment {
  thisOrder: number;
}

interface Terms {
  id: number;
  name: string;
  status: string;
  creditLimit: number;
  creditPolicy: CreditPolicy;
  overdueBlockDays: number | null;
}

const terms = (ctx: EngineContext, customerId: number) =>
  ctx.ledger.sqlite
    .prepare(
      `SELECT c.id, c.name, c.status, c.credit_limit AS creditLimit, coalesce(c.credit_policy, t.credit_policy) AS creditPolicy,
              coalesce(c.overdue_block_days, t.overdue_block_days) AS overdueBlockDays
       FROM customers c JOIN customer_types t ON t.code = c.type WHERE c.id = ?`,
    )
    .get(customerId) as Terms;

/**
 * The customer's credit as of now for an order waiting for approval: every other open order
 * and unpaid invoice, today's overdue, and this order on top. What the manager decides on.
 */
export function exposureNow(ctx: EngineContext, order: { id: number; customerId: number; total: number }): ExposureNow {
  // The payer's account carries the order's debt: its limit and policy decide.
  const payer = ctx.ledger.sqlite.prepare('SELECT payer_id AS p FROM orders WHERE id = ?').get(order.id) as
    { p: number | null } | undefined;
  const customer = terms(ctx, payer?.p ?? order.customerId);
  const assessed = assessCredit(creditPosition(ctx, customer, order.id), order.total, {
    mode: customer.creditPolicy,
    overdueBlockDays: customer.overdueBlockDays,
  });
  return { ...assessed, thisOrder: order.total };
}

/**
 * Approving re-checks credit with today's figures. The hard rules still hold: a blocked customer,
 * anything overdue beyond the overdue rule, or a "block" policy over the limit refuse the approval
 * (the manager collects first or rejects). A limit breach under warn/approval is the manager's
 * call, made knowingly: the figures go into the timeline and the audit.
 */
export function checkCreditForApproval(
  ctx: EngineContext,
  order: { id: number; number: string | null; customerId: number; total: number },
): { exposure: ExposureNow; overLimit: boolean; summary: string } {
  const customer = terms(ctx, order.customerId);
  if (customer.status === 'blocked')
    throw new DomainError('rule_violated', `${customer.name} is blocked; ${order.number} cannot be approved`, 'id');
  const exposure = exposureNow(ctx, order);
  if (exposure.decision === 'blocked') {
    throw conflict(
      `${order.number} cannot be approved: credit check now fails for ${customer.name}: ${exposure.reasons.join('; ')}. Collect payment first, or reject the order`,
      'id',
    );
  }
  return {
    exposure,
    overLimit: exposure.afterOrder > exposure.limit,
    summary: `credit as of now: ${describeExposure(exposure, order.total)}`,
  };
}
