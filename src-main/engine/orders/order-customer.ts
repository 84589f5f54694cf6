import { businessToday } from '../business-date';
import type { EngineContext } from '../context';
import { DomainError, invalid } from '../errors';
import type { CreditPolicy, CreditPosition } from '../credit/assess-credit';
import { AWAITING_APPROVAL_SQL } from '../approvals/customer-approval';
import { payerOf } from '../customers/parties';

export interface OrderCustomer {
  id: number;
  code: string;
  name: string;
  type: string;
  status: string;
  stateCode: string;
  district: string;
  area: string;
  creditLimit: number;
  paymentTermsDays: number;
  creditPolicy: CreditPolicy;
  overdueBlockDays: number | null;
  minShelfLifeDays: number;
  /** 1 while a new customer waits for approval: quotes and drafts are fine, placing is not */
  awaitingApproval: number;
}

/** The customer as an order needs it: place, credit terms and policy, shelf-life rule (own value, else the type's). */
export function loadOrderCustomer(ctx: EngineContext, id: number): OrderCustomer {
  const row = ctx.ledger.sqlite
    .prepare(
      `SELECT c.id, c.code, c.name, c.type, c.status, c.bill_state_code AS stateCode, c.bill_district AS district, c.bill_area AS area,
              c.credit_limit AS creditLimit, c.payment_terms_days AS paymentTermsDays,
              coalesce(c.credit_policy, t.credit_policy) AS creditPolicy, coalesce(c.overdue_block_days, t.overdue_block_days) AS overdueBlockDays,
              coalesce(c.min_shelf_life_days, t.min_shelf_life_days, 0) AS minShelfLifeDays,
              ${AWAITING_APPROVAL_SQL('c.id')} AS awaitingApproval
       FROM customers c JOIN customer_types t ON t.code = c.type WHERE c.id = ?`,
    )
    .get(id) as OrderCustomer | undefined;
  if (!row) throw invalid(`Customer ${id} does not exist`, 'customerId');
  if (row.status === 'blocked')
    throw new DomainError('rule_violated', `${row.name} is blocked; no orders can be taken`, 'customerId');
  return row;
}

/** Orders that commit the customer: waiting for a manager, or confirmed and not yet fully invoiced. */
const UNBILLED = "('pending_approval', 'confirmed', 'processing', 'picked', 'partially_delivered', 'delivered')";

/**
 * Outstanding and overdue invoices, and the uninvoiced part of the open orders (other than this one) that the
 * customer pays for (its own, and those naming it payer): an order waiting for approval already counts against later orders, and
 * a partly invoiced order counts only for what is not yet on a posted invoice.
 */
export function creditPosition(
  ctx: EngineContext,
  customer: { id: number; creditLimit: number },
  excludeOrderId: number | null,
): CreditPosition {
  const { sqlite } = ctx.ledger;
  const today = businessToday(ctx);
  const inv = sqlite
    .prepare(
      `SELECT coalesce(sum(total - paid - credited), 0) AS outstanding,
              coalesce(sum(CASE WHEN due_date < ? THEN total - paid - credited END), 0) AS overdue,
              coalesce(max(CASE WHEN due_date < ? THEN CAST(julianday(?) - julianday(due_date) AS INTEGER) END), 0) AS oldest
       FROM invoices i WHERE ${payerOf('i')} = ? AND status = 'posted' AND total > paid + credited`,
    )
    .get(today, today, today, customer.id) as { outstanding: number; overdue: number; oldest: number };
  // The milestone row keeps each order's invoiced value (its lines on posted invoices): one lookup per open order.
  const unbilled = sqlite
    .prepare(
      `SELECT coalesce(sum(max(0, o.total - coalesce(m.invoiced_value, 0))), 0) AS n
       FROM orders o LEFT JOIN order_milestones m ON m.order_id = o.id
       WHERE ${payerOf('o')} = ? AND o.status IN ${UNBILLED} AND o.id <> ?`,
    )
    .get(customer.id, excludeOrderId ?? 0) as { n: number };
  return {
    limit: customer.creditLimit,
    outstanding: inv.outstanding,
    unbilled: unbilled.n,
    overdue: inv.overdue,
    oldestOverdueDays: inv.oldest,
  };
}
