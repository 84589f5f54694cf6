import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lineAmounts } from '../../../src-main/engine/pricing/line-amounts';
import { spreadProportionally } from '../../../src-main/engine/pricing/spread';

describe('line amounts', () => {
  it('adds tax on the taxable value, rounding once per line', () => {
    // 3 × ₹0.33 at 18%: 99 paise taxable, tax 17.82 → 18 paise
    expect(
      lineAmounts({ quantity: 3, unitPrice: 33, taxInclusive: false, taxRate: 1800, discount: 0, intraState: false }),
    ).toEqual({
      gross: 99,
      discount: 0,
      taxable: 99,
      cgst: 0,
      sgst: 0,
      igst: 18,
      tax: 18,
      total: 117,
    });
    // within the state each half is rounded on its own: 8.91 → 9 + 9
    expect(
      lineAmounts({ quantity: 3, unitPrice: 33, taxInclusive: false, taxRate: 1800, discount: 0, intraState: true }),
    ).toMatchObject({ cgst: 9, sgst: 9, tax: 18, total: 117 });
  });

  it('backs the tax out of a tax-inclusive price', () => {
    // ₹118.00 inclusive of 18% → ₹100.00 + ₹18.00
    expect(
      lineAmounts({ quantity: 1, unitPrice: 11800, taxInclusive: true, taxRate: 1800, discount: 0, intraState: true }),
    ).toEqual({
      gross: 10000,
      discount: 0,
      taxable: 10000,
      cgst: 900,
      sgst: 900,
      igst: 0,
      tax: 1800,
      total: 11800,
    });
    // ₹10.00 inclusive of 5%: 952.38 → 952 taxable, 48 tax
    expect(
      lineAmounts({ quantity: 1, unitPrice: 1000, taxInclusive: true, taxRate: 500, discount: 0, intraState: false }),
    ).toMatchObject({ taxable: 952, igst: 48, tax: 48, total: 1000 });
  });

  it('never discounts below zero', () => {
    expect(
      lineAmounts({ quantity: 1, unitPrice: 100, taxInclusive: false, taxRate: 1800, discount: 500, intraState: true }),
    ).toMatchObject({ discount: 100, taxable: 0, tax: 0, total: 0 });
  });

  it('always has taxable = gross − discount, total = taxable + tax, and an inclusive total = price × qty − discount', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10_000 }),
        fc.integer({ min: 0, max: 1_000_000 }),
        fc.constantFrom(0, 25, 300, 500, 1200, 1800, 2800),
        fc.boolean(),
        fc.integer({ min: 0, max: 100_000 }),
        fc.boolean(),
        (quantity, unitPrice, taxRate, taxInclusive, discount, intraState) => {
          const a = lineAmounts({ quantity, unitPrice, taxInclusive, taxRate, discount, intraState });
          expect(a.taxable).toBe(a.gross - a.discount);
          expect(a.tax).toBe(a.cgst + a.sgst + a.igst);
          expect(a.total).toBe(a.taxable + a.tax);
          expect(a.total).toBeGreaterThanOrEqual(0);
          expect(a.discount).toBeGreaterThanOrEqual(0);
          if (taxInclusive) expect(a.total).toBe(unitPrice * quantity - Math.min(discount, unitPrice * quantity));
          if (taxInclusive && discount === 0) expect(a.discount).toBe(0);
          if (!intraState) expect(a.cgst + a.sgst).toBe(0);
          else expect(Math.abs(a.cgst - a.sgst)).toBeLessThanOrEqual(taxInclusive ? 1 : 0);
        },
      ),
    );
  });
});

describe('spreading an order discount over lines', () => {
  it('gives each line its share in whole paise', () => {
    expect(spreadProportionally(100, [1, 1, 1])).toEqual([34, 33, 33]);
    expect(spreadProportionally(1000, [3000, 1000])).toEqual([750, 250]);
    expect(spreadProportionally(5, [0, 0])).toEqual([0, 0]);
  });

  it('always adds up exactly, however large', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1e12 }),
        fc.array(fc.integer({ min: 0, max: 1e12 }), { minLength: 1, maxLength: 30 }),
        (amount, weights) => {
          const parts = spreadProportionally(amount, weights);
          const total = weights.reduce((s, w) => s + w, 0);
          expect(parts.reduce((s, p) => s + p, 0)).toBe(total === 0 ? 0 : amount);
          parts.forEach((p) => expect(p).toBeGreaterThanOrEqual(0));
        },
      ),
    );
  });
});
