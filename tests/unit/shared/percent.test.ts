import { describe, expect, it } from 'vitest';
import { parseDiscountPercent } from '../../../src-shared/percent';

describe('a discount percentage as typed', () => {
  it('reads whole and decimal percentages into basis points; empty is no discount', () => {
    expect(parseDiscountPercent('5')).toEqual({ ok: true, bps: 500 });
    expect(parseDiscountPercent(' 7.25 % ')).toEqual({ ok: true, bps: 725 });
    expect(parseDiscountPercent('')).toEqual({ ok: true, bps: 0 });
    expect(parseDiscountPercent('100')).toEqual({ ok: true, bps: 10000 });
  });

  it('gives "abc", "-10" and "150" each its own reason', () => {
    expect(parseDiscountPercent('abc')).toEqual({ ok: false, error: '“abc” is not a percentage; type e.g. 5 or 7.5' });
    expect(parseDiscountPercent('-10')).toEqual({ ok: false, error: 'A discount cannot be negative' });
    expect(parseDiscountPercent('150')).toEqual({
      ok: false,
      error: '150% is more than the whole price; a discount is at most 100%',
    });
    expect(parseDiscountPercent('2.125')).toEqual({ ok: false, error: 'Use at most two decimals, e.g. 7.25' });
  });
});
