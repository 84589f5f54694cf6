import { roleCan } from '../../../src-shared/permissions';
import type { EngineContext } from '../context';
import { invoiceMargin } from './invoice-margin';
import { withoutCost } from './margin-rules';

/** Cost and margin are the owner's figures: only roles with cost.read see them (docs/ROLES.md). */
export function seesCost(ctx: EngineContext): boolean {
  return ctx.actor !== null && roleCan(ctx.actor.role, 'cost.read');
}

/** A quote as the caller may see it: without cost figures, and with below-cost reasons told without amounts. */
export function quoteForCaller<Q extends { margin?: unknown; approvalReasons: string[]; marginNotice: string | null }>(
  ctx: EngineContext,
  quote: Q,
): Q {
  if (seesCost(ctx)) return quote;
  const { margin: _hidden, ...rest } = quote;
  return {
    ...rest,
    approvalReasons: quote.approvalReasons.map(withoutCost),
    marginNotice: quote.marginNotice === null ? null : withoutCost(quote.marginNotice),
  } as Q;
}

/** An order as the caller may see it: an approval for a below-cost bill says so, without the amounts. */
export function orderForCaller<O extends { approvals: { reasons: string[] }[] }>(ctx: EngineContext, order: O): O {
  if (seesCost(ctx)) return order;
  return { ...order, approvals: order.approvals.map((a) => ({ ...a, reasons: a.reasons.map(withoutCost) })) };
}

/** The approvals queue as the caller may see it: a clerk can read it, but not the amounts below cost. */
export function approvalsForCaller<A extends { reasons: string[] }>(ctx: EngineContext, list: A[]): A[] {
  return seesCost(ctx) ? list : list.map((a) => ({ ...a, reasons: a.reasons.map(withoutCost) }));
}

/** An invoice with its cost of goods and margin for those who may see cost; as it is for everyone else. */
export function invoiceForCaller<I extends { id: number }>(ctx: EngineContext, invoice: I): I {
  return seesCost(ctx) ? { ...invoice, margin: invoiceMargin(ctx, invoice.id) } : invoice;
}
