import { describe, expect, it } from 'vitest';
import { gstinCheckChar, gstinProblem } from '../../../src-shared/gstin';
import { barcodeProblem, barcodeVariants } from '../../../src-shared/gtin';
import { toStateCode } from '../../../src-shared/india-states';

describe('GSTIN', () => {
  it('accepts a published valid GSTIN and lower case input', () => {
    expect(gstinProblem('27AAPFU0939F1ZV')).toBeNull();
    expect(gstinProblem('27aapfu0939f1zv')).toBeNull();
  });
  it('says why a GSTIN is wrong', () => {
    expect(gstinProblem('27AAPFU0939F1Z')).toMatch(/15 characters/);
    expect(gstinProblem('27AAPFU0939F1XV')).toMatch(/must look like/);
    expect(gstinProblem('99AAPFU0939F1ZV')).toMatch(/99, which is not a GST state code/);
    expect(gstinProblem('27AAPFU0939F1ZW')).toMatch(/check character/);
  });
  it('computes the check character for any body', () => {
    expect(gstinCheckChar('27AAPFU0939F1Z')).toBe('V');
  });
});

describe('GS1 barcodes', () => {
  it('checks EAN-13, EAN-8, UPC-A and GTIN-14 check digits', () => {
    expect(barcodeProblem('8901063010215')).toBeNull();
    expect(barcodeProblem('96385074')).toBeNull();
    expect(barcodeProblem('036000291452')).toBeNull();
    expect(barcodeProblem('00012345600012')).toBeNull(); // GS1's own example GTIN-14
    expect(barcodeProblem('18901063010212')).toBeNull();
    expect(barcodeProblem('8901063010216')).toMatch(/check digit should be 5/);
  });
  it('allows in-house codes but not junk', () => {
    expect(barcodeProblem('SKU-991')).toBeNull();
    expect(barcodeProblem('a b')).toMatch(/EAN\/GTIN or 4–32/);
  });
  it('matches the GTIN-14 spelling of an EAN-13 both ways', () => {
    expect(barcodeVariants('08901063010215')).toContain('8901063010215');
    expect(barcodeVariants('8901063010215')).toContain('08901063010215');
  });
});

describe('states', () => {
  it('reads state codes and names as CSV files write them', () => {
    expect(toStateCode('27')).toBe('27');
    expect(toStateCode('Maharashtra')).toBe('27');
    expect(toStateCode(' karnataka ')).toBe('29');
    expect(toStateCode('7')).toBe('07');
    expect(toStateCode('Atlantis')).toBeUndefined();
  });
});
