import { recordAudit } from '../audit';
import type { EngineContext } from '../context';
import { DomainError } from '../errors';
import { nextDocumentNumber } from '../numbering';
import { spendSchemeBudget } from '../schemes/scheme-service';
import { allocateOpenLines, type OrderAllocationSummary } from './allocate-order-lines';
import { addOrderEvent, orderHeader, writeOrder } from './order-store';
import { priceOrder, type OrderInputParsed } from './price-order';
import { withoutCost } from '../margin/margin-rules';
import { publishOrderConfirmed, publishOrderPlaced, type OrderPayload } from '../sync/payloads/order-payload';
import { refreshOrderMilestones } from '../summaries/order-milestones';
import { addToDailySales } from '../summaries/daily-sales';
import { requestOrderApproval } from '../approvals/order-approval';
import { refusePendingCustomer } from '../approvals/customer-approval';

type PlaceInput = OrderInputParsed & { id: number | null; version: number | null };
/** The counter always sells FEFO, whatever a category's rule says: nobody picks batches by hand there. */
export interface PlaceOptions {
  method?: 'fefo';
  /** money received for this order in the same transaction (the counter): only that part is not credit */
  paidNow?: number;
}

/** Lines marked "reduce" shrink to what can be sent now; the order is priced again on the new quantities. */
function reduceShortLines(ctx: EngineContext, input: PlaceInput, paidNow: number) {
  let priced = priceOrder(ctx, input, input.id, paidNow);
  const shrink = input.lines.map((line, i) =>
    line.shortageAction === 'reduce' ? Math.min(line.quantity, priced.lines[i]!.available) : line.quantity,
  );
  if (shrink.every((q, i) => q === input.lines[i]!.quantity)) return { input, priced };
  const lines = input.lines.map((line, i) => ({ ...line, quantity: shrink[i]! })).filter((line) => line.quantity > 0);
  if (lines.length === 0) throw new DomainError('rule_violated', 'Nothing on this order is in stock to send', 'lines');
  const reduced = { ...input, lines };
  priced = priceOrder(ctx, reduced, input.id, paidNow);
  return { input: reduced, priced };
}

/**
 * What placing answers: the few fields a caller acts on. The full detail is a separate read
 * (getOrderDetail), which the API's orders.place makes; a bulk caller need not.
 */
export interface PlacedOrder {
  id: number;
  number: string;
  status: 'confirmed' | 'pending_approval';
  total: number;
  /** why a manager must approve it (empty when confirmed) */
  approvalReasons: string[];
  /** units reserved, and units on backorder or waiting for the clerk's batch choice */
  reserved: number;
  short: number;
}

/**
 * Places an order in one transaction: save, price, check credit, number it, then confirm and
 * allocate, or queue it for a manager. A credit block throws, so nothing at all is written.
 */
export function placeOrder(ctx: EngineContext, raw: PlaceInput, options: PlaceOptions = {}): PlacedOrder {
  const { input, priced } = reduceShortLines(ctx, raw, options.paidNow ?? 0);
  if (priced.customerRow.awaitingApproval)
    refusePendingCustomer(priced.customer.name, 'customerId', 'orders can be placed');
  if (priced.credit.decision === 'blocked') {
    throw new DomainError(
      'rule_violated',
      `Credit check failed for ${priced.customer.name}: ${priced.credit.reasons.join('; ')}`,
      'customerId',
    );
  }
  const id = writeOrder(ctx, input, priced, { id: raw.id, version: raw.version });
  const { sqlite } = ctx.ledger;
  const number = orderHeader(ctx, id).number ?? nextDocumentNumber(ctx, 'SO');
  sqlite.prepare('UPDATE orders SET number = ? WHERE id = ?').run(number, id);
  const placedPayload = publishOrderPlaced(ctx, id);
  if (priced.credit.decision === 'warn') addOrderEvent(ctx, id, 'credit_warning', priced.credit.reasons.join('; '));
  if (priced.approvalReasons.length > 0) {
    sqlite.prepare("UPDATE orders SET status = 'pending_approval' WHERE id = ?").run(id);
    refreshOrderMilestones(ctx, [id]);
    addOrderEvent(
      ctx,
      id,
      'approval_requested',
      // The timeline is every role's: a below-cost reason is told there without the amounts.
      `Placed as ${number}; waiting for approval: ${priced.approvalReasons.map(withoutCost).join('; ')}`,
    );
    requestOrderApproval(ctx, id, number, priced);
    recordAudit(ctx, 'place', 'order', id, { number, status: 'pending_approval' });
    const reasons = priced.approvalReasons;
    return {
      id,
      number,
      status: 'pending_approval',
      total: priced.total,
      approvalReasons: reasons,
      reserved: 0,
      short: 0,
    };
  }
  addOrderEvent(ctx, id, 'placed', `Placed as ${number}`);
  const { allocated, short } = confirmOrder(ctx, id, options.method, placedPayload);
  recordAudit(ctx, 'place', 'order', id, { number, status: 'confirmed' });
  return { id, number, status: 'confirmed', total: priced.total, approvalReasons: [], reserved: allocated, short };
}

/**
 * Allocates every line by its category's method through the one allocation rule and reserves the
 * batches; free goods only for what the reserved paid units earn (allocate-order-lines.ts).
 * `placed`: the order.placed payload when the order was placed in this same transaction, reused for
 * order.confirmed rather than read and checked again.
 */
export function confirmOrder(
  ctx: EngineContext,
  orderId: number,
  forcedMethod?: 'fefo',
  placed?: OrderPayload | null,
): OrderAllocationSummary {
  const { sqlite } = ctx.ledger;
  const order = sqlite.prepare('SELECT schemes FROM orders WHERE id = ?').get(orderId) as { schemes: string };
  const summary = allocateOpenLines(ctx, orderId, { counterFefo: forcedMethod === 'fefo' });
  const { allocated, short } = summary;
  for (const applied of (JSON.parse(order.schemes) as { applied: { schemeId: number; benefit: number }[] }).applied)
    spendSchemeBudget(ctx, applied.schemeId, applied.benefit);
  sqlite
    .prepare("UPDATE orders SET status = 'confirmed', confirmed_at = ? WHERE id = ?")
    .run(ctx.now().toISOString(), orderId);
  refreshOrderMilestones(ctx, [orderId]);
  addToDailySales(ctx, { kind: 'order', orderId, sign: 1 });
  addOrderEvent(
    ctx,
    orderId,
    'confirmed',
    short > 0
      ? `Confirmed; ${allocated} units reserved, ${short} on backorder`
      : `Confirmed; all ${allocated} units reserved`,
  );
  publishOrderConfirmed(ctx, orderId, placed);
  return summary;
}
