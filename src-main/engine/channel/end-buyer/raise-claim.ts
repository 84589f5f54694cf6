import { recordAudit } from '../../audit';
import type { EngineContext } from '../../context';
import { invalid, notFound } from '../../errors';
import { draftClaim } from '../claims/draft-claim';

interface NetAccrual {
  agreementLineId: number;
  /** the group's first row: a claim line's source, claimed once because the row is marked with its claim */
  firstId: number;
  productId: number;
  number: string;
  sku: string;
  endBuyerName: string;
  quantity: number;
  amount: number;
  ids: string;
}

/**
 * "Raise ship-and-debit claim": the brand's unclaimed accruals dated in the period, netted per agreement line (a
 * return offsets its sale, even one already claimed), become one draft claim with a line per agreement line that
 * nets to money owed. Those rows are marked with the claim and never claimed again; a line that nets to nothing or
 * less (a return after its sale was claimed) stays unclaimed and offsets the next claim.
 */
export function raiseShipAndDebitClaim(
  ctx: EngineContext,
  input: { supplierId: number; from: string; to: string },
): { claimId: number | null; amount: number; lines: number } {
  const { sqlite } = ctx.ledger;
  if (input.to < input.from) throw invalid('The period must end on or after it starts', 'to');
  if (!sqlite.prepare('SELECT 1 FROM suppliers WHERE id = ?').get(input.supplierId))
    throw notFound(`Brand (supplier) ${input.supplierId}`, 'supplierId');
  const nets = sqlite
    .prepare(
      `SELECT x.agreement_line_id AS agreementLineId, min(x.id) AS firstId, l.product_id AS productId, a.number,
              p.sku, c.name AS endBuyerName, sum(x.quantity) AS quantity, sum(x.amount) AS amount,
              json_group_array(x.id) AS ids
       FROM ship_and_debit_accruals x JOIN end_buyer_agreement_lines l ON l.id = x.agreement_line_id
         JOIN end_buyer_agreements a ON a.id = l.agreement_id JOIN products p ON p.id = l.product_id
         JOIN customers c ON c.id = a.end_buyer_id
       WHERE a.supplier_id = ? AND x.claim_id IS NULL AND x.accrued_on BETWEEN ? AND ?
       GROUP BY x.agreement_line_id HAVING sum(x.amount) > 0
       ORDER BY a.number, p.sku`,
    )
    .all(input.supplierId, input.from, input.to) as NetAccrual[];
  if (nets.length === 0) return { claimId: null, amount: 0, lines: 0 };
  const claim = draftClaim(ctx, {
    supplierId: input.supplierId,
    kind: 'ship_and_debit',
    periodFrom: input.from,
    periodTo: input.to,
    notes: `Ship-and-debit accruals ${input.from} to ${input.to}`,
    lines: nets.map((n) => ({
      sourceKind: 'ship_and_debit_accrual',
      sourceId: n.firstId,
      productId: n.productId,
      quantity: n.quantity,
      amount: n.amount,
      description: `${n.number}: ${n.sku} to ${n.endBuyerName}`,
    })),
  });
  const mark = sqlite.prepare(
    'UPDATE ship_and_debit_accruals SET claim_id = ? WHERE id IN (SELECT value FROM json_each(?))',
  );
  for (const n of nets) mark.run(claim.id, n.ids);
  recordAudit(ctx, 'raise', 'ship_and_debit_claim', claim.id, { supplierId: input.supplierId, amount: claim.amount });
  return { claimId: claim.id, amount: claim.amount, lines: nets.length };
}
