import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addMoney,
  applyBasisPoints,
  divideRounded,
  formatMoney,
  formatRate,
  parseMoney,
  parseRate,
} from '../../../src-shared/money';

describe('money in paise', () => {
  it('formats with Indian digit grouping and the rupee sign', () => {
    expect(formatMoney(12345678)).toBe('₹1,23,456.78');
    expect(formatMoney(1000000000)).toBe('₹1,00,00,000.00');
    expect(formatMoney(5)).toBe('₹0.05');
    expect(formatMoney(-150)).toBe('-₹1.50');
    expect(formatMoney(99900, { symbol: false })).toBe('999.00');
  });

  it('parses what a clerk types, never through a float', () => {
    expect(parseMoney('1,23,456.78')).toBe(12345678);
    expect(parseMoney('₹ 99')).toBe(9900);
    expect(parseMoney('0.1')).toBe(10);
    expect(parseMoney('-5.05')).toBe(-505);
    expect(parseMoney('1.005')).toBeNull();
    expect(parseMoney('abc')).toBeNull();
    expect(parseMoney('')).toBeNull();
  });

  it('round-trips any amount through format and parse', () => {
    fc.assert(fc.property(fc.integer({ min: -1e13, max: 1e13 }), (paise) => parseMoney(formatMoney(paise)) === paise));
  });

  it('applies basis points rounding half away from zero, once', () => {
    expect(applyBasisPoints(10000, 1800)).toBe(1800);
    expect(applyBasisPoints(1, 5000)).toBe(1); // 0.5 paisa rounds up
    expect(applyBasisPoints(3, 1666)).toBe(0); // 0.4998 rounds down
    expect(applyBasisPoints(-1, 5000)).toBe(-1);
    expect(divideRounded(25, 10)).toBe(3);
    expect(divideRounded(-25, 10)).toBe(-3);
    expect(divideRounded(24, 10)).toBe(2);
  });

  it('refuses fractional paise and unsafe totals', () => {
    expect(() => addMoney(1, 0.5)).toThrow(/whole number of paise/);
    expect(() => addMoney(Number.MAX_SAFE_INTEGER, 1)).toThrow(/total/);
  });

  it('reads and writes rates as basis points', () => {
    expect(parseRate('18')).toBe(1800);
    expect(parseRate('12.5%')).toBe(1250);
    expect(parseRate('0.25')).toBe(25);
    expect(parseRate('eighteen')).toBeNull();
    expect(formatRate(1800)).toBe('18%');
    expect(formatRate(1250)).toBe('12.5%');
    expect(formatRate(25)).toBe('0.25%');
  });
});
