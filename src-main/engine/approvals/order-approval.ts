import { formatMoney } from '../../../src-shared/money';
import { recordAudit } from '../audit';
import type { EngineContext } from '../context';
import { checkCreditForApproval } from '../orders/approval-credit';
import { addOrderEvent, orderHeader } from '../orders/order-store';
import type { PricedOrder } from '../orders/price-order';
import { confirmOrder } from '../orders/place-order';
import { refreshOrderMilestones } from '../summaries/order-milestones';
import type { SubjectHandler } from './approval-subjects';
import { requestApproval } from './request-approval';

/** The fields an order's approval is given for: a change to any of them voids it. */
export function orderSnapshot(ctx: EngineContext, orderId: number) {
  const { sqlite } = ctx.ledger;
  const o = sqlite
    .prepare('SELECT customer_id AS c, payment_type AS p, total AS t FROM orders WHERE id = ?')
    .get(orderId) as { c: number; p: string; t: number };
  const lines = sqlite
    .prepare(
      'SELECT product_id, quantity, unit_price, manual_discount_bps FROM order_lines WHERE order_id = ? AND is_free = 0 ORDER BY line_no',
    )
    .raw()
    .all(orderId);
  return { customerId: o.c, paymentType: o.p, total: o.t, lines };
}

/** Holds a placed order for approval under the policy its reasons and figures match. */
export function requestOrderApproval(ctx: EngineContext, orderId: number, number: string, priced: PricedOrder) {
  const customer = priced.customerRow;
  return requestApproval(ctx, {
    subjectType: 'order',
    subjectId: orderId,
    orderId,
    reasons: priced.approvalNeeds,
    facts: {
      subjects: [],
      amount: priced.total,
      customerType: customer.type,
      stateCode: customer.stateCode,
      district: customer.district,
      discountBps: Math.max(0, ...priced.lines.map((l) => l.manualDiscountBps)),
      marginBps: priced.margin?.marginBps ?? null,
    },
    snapshot: orderSnapshot(ctx, orderId),
    label: `${number} for ${priced.customer.name} (${formatMoney(priced.total)})`,
  });
}

const total = (ctx: EngineContext, id: number) =>
  (ctx.ledger.sqlite.prepare('SELECT total FROM orders WHERE id = ?').get(id) as { total: number }).total;

/** An order waits as "pending approval"; only the last level's approval confirms and allocates it. */
export const orderSubject: SubjectHandler = {
  noun: 'order',
  snapshot: orderSnapshot,
  creator: (ctx, id) => orderHeader(ctx, id).createdBy,
  label: (ctx, id) => orderHeader(ctx, id).number ?? `Order ${id}`,
  levelPassed(ctx, id, { who, level, levels, comment }) {
    addOrderEvent(ctx, id, 'approval_level', `Level ${level} of ${levels} approved by ${who}${comment}`);
  },
  approved(ctx, id, { who, comment }) {
    const order = orderHeader(ctx, id);
    // Approving decides on today's figures; a hard credit rule refuses before anything is written.
    const check = checkCreditForApproval(ctx, { ...order, total: total(ctx, id) });
    const knowingly = check.overLimit ? ' knowingly over the limit' : '';
    addOrderEvent(ctx, id, 'approved', `Approved by ${who}${knowingly}${comment}; ${check.summary}`);
    confirmOrder(ctx, id);
    const { decision, limit, used, thisOrder, afterOrder, overdue, oldestOverdueDays } = check.exposure;
    recordAudit(ctx, 'approved', 'order', id, {
      credit: { decision, limit, used, thisOrder, afterOrder, overdue, oldestOverdueDays },
    });
  },
  rejected(ctx, id, { who, comment }) {
    ctx.ledger.sqlite.prepare("UPDATE orders SET status = 'draft' WHERE id = ?").run(id);
    refreshOrderMilestones(ctx, [id]);
    addOrderEvent(ctx, id, 'rejected', `Rejected by ${who}${comment}; back to draft`);
    recordAudit(ctx, 'rejected', 'order', id, {});
  },
};
