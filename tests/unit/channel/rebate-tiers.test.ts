import { describe, expect, it } from 'vitest';
import { postCreditNote } from '../../../src-main/engine/billing/credit-notes';
import { saveRebateAgreement } from '../../../src-main/engine/channel/rebates/rebate-agreements';
import { reestimateRebates } from '../../../src-main/engine/channel/rebates/reestimate-rebates';
import { settleRebateAgreement } from '../../../src-main/engine/channel/rebates/settle-rebate';
import { standing } from '../../../src-main/engine/channel/rebates/rebate-terms';
import { rebateAgreementFields } from '../../../src-shared/contract/channel-rebates';
import { rebateWorld } from './rebate-world';

const LAKH = 1_00_000_00; // paise

describe('a retroactive three-tier rebate over a 30-day period (hand-worked)', () => {
  it('accrues at the projected tier, trues up as the period runs, and settles at the actual tier', () => {
    const w = rebateWorld('2026-11-01');
    const { sqlite } = w.ctx.ledger;
    const buyer = w.customer('RT0001');
    const a = saveRebateAgreement(
      w.ctx,
      rebateAgreementFields.parse({
        code: 'RB-NOV',
        name: 'November volume rebate',
        customerId: buyer,
        periodFrom: '2026-11-01',
        periodTo: '2026-11-30',
        basis: 'value',
        rateKind: 'bps',
        method: 'retroactive',
        fundedBy: w.brand,
        tiers: [
          { threshold: 1 * LAKH, rate: 100 },
          { threshold: 2 * LAKH, rate: 200 },
          { threshold: 3 * LAKH, rate: 300 },
        ],
      }),
    );
    const accrued = () => standing(w.ctx, a.id, buyer).accrued;

    // Day 5: ₹60,000 billed. Pace 60,000 ÷ 5 days × 30 days = ₹3,60,000 → 3% tier: 3% × 60,000 = ₹1,800.
    w.on('2026-11-05');
    const first = w.sell(buyer, 600);
    expect(sqlite.prepare('SELECT taxable FROM invoices WHERE id = ?').get(first)).toEqual({ taxable: 60_000_00 });
    expect(accrued()).toBe(1_800_00);

    // Day 15, nothing more: pace 60,000 ÷ 15 × 30 = ₹1,20,000 → 1%: 1% × 60,000 = ₹600, a true-up of −₹1,200.
    w.on('2026-11-15');
    const [trueUp] = reestimateRebates(w.ctx, w.ctx.now());
    expect(trueUp).toMatchObject({ accruedBefore: 1_800_00, accrued: 600_00, amount: -1_200_00 });
    expect(accrued()).toBe(600_00);
    expect(reestimateRebates(w.ctx, w.ctx.now())).toEqual([]); // the same day again books nothing

    // Day 25: ₹1,70,000 billed. Achieved 2,30,000; pace 2,30,000 ÷ 25 × 30 = ₹2,76,000 → 2%: ₹4,600 should stand;
    // this invoice's share is 4,600 × 1,70,000 ÷ 2,30,000 = ₹3,400 (accrued 600 + 3,400 = ₹4,000 until re-estimated).
    w.on('2026-11-25');
    const second = w.sell(buyer, 1_700);
    expect(accrued()).toBe(4_000_00);

    // Day 28: 100 units (₹10,000) of the second invoice come back: that invoice's accrual shrinks by
    // 3,400 × 10,000 ÷ 1,70,000 = ₹200; achieved ₹2,20,000, accrued ₹3,800.
    w.on('2026-11-28');
    const line = sqlite.prepare('SELECT id FROM invoice_lines WHERE invoice_id = ?').get(second) as { id: number };
    postCreditNote(w.ctx, {
      invoiceId: second,
      kind: 'return',
      reason: 'slow stock',
      lines: [{ invoiceLineId: line.id, quantity: 100, restock: 'sellable', taxable: 0 }],
    });
    expect(standing(w.ctx, a.id, buyer)).toEqual({ value: 2_20_000_00, units: 2_200, accrued: 3_800_00 });

    // Before the period is over it cannot be settled.
    expect(() => settleRebateAgreement(w.ctx, { id: a.id })).toThrow(/runs to 2026-11-30/);

    // 1 December: actual ₹2,20,000 → 2% = ₹4,400 earned; accrual of ₹3,800 released; difference +₹600.
    // Credited over the invoices by what is left of their taxable value: 4,400 × 60,000 ÷ 2,20,000 = ₹1,200 on the
    // first, ₹3,200 on the second, each with 9% + 9% GST: ₹1,416.00 and ₹3,776.00.
    w.on('2026-12-01');
    const [settled] = settleRebateAgreement(w.ctx, { id: a.id });
    expect(settled).toMatchObject({ earned: 4_400_00, accrued: 3_800_00, difference: 600_00, rate: 200 });
    expect(settled!.creditNotes.map((n) => n.total)).toEqual([1_416_00, 3_776_00]);
    const notes = sqlite
      .prepare("SELECT invoice_id AS invoiceId, kind, taxable FROM credit_notes WHERE kind = 'rebate' ORDER BY id")
      .all();
    expect(notes).toEqual([
      { invoiceId: first, kind: 'rebate', taxable: 1_200_00 },
      { invoiceId: second, kind: 'rebate', taxable: 3_200_00 },
    ]);
    // HQ hears of them as rebates, not as returns that would reduce the secondary sales it counts.
    const published = sqlite
      .prepare(
        "SELECT json_extract(payload, '$.kind') AS kind FROM outbox_events WHERE type = 'credit-note.posted' ORDER BY seq",
      )
      .all();
    expect(published).toEqual([{ kind: 'sales-return' }, { kind: 'rebate' }, { kind: 'rebate' }]); // the ₹10,000 return first
    // The liability is gone, and the brand that funds it is claimed from for the ₹4,400.
    expect(sqlite.prepare('SELECT sum(amount) AS open FROM rebate_entries').get()).toEqual({ open: 0 });
    const claim = sqlite
      .prepare('SELECT kind, amount, supplier_id AS brand FROM claims WHERE id = ?')
      .get(settled!.claimId);
    expect(claim).toEqual({ kind: 'rebate', amount: 4_400_00, brand: w.brand });
    expect(() => settleRebateAgreement(w.ctx, { id: a.id })).toThrow(/already settled/);
  });
});
