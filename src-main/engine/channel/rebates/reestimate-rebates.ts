import { formatMoney } from '../../../../src-shared/money';
import { recordAudit } from '../../audit';
import { businessDate } from '../../business-date';
import type { EngineContext } from '../../context';
import { insertEntry } from './rebate-accrual';
import { expectedAccrual } from './rebate-rules';
import { beneficiaries, loadAgreement, standing } from './rebate-terms';

export interface TrueUp {
  agreementId: number;
  customerId: number;
  accruedBefore: number;
  accrued: number;
  amount: number;
  explanation: string;
}

/**
 * Re-projects each running agreement's tier from what each customer achieved by `today` and books the true-up (a
 * positive or negative row) so that accrued = the projected tier's rebate on what was achieved. Idempotent: a second
 * run on the same day finds nothing to book. Settled customers and agreements are left alone.
 */
export function reestimateRebates(ctx: EngineContext, now: Date, agreementId: number | null = null): TrueUp[] {
  const today = businessDate(ctx, now);
  const ids = (
    ctx.ledger.sqlite
      .prepare(
        `SELECT id FROM rebate_agreements WHERE status = 'active' AND period_from <= ? AND (? IS NULL OR id = ?)
         ORDER BY id`,
      )
      .all(today, agreementId, agreementId) as { id: number }[]
  ).map((r) => r.id);
  const booked: TrueUp[] = [];
  const settled = ctx.ledger.sqlite.prepare(
    'SELECT 1 FROM rebate_settlements WHERE agreement_id = ? AND customer_id = ?',
  );
  for (const id of ids) {
    const terms = loadAgreement(ctx, id);
    const asOf = today < terms.periodTo ? today : terms.periodTo;
    for (const customerId of beneficiaries(ctx, id)) {
      if (settled.get(id, customerId)) continue;
      const now = standing(ctx, id, customerId);
      const expected = expectedAccrual(terms, now, asOf);
      const amount = expected.amount - now.accrued;
      if (amount === 0) continue;
      const entryId = insertEntry(ctx, {
        agreementId: id,
        customerId,
        kind: 'true_up',
        amount,
        rate: expected.rate,
        projected: expected.projected,
        entryDate: today,
        note: expected.explanation,
      });
      recordAudit(ctx, 'rebate.true_up', 'rebate_entry', entryId, {
        agreement: terms.code,
        customerId,
        amount,
        explanation: `${expected.explanation} (was ${formatMoney(now.accrued)})`,
      });
      booked.push({
        agreementId: id,
        customerId,
        accruedBefore: now.accrued,
        accrued: expected.amount,
        amount,
        explanation: expected.explanation,
      });
    }
  }
  return booked;
}
