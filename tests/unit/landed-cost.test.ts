import { describe, expect, it } from 'vitest';
import { landedCost, tds194q, financialYearOf } from '../../src-main/engine/purchasing/landed-cost';

const line = (quantity: number, rate: number, taxRate = 1800, discountBps = 0, discountAmount = 0) => ({
  quantity,
  rate,
  taxRate,
  discountBps,
  discountAmount,
});

describe('landed cost of the brand’s invoice', () => {
  it('spreads charges by value and the last line takes what rounding left', () => {
    // three equal lines share ₹1.00: 33.33 + 33.33 + 33.34
    const { lines, totals } = landedCost([line(1, 10_00), line(1, 10_00), line(1, 10_00)], 1_00, true);
    expect(lines.map((l) => l.charges)).toEqual([33, 33, 34]);
    expect(totals.charges).toBe(1_00);
    expect(totals.taxable).toBe(31_00);
  });

  it('works GST on the landed value: halves within the state, full rate across', () => {
    const intra = landedCost([line(3, 3_33, 1200)], 0, true).lines[0]!;
    // 6% of 9.99 = 0.5994 → 0.60 each
    expect(intra).toMatchObject({ taxable: 9_99, cgst: 60, sgst: 60, igst: 0, total: 11_19 });
    const inter = landedCost([line(3, 3_33, 1200)], 0, false).lines[0]!;
    // 12% of 9.99 = 1.1988 → 1.20
    expect(inter).toMatchObject({ cgst: 0, sgst: 0, igst: 1_20, total: 11_19 });
  });

  it('takes the percentage discount first, then the flat one, and refuses a discount beyond the value', () => {
    const l = landedCost([line(10, 1_05, 0, 250, 50)], 0, true).lines[0]!;
    // 10.50 less 2.5% (0.2625 → 0.26) less 0.50 = 9.74
    expect(l).toMatchObject({ gross: 10_50, discount: 76, taxable: 9_74 });
    expect(() => landedCost([line(1, 1_00, 0, 0, 1_01)], 0, true)).toThrow(/more than the line's value/);
  });

  it('cannot spread charges over lines worth nothing', () => {
    expect(() => landedCost([line(5, 0)], 10_00, true)).toThrow(/worth nothing/);
    expect(landedCost([line(5, 0)], 0, true).totals.total).toBe(0);
  });
});

describe('TDS under 194Q', () => {
  it('is 0.1% of the part past ₹50 lakh in the year', () => {
    expect(tds194q(0, 50_00_000_00)).toEqual({ liable: 0, tds: 0 });
    expect(tds194q(49_00_000_00, 3_00_000_00)).toEqual({ liable: 2_00_000_00, tds: 200_00 });
    expect(tds194q(60_00_000_00, 5_00)).toEqual({ liable: 5_00, tds: 1 });
  });

  it('runs April to March', () => {
    expect(financialYearOf('2026-03-31')).toEqual({ from: '2025-04-01', to: '2026-03-31' });
    expect(financialYearOf('2026-04-01')).toEqual({ from: '2026-04-01', to: '2027-03-31' });
  });
});
