import type { Parties, Party } from '../../../src-shared/contract/order-parties';
import type { EngineContext } from '../context';
import { invalid } from '../errors';
import { partyProblems, type PartyCandidate, type PartyChoice } from './party-rules';

/** A party's SQL: who answers for an invoice's debt (its payer, else the sold-to). `i` is the invoices alias. */
export const payerOf = (i: string) => `coalesce(${i}.payer_id, ${i}.customer_id)`;

/** The state goods for this customer go to: its ship-to address's state, else its billing state. */
export function placeOfSupplyOf(ctx: EngineContext, customerId: number): string {
  const row = ctx.ledger.sqlite
    .prepare('SELECT ship_to AS shipTo, bill_state_code AS billState FROM customers WHERE id = ?')
    .get(customerId) as { shipTo: string | null; billState: string } | undefined;
  if (!row) return '';
  return row.shipTo ? ((JSON.parse(row.shipTo) as { stateCode?: string }).stateCode ?? row.billState) : row.billState;
}

/**
 * Checks a choice of parties for the sold-to customer and stores it normalised: naming the sold-to itself is the
 * same as naming nobody (null). Throws the first problem against its field; writes nothing.
 */
export function checkParties<T extends PartyChoice>(ctx: EngineContext, soldToId: number, choice: T): T {
  // Nobody named (the common order): nothing to read or check.
  if (Object.values(choice).every((v) => v === null || v === undefined)) return choice;
  const soldTo = ctx.ledger.sqlite
    .prepare('SELECT id, name, parent_id AS parentId FROM customers WHERE id = ?')
    .get(soldToId) as { id: number; name: string; parentId: number | null } | undefined;
  return checkPartiesOf(ctx, soldTo ?? { id: soldToId, name: 'this customer', parentId: null }, choice);
}

/** checkParties for a sold-to as the caller has it (a customer being created or re-mapped). */
export function checkPartiesOf<T extends PartyChoice>(
  ctx: EngineContext,
  soldTo: { id: number; name: string; parentId: number | null },
  choice: T,
): T {
  const soldToId = soldTo.id;
  const { sqlite } = ctx.ledger;
  const ids = Object.values(choice).filter((v): v is number => typeof v === 'number');
  const found = new Map(
    (
      sqlite
        .prepare('SELECT id, name, status FROM customers WHERE id IN (SELECT value FROM json_each(?))')
        .all(JSON.stringify(ids)) as PartyCandidate[]
    ).map((c) => [c.id, c]),
  );
  const problem = partyProblems(soldTo, choice, found);
  if (problem[0]) throw invalid(problem[0].message, problem[0].field);
  const normal = { ...choice };
  for (const key of Object.keys(normal) as (keyof PartyChoice)[])
    if (normal[key] === soldToId) (normal as PartyChoice)[key] = null;
  return normal;
}

/** The order's (or invoice's) stored parties, the sold-to filled in where none is named, as screens show them. */
export function partiesInEffect(
  ctx: EngineContext,
  soldToId: number,
  stored: { billToId: number | null; shipToId: number | null; payerId: number | null; endBuyerId: number | null },
): Parties {
  const get = ctx.ledger.sqlite.prepare(
    'SELECT id, code, name, bill_state_code AS stateCode, ship_to AS shipTo FROM customers WHERE id = ?',
  );
  const read = (partyId: number): Party => {
    const row = get.get(partyId) as Party & { shipTo: string | null };
    return { id: row.id, code: row.code, name: row.name, stateCode: row.stateCode };
  };
  const shipTo = read(stored.shipToId ?? soldToId);
  return {
    billTo: read(stored.billToId ?? soldToId),
    // The ship-to's state is where the goods go: its ship-to address when it has one.
    shipTo: { ...shipTo, stateCode: placeOfSupplyOf(ctx, shipTo.id) },
    payer: read(stored.payerId ?? soldToId),
    endBuyer: stored.endBuyerId === null ? null : read(stored.endBuyerId),
  };
}
