import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatQuantity, parseQuantity } from '../../../src-shared/quantity';

const biscuit = {
  baseUnit: 'pc',
  packs: [
    { unit: 'case', factor: 24 },
    { unit: 'box', factor: 6 },
  ],
};

describe('typing quantities in any unit', () => {
  it.each([
    ['10', 10, '10 pc'],
    ['3c 5', 77, '3 case + 5 pc'],
    ['3 case + 5 pc', 77, '3 case + 5 pc'],
    ['2 cases', 48, '2 case'],
    ['1 box', 6, '1 box'],
    ['1c1b1', 31, '1 case + 1 box + 1 pc'],
    ['  4C ', 96, '4 case'],
  ])('"%s" is %i base units', (text, quantity, shown) => {
    expect(parseQuantity(text, biscuit)).toEqual({ ok: true, quantity, text: shown });
  });

  it('explains what it cannot read', () => {
    expect(parseQuantity('', biscuit)).toEqual({ ok: false, error: 'Enter a quantity' });
    expect(parseQuantity('3 crates', biscuit)).toEqual({ ok: false, error: 'No unit "crates"; use pc, case, box' });
    expect(parseQuantity('three', biscuit)).toMatchObject({ ok: false });
    expect(parseQuantity('0', biscuit)).toEqual({ ok: false, error: 'Quantity must be more than zero' });
    expect(
      parseQuantity('2 b', {
        baseUnit: 'pc',
        packs: [
          { unit: 'box', factor: 6 },
          { unit: 'bundle', factor: 10 },
        ],
      }),
    ).toEqual({ ok: false, error: '"b" could be box or bundle' });
  });

  it('names an absurd quantity, as typed and in base units, instead of a bare "too large"', () => {
    expect(parseQuantity('500000c', biscuit)).toEqual({
      ok: false,
      error: '“500000c” is 1,20,00,000 pc; one line can carry at most 1,00,00,000 pc',
    });
    expect(parseQuantity('99999999999999999999', biscuit)).toEqual({
      ok: false,
      error: '“99999999999999999999” is more than any stock; one line can carry at most 1,00,00,000 pc',
    });
    expect(parseQuantity('10000000', biscuit)).toMatchObject({ ok: true, quantity: 10_000_000 });
  });

  it('formats base units back into packs, and the two round-trip', () => {
    expect(formatQuantity(77, biscuit)).toBe('3 case + 5 pc');
    expect(formatQuantity(30, biscuit)).toBe('1 case + 1 box');
    expect(formatQuantity(0, biscuit)).toBe('0 pc');
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100_000 }), (q) => {
        const parsed = parseQuantity(formatQuantity(q, biscuit), biscuit);
        expect(parsed.ok && parsed.quantity).toBe(q);
      }),
    );
  });
});
