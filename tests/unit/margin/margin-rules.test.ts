import { describe, expect, it } from 'vitest';
import {
  assessBillMargin,
  costOfIssue,
  costReturned,
  sumMargin,
  withoutCost,
} from '../../../src-main/engine/margin/margin-rules';

describe('margin rules', () => {
  it('a sale’s cost is what its issue took out of stock value; nothing taken out is unknown, not free', () => {
    expect(costOfIssue(-60_00, 10)).toBe(60_00);
    expect(costOfIssue(0, 10)).toBeNull();
  });

  it('returns take back shares of the cost that add up to the whole', () => {
    const parts = [costReturned(100_00, 3, 0, 1), costReturned(100_00, 3, 1, 1), costReturned(100_00, 3, 2, 1)];
    expect(parts).toEqual([33_33, 33_34, 33_33]);
    expect(parts.reduce((a, b) => a + b, 0)).toBe(100_00);
  });

  it('leaves lines of unknown cost out of margin and margin %, and counts them', () => {
    expect(
      sumMargin([
        { taxable: 100_00, cost: 60_00 },
        { taxable: 50_00, cost: null },
      ]),
    ).toEqual({ sales: 100_00, cost: 60_00, margin: 40_00, marginBps: 4000, unknownLines: 1 });
    expect(sumMargin([{ taxable: 50_00, cost: null }]).marginBps).toBeNull();
  });

  it('marks paid lines under cost; free goods count against the bill but are never marked themselves', () => {
    const bill = assessBillMargin([
      { lineNo: 1, sku: 'A', quantity: 5, taxable: 50_00, isFree: false, cost: 60_00 },
      { lineNo: 2, sku: 'B', quantity: 5, taxable: 100_00, isFree: false, cost: 70_00 },
      { lineNo: 3, sku: 'C', quantity: 1, taxable: 0, isFree: true, cost: 25_00 },
    ]);
    expect(bill.lines.map((l) => l.belowCost)).toEqual([true, false, false]);
    expect(bill.figures.margin).toBe(-5_00);
    expect(bill.negative).toBe(true);
    expect(bill.reason).toBe(
      'Bill sells ₹5.00 below cost: line 1 A ₹10.00 below cost, line 3 C ₹25.00 below cost (free goods)',
    );
    expect(withoutCost(bill.reason!)).toBe('Price below cost: needs manager');
    expect(withoutCost('Sharma Traders is on hold')).toBe('Sharma Traders is on hold');
  });

  it('a bill whose lines all lack a cost is never negative', () => {
    const bill = assessBillMargin([{ lineNo: 1, sku: 'A', quantity: 1, taxable: 10_00, isFree: false, cost: null }]);
    expect(bill).toMatchObject({ negative: false, reason: null });
  });
});
