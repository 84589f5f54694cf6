import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hsnSummary, isIntraState, lineGst, roundOff } from '../../../src-main/engine/billing/gst';
import { integerInWords, rupeesInWords } from '../../../src-shared/amount-in-words';

describe('GST on a line', () => {
  it('splits into CGST and SGST within the state', () => {
    expect(lineGst(10_000, 1800, true)).toEqual({ cgst: 900, sgst: 900, igst: 0 });
    // 9% of ₹0.55 = 4.95 paise → 5 each half
    expect(lineGst(55, 1800, true)).toEqual({ cgst: 5, sgst: 5, igst: 0 });
  });

  it('charges IGST across states', () => {
    expect(lineGst(10_000, 1800, false)).toEqual({ cgst: 0, sgst: 0, igst: 1800 });
    expect(lineGst(55, 1800, false)).toEqual({ cgst: 0, sgst: 0, igst: 10 });
  });

  it('keeps CGST and SGST equal and within a paisa of IGST', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1e10 }),
        fc.constantFrom(0, 25, 300, 500, 1200, 1800, 2800),
        (taxable, rate) => {
          const intra = lineGst(taxable, rate, true);
          const inter = lineGst(taxable, rate, false);
          expect(intra.cgst).toBe(intra.sgst);
          expect(Math.abs(intra.cgst + intra.sgst - inter.igst)).toBeLessThanOrEqual(1);
        },
      ),
    );
  });

  it('uses the ship-to state as the place of supply', () => {
    expect(isIntraState('27', '27')).toBe(true);
    expect(isIntraState('27', '29')).toBe(false);
  });
});

describe('HSN summary and round-off', () => {
  it('adds up taxable value and tax per HSN code and rate', () => {
    const rows = hsnSummary([
      { hsn: '19053100', rateBps: 1800, taxable: 1000, tax: lineGst(1000, 1800, true) },
      { hsn: '09103030', rateBps: 500, taxable: 2000, tax: lineGst(2000, 500, true) },
      { hsn: '19053100', rateBps: 1800, taxable: 500, tax: lineGst(500, 1800, true) },
    ]);
    expect(rows).toEqual([
      { hsn: '09103030', rateBps: 500, taxable: 2000, cgst: 50, sgst: 50, igst: 0 },
      { hsn: '19053100', rateBps: 1800, taxable: 1500, cgst: 135, sgst: 135, igst: 0 },
    ]);
  });

  it('rounds the payable total to the rupee, 50 paise up', () => {
    expect(roundOff(123_449)).toEqual({ roundOff: -49, payable: 123_400 });
    expect(roundOff(123_450)).toEqual({ roundOff: 50, payable: 123_500 });
    expect(roundOff(123_400)).toEqual({ roundOff: 0, payable: 123_400 });
  });
});

describe('amounts in words, Indian numbering', () => {
  it.each([
    [0, 'Zero'],
    [7, 'Seven'],
    [19, 'Nineteen'],
    [20, 'Twenty'],
    [99, 'Ninety Nine'],
    [100, 'One Hundred'],
    [101, 'One Hundred One'],
    [1000, 'One Thousand'],
    [1_00_000, 'One Lakh'],
    [12_34_567, 'Twelve Lakh Thirty Four Thousand Five Hundred Sixty Seven'],
    [1_00_00_000, 'One Crore'],
    [1_23_45_678, 'One Crore Twenty Three Lakh Forty Five Thousand Six Hundred Seventy Eight'],
    [1_00_00_00_000, 'One Hundred Crore'],
  ])('%i is %s', (n, words) => expect(integerInWords(n)).toBe(words));

  it('writes rupees and paise as an invoice does', () => {
    expect(rupeesInWords(12_345_50)).toBe('Rupees Twelve Thousand Three Hundred Forty Five and Fifty Paise Only');
    expect(rupeesInWords(9_024_00)).toBe('Rupees Nine Thousand Twenty Four Only');
  });
});
