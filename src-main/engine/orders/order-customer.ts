import { businessToday } from '../business-date';
import type { EngineContext } from '../context';
import { DomainError, invalid } from '../errors';
import type { CreditPolicy, CreditPosition } from '../credit/assess-credit';

export interface OrderCustomer {
  id: number; code: string; name: string; type: string; status: string; stateCode: string; district: string; area: string;
  creditLimit: number; paymentTermsDays: number; creditPolicy: CreditPolicy; overdueBlockDays: number | null; minShelfLifeDays: number;
}

/** The customer as an order needs it: place, credit terms and policy, shelf-life rule (own value, else the type's). */
export function loadOrderCustomer(ctx: EngineContext, id: number): OrderCustomer {
  const row = ctx.ledger.sqlite
    .prepare(
      `SELECT c.id, c.code, c.name, c.type, c.status, c.bill_state_code AS stateCode, c.bill_district AS district, c.bill_area AS area,
              c.credit_limit AS creditLimit, c.payment_terms_days AS paymentTermsDays,
              coalesce(c.credit_policy, t.credit_policy) AS creditPolicy, coalesce(c.overdue_block_days, t.overdue_block_days) AS overdueBlockDays,
              coalesce(c.min_shelf_life_days, t.min_shelf_life_days, 0) AS minShelfLifeDays
       FROM customers c JOIN customer_types t ON t.code = c.type WHERE c.id = ?`,
    )
    .get(id) as OrderCustomer | undefined;
  if (!row) throw invalid(`Customer ${id} does not exist`, 'customerId');
  if (row.status === 'blocked') throw new DomainError('rule_violated', `${row.name} is blocked; no orders can be taken`, 'customerId');
  return row;
}

const UNBILLED = "('confirmed', 'processing', 'picked', 'partially_delivered', 'delivered')";

/** Outstanding and overdue invoices, and confirmed orders not yet invoiced (other than this one). */
export function creditPosition(ctx: EngineContext, customer: OrderCustomer, excludeOrderId: number | null): CreditPosition {
  const { sqlite } = ctx.ledger;
  const today = businessToday(ctx);
  const inv = sqlite
    .prepare(
      `SELECT coalesce(sum(total - paid - credited), 0) AS outstanding,
              coalesce(sum(CASE WHEN due_date < ? THEN total - paid - credited END), 0) AS overdue,
              coalesce(max(CASE WHEN due_date < ? THEN CAST(julianday(?) - julianday(due_date) AS INTEGER) END), 0) AS oldest
       FROM invoices WHERE customer_id = ? AND status = 'posted' AND total > paid + credited`,
    )
    .get(today, today, today, customer.id) as { outstanding: number; overdue: number; oldest: number };
  const unbilled = sqlite
    .prepare(`SELECT coalesce(sum(total), 0) AS n FROM orders WHERE customer_id = ? AND status IN ${UNBILLED} AND id <> ?`)
    .get(customer.id, excludeOrderId ?? 0) as { n: number };
  return { limit: customer.creditLimit, outstanding: inv.outstanding, unbilled: unbilled.n, overdue: inv.overdue, oldestOverdueDays: inv.oldest };
}
