import { formatMoney } from '../../../../src-shared/money';
import { recordAudit } from '../../audit';
import { postCreditNote } from '../../billing/credit-notes';
import { businessToday } from '../../business-date';
import type { EngineContext } from '../../context';
import { conflict } from '../../errors';
import { draftClaim } from '../claims/draft-claim';
import { insertEntry } from './rebate-accrual';
import { rateText, rebateEarned, spread } from './rebate-rules';
import { beneficiaries, LINE_COUNTS, loadAgreement, standing, type AgreementRow } from './rebate-terms';

export interface SettlementResult {
  id: number;
  customerId: number;
  earned: number;
  accrued: number;
  difference: number;
  rate: number;
  creditNotes: { id: number; number: string; total: number }[];
  claimId: number | null;
  explanation: string;
}

/** The lines a customer's rebate is credited on: what is left of each (after credit notes) of its accrued invoices. */
function linesToCredit(ctx: EngineContext, a: AgreementRow, customerId: number) {
  return ctx.ledger.sqlite
    .prepare(
      `SELECT il.id, il.invoice_id AS invoiceId,
              il.taxable - coalesce((SELECT sum(cl.taxable) FROM credit_note_lines cl
                                     WHERE cl.invoice_line_id = il.id), 0) AS taxable
       FROM invoice_lines il JOIN products p ON p.id = il.product_id JOIN invoices i ON i.id = il.invoice_id
       JOIN rebate_agreements a ON a.id = ?
       WHERE i.status = 'posted' AND ${LINE_COUNTS}
         AND il.invoice_id IN (SELECT invoice_id FROM rebate_entries
                               WHERE agreement_id = ? AND customer_id = ? AND kind = 'accrual')
       ORDER BY il.invoice_id, il.id`,
    )
    .all(a.id, a.id, customerId) as { id: number; invoiceId: number; taxable: number }[];
}

/**
 * Settles one customer at the actual tier once the period is over. The rebate is agreed before the sale and linked to
 * the period's invoices, so it reduces their taxable value with GST (CGST Act s.15(3)(b), s.34): one rebate credit note
 * per invoice, the rebate spread over its lines by what is left of their taxable value. The accrual is released and
 * the difference (earned − accrued) is what the settlement books on top. A brand-funded rebate raises a claim.
 */
function settleCustomer(ctx: EngineContext, a: AgreementRow, customerId: number, today: string): SettlementResult {
  const { sqlite } = ctx.ledger;
  const now = standing(ctx, a.id, customerId);
  const earned = rebateEarned(a, now);
  const lines = linesToCredit(ctx, a, customerId).filter((l) => l.taxable > 0);
  const parts = spread(
    earned.amount,
    lines.map((l) => l.taxable),
  );
  const creditNotes: SettlementResult['creditNotes'] = [];
  for (const invoiceId of new Set(lines.map((l) => l.invoiceId))) {
    const mine = lines
      .map((l, i) => ({ invoiceLineId: l.id, quantity: 0, restock: 'sellable' as const, taxable: parts[i]! }))
      .filter((l, i) => lines[i]!.invoiceId === invoiceId && l.taxable > 0);
    if (mine.length === 0) continue;
    const reason = `Rebate ${a.code} ${a.periodFrom} to ${a.periodTo} at ${rateText(a, earned.rate)}`;
    const note = postCreditNote(ctx, { invoiceId, kind: 'rebate', reason, lines: mine });
    creditNotes.push({ id: note.id, number: note.number, total: note.total });
  }
  if (now.accrued !== 0) {
    insertEntry(ctx, { agreementId: a.id, customerId, kind: 'release', amount: -now.accrued, entryDate: today });
  }
  const { id } = sqlite
    .prepare(
      `INSERT INTO rebate_settlements (agreement_id, customer_id, settled_on, achieved_value, achieved_units, rate,
         earned, accrued, credit_note_ids, settled_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
    )
    .get(
      a.id,
      customerId,
      today,
      now.value,
      now.units,
      earned.rate,
      earned.amount,
      now.accrued,
      JSON.stringify(creditNotes.map((n) => n.id)),
      ctx.actor?.id ?? null,
    ) as { id: number };
  let claimId: number | null = null;
  if (a.fundedBy !== null && earned.amount > 0) {
    claimId = draftClaim(ctx, {
      supplierId: a.fundedBy,
      kind: 'rebate',
      periodFrom: a.periodFrom,
      periodTo: a.periodTo,
      notes: `Rebate ${a.code} (${a.name})`,
      lines: [{ sourceKind: 'rebate_settlement', sourceId: id, amount: earned.amount, description: a.name }],
    }).id;
    sqlite.prepare('UPDATE rebate_settlements SET claim_id = ? WHERE id = ?').run(claimId, id);
  }
  const difference = earned.amount - now.accrued;
  const explanation =
    `Earned ${formatMoney(earned.amount)} at ${earned.rate ? rateText(a, earned.rate) : 'no tier'}; ` +
    `accrued ${formatMoney(now.accrued)} released; difference ${formatMoney(difference)}`;
  recordAudit(ctx, 'rebate.settle', 'rebate_settlement', id, { agreement: a.code, customerId, explanation });
  return {
    id,
    customerId,
    earned: earned.amount,
    accrued: now.accrued,
    difference,
    rate: earned.rate,
    creditNotes,
    claimId,
    explanation,
  };
}

/** Settles every customer of an agreement whose period is over, and closes it. */
export function settleRebateAgreement(ctx: EngineContext, input: { id: number }): SettlementResult[] {
  const a = loadAgreement(ctx, input.id);
  const today = businessToday(ctx);
  if (a.status === 'settled') throw conflict(`Rebate ${a.code} is already settled`, 'id');
  if (today <= a.periodTo) throw conflict(`Rebate ${a.code} runs to ${a.periodTo}; settle it from the day after`, 'id');
  const results = beneficiaries(ctx, a.id).map((customerId) => settleCustomer(ctx, a, customerId, today));
  ctx.ledger.sqlite
    .prepare("UPDATE rebate_agreements SET status = 'settled', version = version + 1 WHERE id = ?")
    .run(a.id);
  return results;
}
