import type { EngineContext } from '../context';
import { placeOfSupplyOf } from '../customers/parties';
import { isIntraState } from './gst';

/**
 * Whether goods for this ship-to party stay within the seller's state, as its delivery note will decide: the place
 * of supply is the ship-to party's ship-to state, else its billing state. A quote needs it to show the same
 * CGST + SGST or IGST, to the paisa, that the invoice will charge.
 */
export function intraStateFor(ctx: EngineContext, shipToPartyId: number): boolean {
  const seller =
    (ctx.ledger.sqlite.prepare('SELECT state_code AS s FROM company WHERE id = 1').get() as { s: string } | undefined)
      ?.s ?? '';
  return isIntraState(seller, placeOfSupplyOf(ctx, shipToPartyId));
}
