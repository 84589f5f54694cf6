import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { documentTotals } from '../../../src-main/engine/pricing/document-totals';
import { deliveredAmounts, lineAmounts, priceBasisDiscount } from '../../../src-main/engine/pricing/line-amounts';
import { formatUnitRate } from '../../../src-shared/money';

const lineArb = fc.record({
  quantity: fc.integer({ min: 1, max: 5_000 }),
  unitPrice: fc.integer({ min: 0, max: 500_000 }),
  taxInclusive: fc.boolean(),
  taxRate: fc.constantFrom(0, 25, 300, 500, 1200, 1800, 2800),
  discount: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 2_000_000 })),
  isFree: fc.boolean(),
});

describe('an order and its invoice are one computation', () => {
  it('Σ line totals + round-off = quote total = the invoice of the whole delivery, to the paisa', () => {
    fc.assert(
      fc.property(fc.array(lineArb, { minLength: 1, maxLength: 12 }), fc.boolean(), (raw, intraState) => {
        const lines = raw.map((l) => ({
          ...l,
          taxInclusive: l.taxInclusive && !l.isFree,
          discount: l.isFree ? l.unitPrice * l.quantity : l.discount,
        }));
        const quoted = lines.map((l) => ({
          ...l,
          ...lineAmounts({ ...l, taxRate: l.isFree ? 0 : l.taxRate, intraState }),
        }));
        const quote = documentTotals(quoted);
        expect(quoted.reduce((s, l) => s + l.total, 0) + quote.roundOff).toBe(quote.total);
        expect(quote.total % 100).toBe(0);
        expect(Math.abs(quote.roundOff)).toBeLessThanOrEqual(50);
        expect(quote.gross - quote.discount).toBe(quote.taxable);
        expect(quote.taxable + quote.tax + quote.roundOff).toBe(quote.total);
        // The stored order line is all the invoice has: it must rebuild the same amounts from it.
        const invoiced = quoted.map((l) => deliveredAmounts({ ...l, discount: l.discount }, 0, l.quantity, intraState));
        expect(documentTotals(invoiced)).toEqual(quote);
      }),
    );
  });

  it('an inclusive line keeps what the customer agreed to pay, and its discount splits exactly over deliveries', () => {
    fc.assert(
      fc.property(lineArb, fc.array(fc.integer({ min: 1, max: 50 }), { minLength: 1, maxLength: 6 }), (l, parts) => {
        const quantity = parts.reduce((s, p) => s + p, 0);
        const line = { ...l, quantity, isFree: false };
        const stored = { ...line, ...lineAmounts({ ...line, intraState: true }) };
        const agreed = priceBasisDiscount(stored);
        expect(agreed).toBe(Math.min(l.discount, l.unitPrice * quantity));
        let before = 0;
        let totals = 0;
        let taxables = 0;
        for (const now of parts) {
          const part = deliveredAmounts(stored, before, now, true);
          expect(part.gross - part.discount).toBe(part.taxable);
          totals += part.total;
          taxables += part.taxable;
          before += now;
        }
        // Inclusive: the parts cost what the line costs. Exclusive: their taxable values add up to
        // the line's (GST is rounded on each invoice, as each invoice must).
        if (l.taxInclusive) expect(totals).toBe(stored.total);
        else expect(taxables).toBe(stored.taxable);
      }),
    );
  });

  it('prints the ex-GST unit rate of an inclusive price to a hundredth of a paisa', () => {
    // ₹100.00 inclusive of 18%: ₹84.7458 before GST
    const a = lineAmounts({
      quantity: 1,
      unitPrice: 10_000,
      taxInclusive: true,
      taxRate: 1800,
      discount: 0,
      intraState: true,
    });
    expect(a).toMatchObject({ gross: 8475, taxable: 8475, cgst: 763, sgst: 762, total: 10_000 });
    const hundred = lineAmounts({
      quantity: 100,
      unitPrice: 10_000,
      taxInclusive: true,
      taxRate: 1800,
      discount: 0,
      intraState: true,
    });
    expect(hundred.gross).toBe(8_47_458);
    expect(formatUnitRate(hundred.gross, 100)).toBe('84.7458');
    expect(formatUnitRate(8475, 1)).toBe('84.75');
    expect(formatUnitRate(10, 3)).toBe('0.0333');
  });
});
