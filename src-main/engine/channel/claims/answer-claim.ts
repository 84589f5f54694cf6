import type { Claim } from '../../../../src-shared/contract/channel-claims';
import { formatMoney } from '../../../../src-shared/money';
import { recordAudit } from '../../audit';
import { businessToday } from '../../business-date';
import type { EngineContext } from '../../context';
import { conflict, invalid } from '../../errors';
import { postSupplierEntry } from '../../payables/supplier-entry';
import { publishClaimEvent } from './claim-events';
import { claimAt } from './claim-life';
import { getClaim } from './claim-view';

interface AnswerInput {
  id: number;
  version: number;
  outcome: 'accepted' | 'partly_accepted' | 'rejected';
  acceptedAmount?: number | undefined;
  lines: { lineId: number; acceptedAmount: number }[];
  reason: string;
  brandReference: string;
  answeredOn?: string | undefined;
}

function answerDate(ctx: EngineContext, claim: Claim, day: string | undefined, field: string): string {
  const today = businessToday(ctx);
  const on = day ?? today;
  if (on > today) throw invalid('The date cannot be in the future', field);
  if (claim.filedOn && on < claim.filedOn) throw invalid(`The date cannot be before the claim was filed`, field);
  return on;
}

/** What the brand accepted: all of it, nothing, or part (the lines' figures when given, else one amount). */
function acceptedOf(claim: Claim, input: AnswerInput): number {
  if (input.outcome === 'accepted') return claim.amount;
  if (input.outcome === 'rejected') {
    if (!input.reason) throw invalid('Say why the brand rejected the claim', 'reason');
    return 0;
  }
  if (!input.reason) throw invalid('Say why the brand cut the claim', 'reason');
  input.lines.forEach((l, i) => {
    const line = claim.lines.find((c) => c.id === l.lineId);
    if (!line) throw invalid(`Line ${l.lineId} is not on this claim`, `lines.${i}.lineId`);
    if (l.acceptedAmount > line.amount)
      throw invalid(`Line ${line.lineNo} claims ${formatMoney(line.amount)}; more cannot be accepted`, `lines.${i}`);
  });
  const fromLines = input.lines.reduce((sum, l) => sum + l.acceptedAmount, 0);
  const accepted = input.acceptedAmount ?? fromLines;
  if (input.lines.length > 0 && input.acceptedAmount !== undefined && input.acceptedAmount !== fromLines)
    throw invalid(`The lines add up to ${formatMoney(fromLines)}, not ${formatMoney(accepted)}`, 'acceptedAmount');
  if (accepted <= 0)
    throw invalid('A partly accepted claim accepts more than ₹0.00; else it is rejected', 'acceptedAmount');
  if (accepted >= claim.amount)
    throw invalid(`Partly accepted is less than the ${formatMoney(claim.amount)} claimed`, 'acceptedAmount');
  return accepted;
}

/** The brand's answer to a filed claim. It moves no money: the brand's credit note does, when it settles. */
export function answerClaim(ctx: EngineContext, input: AnswerInput): Claim {
  const claim = claimAt(ctx, input.id, input.version);
  if (claim.status !== 'filed')
    throw conflict(`${claim.number ?? `Claim ${claim.id}`} is ${claim.status}: only a filed claim is answered`, 'id');
  const accepted = acceptedOf(claim, input);
  const answeredOn = answerDate(ctx, claim, input.answeredOn, 'answeredOn');
  const { sqlite } = ctx.ledger;
  for (const l of input.outcome === 'partly_accepted' ? input.lines : [])
    sqlite.prepare('UPDATE claim_lines SET accepted_amount = ? WHERE id = ?').run(l.acceptedAmount, l.lineId);
  sqlite
    .prepare(
      `UPDATE claims SET status = ?, accepted_amount = ?, answer_reason = ?, brand_reference = ?, answered_on = ?,
         version = version + 1 WHERE id = ?`,
    )
    .run(input.outcome, accepted, input.reason, input.brandReference, answeredOn, claim.id);
  recordAudit(ctx, 'answer', 'claim', claim.id, { number: claim.number, outcome: input.outcome, accepted });
  const answered = getClaim(ctx, claim.id);
  publishClaimEvent(ctx, 'claim.answered', answered);
  return answered;
}

/**
 * The brand's credit note settles an accepted claim: like a debit note it lowers what the distributor owes the
 * brand, so the brand's account is debited by the credit note's amount (never more than was accepted).
 */
export function settleClaim(
  ctx: EngineContext,
  input: { id: number; version: number; creditNoteNumber: string; amount: number; settledOn?: string | undefined },
): Claim {
  const claim = claimAt(ctx, input.id, input.version);
  if (claim.status !== 'accepted' && claim.status !== 'partly_accepted')
    throw conflict(
      `${claim.number ?? `Claim ${claim.id}`} is ${claim.status}: only an accepted claim is settled`,
      'id',
    );
  const accepted = claim.acceptedAmount ?? 0;
  if (input.amount > accepted)
    throw invalid(`The brand accepted ${formatMoney(accepted)}; the credit note cannot settle more`, 'amount');
  const settledOn = answerDate(ctx, claim, input.settledOn, 'settledOn');
  if (claim.answeredOn && settledOn < claim.answeredOn)
    throw invalid('The claim cannot be settled before the brand answered it', 'settledOn');
  const { sqlite } = ctx.ledger;
  sqlite
    .prepare(
      `UPDATE claims SET status = 'settled', settled_amount = ?, brand_credit_note = ?, settled_on = ?,
         version = version + 1 WHERE id = ?`,
    )
    .run(input.amount, input.creditNoteNumber, settledOn, claim.id);
  postSupplierEntry(ctx, {
    ...{ supplierId: claim.supplierId, date: settledOn, kind: 'brand_credit', documentType: 'claim' },
    ...{ documentId: claim.id, number: input.creditNoteNumber, debit: input.amount, credit: 0 },
    narration: `Credit note ${input.creditNoteNumber} settles claim ${claim.number}`,
  });
  recordAudit(ctx, 'settle', 'claim', claim.id, { number: claim.number, amount: input.amount });
  const settled = getClaim(ctx, claim.id);
  publishClaimEvent(ctx, 'claim.settled', settled);
  return settled;
}
