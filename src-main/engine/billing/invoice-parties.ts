import type { EngineContext } from '../context';
import { invalid } from '../errors';
import type { OrderParties } from '../orders/order-parties';

/**
 * The parties an invoice carries, copied from the orders of its delivery notes. One invoice has one bill-to, ship-to,
 * payer and end buyer: notes of orders that name different parties are invoiced separately.
 */
export function invoiceParties(ctx: EngineContext, deliveryNoteIds: number[]): OrderParties {
  const rows = ctx.ledger.sqlite
    .prepare(
      `SELECT DISTINCT o.bill_to_id AS billToId, o.ship_to_id AS shipToId, o.payer_id AS payerId, o.end_buyer_id AS endBuyerId
       FROM delivery_notes d JOIN orders o ON o.id = d.order_id WHERE d.id IN (SELECT value FROM json_each(?))`,
    )
    .all(JSON.stringify(deliveryNoteIds)) as OrderParties[];
  if (rows.length > 1)
    throw invalid(
      'These delivery notes are for orders with different bill-to, ship-to, payer or end buyer; invoice them separately',
      'deliveryNoteIds',
    );
  return rows[0] ?? { billToId: null, shipToId: null, payerId: null, endBuyerId: null };
}
