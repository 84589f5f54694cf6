import { z } from 'zod';
import { id } from './common';

/**
 * The parties of an order besides the sold-to customer, as the clerk sends them: a customer id, null for "the
 * sold-to itself", or left out to take the customer's default (customers.billToId / shipToId / payerId).
 */
const partyId = id.nullable().optional();
export const orderPartyInputs = { billToId: partyId, shipToId: partyId, payerId: partyId, endBuyerId: partyId };

/** A party as screens show it: who, and the state its goods or its GSTIN belong to. */
export const party = z.object({ id, code: z.string(), name: z.string(), stateCode: z.string() });
export type Party = z.output<typeof party>;

/** The parties in effect (the sold-to filled in where none is named): on the order and on its invoice. */
export const parties = z.object({
  billTo: party,
  shipTo: party,
  payer: party,
  /** only when the order names an end buyer */
  endBuyer: party.nullable(),
});
export type Parties = z.output<typeof parties>;

/** The customer master's default parties (null = the customer itself). */
export const customerPartyDefaults = {
  billToId: id.nullable().default(null),
  shipToId: id.nullable().default(null),
  payerId: id.nullable().default(null),
};
