import type { EngineContext } from '../context';
import { checkParties } from '../customers/parties';

export interface OrderParties {
  billToId: number | null;
  shipToId: number | null;
  payerId: number | null;
  endBuyerId: number | null;
}

/**
 * The order's parties: what the clerk named, else the customer master's defaults (the end buyer has none), checked
 * by the party rule (customers/party-rules.ts) and stored with the sold-to itself as null.
 */
export function orderPartiesFor(
  ctx: EngineContext,
  customerId: number,
  input: { billToId?: number | null; shipToId?: number | null; payerId?: number | null; endBuyerId?: number | null },
): OrderParties {
  const defaults = ctx.ledger.sqlite
    .prepare('SELECT bill_to_id AS billToId, ship_to_id AS shipToId, payer_id AS payerId FROM customers WHERE id = ?')
    .get(customerId) as Omit<OrderParties, 'endBuyerId'> | undefined;
  return checkParties(ctx, customerId, {
    billToId: input.billToId === undefined ? (defaults?.billToId ?? null) : input.billToId,
    shipToId: input.shipToId === undefined ? (defaults?.shipToId ?? null) : input.shipToId,
    payerId: input.payerId === undefined ? (defaults?.payerId ?? null) : input.payerId,
    endBuyerId: input.endBuyerId ?? null,
  });
}
