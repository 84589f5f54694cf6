import { describe, expect, it } from 'vitest';
import { formatDocDate } from '../../../src-shared/dates';
import { formatPacks, formatUnitsAndPacks, packsFromText } from '../../../src-shared/quantity';
import { demoMrp, packAmount } from '../../../src-main/engine/demo/demo-prices';

const caseOf24 = { baseUnit: 'pc', packs: [{ unit: 'case', factor: 24 }] };

describe('quantities in cases and pieces', () => {
  it('counts whole cases, then loose pieces, and plain pieces when there are no packs', () => {
    expect(formatPacks(48, caseOf24)).toBe('2 case');
    expect(formatPacks(53, caseOf24)).toBe('2 case 5 pc');
    expect(formatPacks(5, caseOf24)).toBe('5 pc');
    expect(formatPacks(0, caseOf24)).toBe('0 pc');
    expect(formatPacks(144, { baseUnit: 'pc', packs: [] })).toBe('144 pc');
    expect(formatPacks(-26, caseOf24)).toBe('-1 case 2 pc');
  });

  it('uses every pack, largest first, given as a list or as text', () => {
    expect(formatPacks(77, { baseUnit: 'pc', packs: 'case=24 · box=6' })).toBe('3 case 5 pc');
    expect(formatPacks(83, { baseUnit: 'pc', packs: 'box=6 · case=24' })).toBe('3 case 1 box 5 pc');
    expect(packsFromText('')).toEqual([]);
    expect(packsFromText('case=24 · box=6')).toEqual([
      { unit: 'case', factor: 24 },
      { unit: 'box', factor: 6 },
    ]);
  });

  it('puts the base-unit quantity GST reads first, packs beside it only when they add something', () => {
    expect(formatUnitsAndPacks(48, caseOf24)).toBe('48 pc (2 case)');
    expect(formatUnitsAndPacks(7, caseOf24)).toBe('7 pc');
  });
});

describe('dates on paper', () => {
  it('prints dd-mm-yyyy from an ISO date or instant, and nothing for no date', () => {
    expect(formatDocDate('2026-04-01')).toBe('01-04-2026');
    expect(formatDocDate('2026-11-22T18:30:00.000Z')).toBe('22-11-2026');
    expect(formatDocDate(null)).toBe('');
    expect(formatDocDate('2026-W47')).toBe('2026-W47');
  });
});

describe('demo prices follow the pack size', () => {
  it('reads pack sizes in kg, litres or pieces', () => {
    expect(packAmount('500 g')).toBe(0.5);
    expect(packAmount('1.2 L')).toBe(1.2);
    expect(packAmount('10 tabs')).toBe(10);
  });

  it('a 5 kg bag of sugar costs hundreds of rupees, a 1 kg bag about fifty', () => {
    for (const f of [0, 0.5, 1]) {
      expect(demoMrp('Sugar', '5 kg', f)).toBeGreaterThanOrEqual(220_00);
      expect(demoMrp('Sugar', '5 kg', f)).toBeLessThanOrEqual(260_00);
      expect(demoMrp('Sugar', '1 kg', f)).toBeGreaterThanOrEqual(44_00);
      expect(demoMrp('Sugar', '1 kg', f)).toBeLessThanOrEqual(52_00);
    }
    expect(demoMrp('Potato Chips', '30 g', 0)).toBe(11_00);
    expect(demoMrp('Cow Ghee', '1 L', 1) % 5_00).toBe(0);
  });
});
