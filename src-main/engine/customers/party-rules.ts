/** The parties an order (or a customer's defaults) names besides the sold-to; null = the sold-to itself. */
export interface PartyChoice {
  billToId: number | null;
  shipToId: number | null;
  payerId: number | null;
  endBuyerId?: number | null;
}
export type PartyField = keyof PartyChoice;

export interface PartyCandidate {
  id: number;
  name: string;
  status: string;
}

export interface PartyProblem {
  field: PartyField;
  message: string;
}

const LABEL: Record<PartyField, string> = {
  billToId: 'Bill-to',
  shipToId: 'Ship-to',
  payerId: 'Payer',
  endBuyerId: 'End buyer',
};

/**
 * Who may stand in for the sold-to customer, with the reason when one may not:
 * - bill-to, ship-to and payer must be active customers (not on hold, not blocked): the invoice carries the bill-to's
 *   GSTIN, the goods go to the ship-to, and the payer's account carries the debt;
 * - a payer other than the sold-to must be the one who answers for it: its parent (the retailer's distributor) or
 *   the bill-to named here. Anyone else would let an order load its debt on an unrelated account;
 * - the end buyer may be any customer that exists, whatever its state: it is told to the brand, not billed.
 */
export function partyProblems(
  soldTo: { id: number; name: string; parentId: number | null },
  choice: PartyChoice,
  found: ReadonlyMap<number, PartyCandidate>,
): PartyProblem[] {
  const problems: PartyProblem[] = [];
  for (const field of ['billToId', 'shipToId', 'payerId', 'endBuyerId'] as const) {
    const partyId = choice[field];
    if (partyId === null || partyId === undefined || partyId === soldTo.id) continue;
    const party = found.get(partyId);
    if (!party) problems.push({ field, message: `${LABEL[field]}: customer ${partyId} does not exist` });
    else if (field !== 'endBuyerId' && party.status !== 'active')
      problems.push({
        field,
        message: `${LABEL[field]} must be an active customer; ${party.name} is ${party.status.replace('_', ' ')}`,
      });
  }
  const payer = choice.payerId;
  if (
    payer !== null &&
    payer !== soldTo.id &&
    found.has(payer) &&
    payer !== soldTo.parentId &&
    payer !== choice.billToId
  )
    problems.push({
      field: 'payerId',
      message: `${found.get(payer)!.name} cannot pay for ${soldTo.name}: the payer must be ${soldTo.name} itself, its parent (distributor) or its bill-to`,
    });
  return problems;
}
