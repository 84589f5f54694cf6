import { describe, expect, it } from 'vitest';
import { parseGs1 } from '../../../src-shared/gs1';

const GS = '\u001d';

describe('GS1 scans from a keyboard-wedge scanner', () => {
  it('reads a plain EAN-13 as a GTIN-14', () => {
    expect(parseGs1('8901063010215')).toMatchObject({
      gtin: '08901063010215',
      batch: null,
      expiry: null,
      quantity: null,
    });
  });

  it('reads the human-readable form with brackets', () => {
    expect(parseGs1('(01)08901063010215(17)271231(10)b2611a(30)24')).toMatchObject({
      gtin: '08901063010215',
      expiry: '2027-12-31',
      batch: 'B2611A',
      quantity: 24,
    });
  });

  it('reads raw GS1-128 with a symbology prefix and GS separators', () => {
    expect(parseGs1(`]C101089010630102151727060010LOT-7${GS}3712`)).toMatchObject({
      gtin: '08901063010215',
      expiry: '2027-06-30',
      batch: 'LOT-7',
      quantity: 12,
    });
  });

  it('reads a DataMatrix string whose batch comes last', () => {
    expect(parseGs1(`]d2010890106301021517280131${GS}10BATCH9`)).toMatchObject({
      expiry: '2028-01-31',
      batch: 'BATCH9',
    });
  });

  it('places two-digit years in GS1’s sliding century window', () => {
    expect(parseGs1('(01)08901063010215(17)760101', 2026)).toMatchObject({ expiry: '2076-01-01' });
    expect(parseGs1('(01)08901063010215(17)770101', 2026)).toMatchObject({ expiry: '1977-01-01' });
    expect(parseGs1('(01)08901063010215(17)010100', 2026)).toMatchObject({ expiry: '2001-01-31' });
  });

  it('says what is wrong with a scan it cannot use', () => {
    expect(parseGs1('(17)271231(10)B1')).toEqual({ error: 'The scan has no GTIN (01); scan the product barcode' });
    expect(parseGs1('(01)08901063010215(17)271340')).toEqual({
      error: 'Expiry "271340" in the scan is not a date (YYMMDD)',
    });
    expect(parseGs1('99ABC')).toMatchObject({ error: expect.stringContaining('Unknown GS1 field') });
  });
});
