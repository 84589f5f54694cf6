import { describe, expect, it } from 'vitest';
import {
  expectedAccrual,
  projectBasis,
  rebateEarned,
  spread,
  termsProblem,
  type RebateTerms,
} from '../../../src-main/engine/channel/rebates/rebate-rules';

const LAKH = 1_00_000_00;
const terms = (changes: Partial<RebateTerms> = {}): RebateTerms => ({
  basis: 'value',
  rateKind: 'bps',
  method: 'retroactive',
  periodFrom: '2026-11-01',
  periodTo: '2026-11-30',
  tiers: [
    { threshold: 1 * LAKH, rate: 100 },
    { threshold: 2 * LAKH, rate: 200 },
    { threshold: 3 * LAKH, rate: 300 },
  ],
  ...changes,
});

describe('rebate rules', () => {
  it('projects the period at its pace, counting the first day as day 1, and stops at the last day', () => {
    expect(projectBasis(terms(), 60_000_00, '2026-11-05')).toBe(3_60_000_00);
    expect(projectBasis(terms(), 60_000_00, '2026-11-01')).toBe(18_00_000_00);
    expect(projectBasis(terms(), 60_000_00, '2026-12-10')).toBe(60_000_00);
  });

  it('pays incremental tiers on the slice above each threshold', () => {
    // ₹2,50,000: nothing on the first lakh, 1% of the second (₹1,000), 2% of the last ₹50,000 (₹1,000).
    const t = terms({ method: 'incremental' });
    expect(rebateEarned(t, { value: 2_50_000_00, units: 0 })).toEqual({ amount: 2_000_00, rate: 200 });
    expect(rebateEarned(terms(), { value: 2_50_000_00, units: 0 })).toEqual({ amount: 5_000_00, rate: 200 });
    expect(rebateEarned(t, { value: 99_999_99, units: 0 })).toEqual({ amount: 0, rate: 0 });
  });

  it('accrues an incremental rebate at the projected period’s average rate', () => {
    // Day 10 of 30, ₹1,00,000 achieved → ₹3,00,000 projected: 1% of 1L + 2% of 1L = ₹3,000 on 3L, a third of it now.
    const e = expectedAccrual(terms({ method: 'incremental' }), { value: 1 * LAKH, units: 0 }, '2026-11-10');
    expect(e).toMatchObject({ projected: 3 * LAKH, rate: 300, amount: 1_000_00 });
    expect(e.explanation).toContain('projected ₹3,00,000.00');
  });

  it('spreads an amount over weights so the parts add up to the whole', () => {
    expect(spread(100, [1, 1, 1])).toEqual([33, 34, 33]);
    expect(spread(4_400_00, [60_000_00, 1_60_000_00])).toEqual([1_200_00, 3_200_00]);
  });

  it('names the field of terms that cannot work', () => {
    expect(termsProblem(terms({ periodTo: '2026-10-01' }))?.field).toBe('periodTo');
    const tiers = [
      { threshold: 5, rate: 1 },
      { threshold: 5, rate: 2 },
    ];
    expect(termsProblem(terms({ tiers }))?.field).toBe('tiers.1.threshold');
    expect(termsProblem(terms({ method: 'incremental', rateKind: 'per_unit' }))?.field).toBe('rateKind');
  });
});
