import type { EngineContext } from '../context';
import { isIntraState } from './gst';

/**
 * Whether a sale to this customer is within the seller's state, as its delivery note will decide:
 * the place of supply is the ship-to state, else the billing state. A quote needs it to show the
 * same CGST + SGST or IGST, to the paisa, that the invoice will charge.
 */
export function intraStateFor(ctx: EngineContext, customerId: number): boolean {
  const { sqlite } = ctx.ledger;
  const row = sqlite
    .prepare('SELECT ship_to AS shipTo, bill_state_code AS billState FROM customers WHERE id = ?')
    .get(customerId) as { shipTo: string | null; billState: string } | undefined;
  const seller =
    (sqlite.prepare('SELECT state_code AS s FROM company WHERE id = 1').get() as { s: string } | undefined)?.s ?? '';
  const placeOfSupply = row?.shipTo
    ? ((JSON.parse(row.shipTo) as { stateCode?: string }).stateCode ?? row.billState)
    : (row?.billState ?? '');
  return isIntraState(seller, placeOfSupply);
}
