import { describe, expect, it } from 'vitest';
import { saveRebateAgreement } from '../../../src-main/engine/channel/rebates/rebate-agreements';
import { channelLiabilities, accruedVsSettled } from '../../../src-main/engine/channel/rebates/rebate-reports';
import {
  allowanceStanding,
  rotationReturn,
  saveAllowance,
} from '../../../src-main/engine/channel/rebates/rotation-allowance';
import { allowanceFields, rebateAgreementFields } from '../../../src-shared/contract/channel-rebates';
import { rebateWorld } from './rebate-world';

function lineOf(w: ReturnType<typeof rebateWorld>, invoiceId: number) {
  return (
    w.ctx.ledger.sqlite.prepare('SELECT id FROM invoice_lines WHERE invoice_id = ?').get(invoiceId) as { id: number }
  ).id;
}

describe('stock rotation within a returns allowance', () => {
  it('takes slow stock back within the allowance and refuses a return over it with the figures', () => {
    const w = rebateWorld('2026-11-02');
    const { sqlite } = w.ctx.ledger;
    const buyer = w.customer('RT0001');
    // 5% of the period's purchases may come back: ₹24,000 bought → ₹1,200 allowance.
    saveAllowance(
      w.ctx,
      allowanceFields.parse({
        customerType: 'retailer',
        allowanceBps: 500,
        periodFrom: '2026-11-01',
        periodTo: '2027-01-31',
      }),
    );
    const invoiceId = w.sell(buyer, 240);
    const stockBefore = sqlite.prepare('SELECT sum(quantity) AS q FROM stock_movements').get();
    const notesBefore = sqlite.prepare('SELECT count(*) AS n FROM credit_notes').get();

    // 15 units = ₹1,500 is over: refused, nothing written.
    const over = () =>
      rotationReturn(w.ctx, {
        invoiceId,
        reason: 'not moving',
        lines: [{ invoiceLineId: lineOf(w, invoiceId), quantity: 15 }],
      });
    expect(over).toThrow('Stock rotation allowance ₹1,200.00 left, this return ₹1,500.00');
    expect(sqlite.prepare('SELECT sum(quantity) AS q FROM stock_movements').get()).toEqual(stockBefore);
    expect(sqlite.prepare('SELECT count(*) AS n FROM credit_notes').get()).toEqual(notesBefore);

    // 10 units = ₹1,000 fit: goods back into stock by a return credit note; ₹200 left.
    const taken = rotationReturn(w.ctx, {
      invoiceId,
      reason: 'not moving',
      lines: [{ invoiceLineId: lineOf(w, invoiceId), quantity: 10 }],
    });
    expect(taken).toMatchObject({ value: 1_000_00, left: 200_00 });
    expect(sqlite.prepare("SELECT sum(quantity) AS q FROM stock_movements WHERE kind = 'return'").get()).toEqual({
      q: 10,
    });
    expect(allowanceStanding(w.ctx, buyer, '2026-11-02')).toMatchObject({
      allowed: 1_200_00,
      used: 1_000_00,
      left: 200_00,
    });
  });
});

describe('channel liabilities', () => {
  it('shows open rebate accruals and rotation allowances per customer and brand, aged by accrual date', () => {
    const w = rebateWorld('2026-09-01');
    const buyer = w.customer('RT0001', { name: 'Sharma Traders' });
    saveAllowance(
      w.ctx,
      allowanceFields.parse({ customerId: buyer, allowanceBps: 200, periodFrom: '2026-09-01', periodTo: '2026-12-31' }),
    );
    saveRebateAgreement(
      w.ctx,
      rebateAgreementFields.parse({
        code: 'RB-Q3',
        name: 'Quarter rebate',
        customerId: buyer,
        periodFrom: '2026-09-01',
        periodTo: '2026-12-31',
        basis: 'volume',
        rateKind: 'per_unit',
        method: 'retroactive',
        fundedBy: w.brand,
        tiers: [{ threshold: 0, rate: 50 }],
      }),
    );
    w.sell(buyer, 100); // 1 Sep: ₹10,000; rebate ₹0.50/unit = ₹50; allowance 2% = ₹200
    w.on('2026-11-20');
    w.sell(buyer, 300); // 20 Nov: ₹30,000; rebate ₹150; allowance ₹600
    const byCustomer = channelLiabilities(w.ctx, 'customer');
    // 1 Sep is 80 days before 20 Nov (61–90); 20 Nov is today (0–30).
    expect(byCustomer.rows).toEqual([
      {
        group: 'Sharma Traders',
        kind: 'Rebate accrued',
        d0_30: 150_00,
        d31_60: 0,
        d61_90: 50_00,
        d90: 0,
        total: 200_00,
      },
      {
        group: 'Sharma Traders',
        kind: 'Rotation allowance',
        d0_30: 600_00,
        d31_60: 0,
        d61_90: 200_00,
        d90: 0,
        total: 800_00,
      },
    ]);
    const byBrand = channelLiabilities(w.ctx, 'brand');
    expect(byBrand.rows.map((r) => [r.group, r.kind, r.total])).toEqual([
      ['Sunrise', 'Rotation allowance', 800_00],
      ['Sunrise Foods', 'Rebate accrued', 200_00],
    ]);
    expect(accruedVsSettled(w.ctx).rows).toEqual([
      expect.objectContaining({ agreement: 'RB-Q3', achieved: 40_000_00, units: 400, accrued: 200_00, settled: null }),
    ]);
  });
});
