import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  applySchemes,
  describeQuantity,
  isEligible,
  type SchemeDefinition,
  type SchemeLine,
  type SchemeProductInfo,
} from '../../../src-main/engine/schemes/apply-schemes';
import type { SchemeRule } from '../../../src-shared/contract/scheme-rules';

const products = new Map<number, SchemeProductInfo>([
  [1, { name: 'Glucose Biscuit', unitPrice: 1000, baseUnit: 'pc', packs: [{ unit: 'case', factor: 24 }] }],
  [2, { name: 'Cream Biscuit', unitPrice: 2000, baseUnit: 'pc', packs: [{ unit: 'case', factor: 12 }] }],
  [3, { name: 'Tea 250 g', unitPrice: 5000, baseUnit: 'pc', packs: [] }],
]);
const line = (key: number, productId: number, quantity: number, over: Partial<SchemeLine> = {}): SchemeLine => {
  const info = products.get(productId)!;
  return {
    key,
    productId,
    productName: info.name,
    category: productId === 3 ? 'Beverages' : 'Biscuits',
    brand: 'Sunrise',
    quantity,
    unitPrice: info.unitPrice,
    gross: info.unitPrice * quantity,
    baseUnit: info.baseUnit,
    packs: info.packs,
    ...over,
  };
};
let id = 1;
const scheme = (rule: SchemeRule, over: Partial<SchemeDefinition> = {}): SchemeDefinition => ({
  id: id++,
  code: `S${id}`,
  name: `Scheme ${id}`,
  rule,
  priority: 100,
  exclusive: false,
  budgetRemaining: null,
  ...over,
});

const twentyGetOne = scheme(
  { kind: 'free_goods', buyProductId: 1, buyQuantity: 20, getProductId: 1, getQuantity: 1, repeat: true },
  { name: '20+1 Glucose' },
);

describe('free goods: buy 20 get 1, for every 20', () => {
  it.each([
    [19, 0],
    [20, 1],
    [39, 1],
    [40, 2],
    [59, 2],
    [60, 3],
  ])('%i bought → %i free', (bought, free) => {
    const outcome = applySchemes([line(1, 1, bought)], [twentyGetOne], products);
    expect(outcome.freeLines.reduce((s, f) => s + f.quantity, 0)).toBe(free);
  });

  it('free units never earn more free units: only the clerk’s lines count', () => {
    // 40 bought gives 2 free; the 2 free do not push the count to 42 → still 2, not 3 at 60.
    const outcome = applySchemes([line(1, 1, 40)], [twentyGetOne], products);
    expect(outcome.freeLines).toEqual([
      {
        productId: 1,
        quantity: 2,
        schemeId: twentyGetOne.id,
        note: '20+1 Glucose: buy 20 pc get 1 pc free, for every multiple: 2 pc free',
      },
    ]);
  });

  it('tells the clerk how many more earn the next free unit', () => {
    expect(applySchemes([line(1, 1, 19)], [twentyGetOne], products).nearMisses[0]!.message).toBe(
      'Add 1 pc more Glucose Biscuit for 1 pc free',
    );
    expect(applySchemes([line(1, 1, 25)], [twentyGetOne], products).nearMisses[0]!.message).toBe(
      'Add 15 pc more Glucose Biscuit for 1 pc free',
    );
  });

  it('gives another product free, counted in its packs', () => {
    const caseOfCream = scheme({
      kind: 'free_goods',
      buyProductId: 1,
      buyQuantity: 48,
      getProductId: 2,
      getQuantity: 12,
      repeat: false,
    });
    const outcome = applySchemes([line(1, 1, 100)], [caseOfCream], products);
    expect(outcome.freeLines).toEqual([expect.objectContaining({ productId: 2, quantity: 12 })]);
    expect(outcome.applied[0]!.description).toBe('buy 2 case get 1 case free: 1 case free');
    expect(outcome.applied[0]!.benefit).toBe(12 * 2000);
  });
});

describe('value schemes: slab boundaries', () => {
  const value = scheme({
    kind: 'value',
    slabs: [
      { minValue: 1_000_00, discountBps: 200 },
      { minValue: 5_000_00, discountBps: 500 },
    ],
  });
  const order = (rupees: number) => [line(1, 3, 1, { gross: rupees * 100, unitPrice: rupees * 100 })];
  it.each([
    [99_999, 0],
    [100_000, 2_000],
    [100_001, 2_000],
    [499_999, 10_000],
    [500_000, 25_000],
    [500_001, 25_000],
  ])('an order of %i paise gets %i paise off', (paise, discount) => {
    const outcome = applySchemes([line(1, 3, 1, { gross: paise, unitPrice: paise })], [value], products);
    expect(outcome.lineDiscounts.get(1)?.amount ?? 0).toBe(discount);
  });

  it('spreads the order discount over lines so they add up to it exactly', () => {
    const outcome = applySchemes([line(1, 1, 33), line(2, 2, 17), line(3, 3, 11)], [value], products);
    const total = [...outcome.lineDiscounts.values()].reduce((s, d) => s + d.amount, 0);
    expect(total).toBe(outcome.applied[0]!.benefit);
    expect(outcome.applied[0]!.benefit).toBe(2_440); // ₹1,220.00 reaches the 2% slab
  });

  it('names the next slab and what it takes', () => {
    expect(applySchemes(order(800), [value], products).nearMisses[0]!.message).toBe(
      'Add ₹200.00 more for 2% off the order',
    );
  });
});

describe('volume schemes: mixed products, slabs, per-unit', () => {
  const biscuits = scheme(
    {
      kind: 'volume',
      target: { productIds: [], categories: ['Biscuits'], brands: [] },
      slabs: [
        { minQuantity: 48, discountBps: 300 },
        { minQuantity: 96, discountBps: 500 },
      ],
    },
    { name: 'Biscuit volume' },
  );
  it.each([
    [47, 0],
    [48, 300],
    [49, 300],
    [95, 300],
    [96, 500],
    [97, 500],
  ])('%i biscuits across two products earn %i bps', (quantity, bps) => {
    const glucose = Math.ceil(quantity / 2);
    const outcome = applySchemes(
      [line(1, 1, glucose), line(2, 2, quantity - glucose), line(3, 3, 5)],
      [biscuits],
      products,
    );
    const gross = glucose * 1000 + (quantity - glucose) * 2000;
    const discount = [...outcome.lineDiscounts.values()].reduce((s, d) => s + d.amount, 0);
    expect(discount).toBe(
      Math.round((glucose * 1000 * bps) / 10_000) + Math.round(((quantity - glucose) * 2000 * bps) / 10_000),
    );
    expect(outcome.lineDiscounts.has(3)).toBe(false);
    expect(gross).toBeGreaterThan(0);
  });

  it('takes a flat amount off each unit', () => {
    const perUnit = scheme({
      kind: 'volume',
      target: { productIds: [1], categories: [], brands: [] },
      slabs: [{ minQuantity: 24, perUnit: 50 }],
    });
    expect(applySchemes([line(1, 1, 30)], [perUnit], products).lineDiscounts.get(1)!.amount).toBe(1500);
  });

  it('says how much more reaches the next slab, in cases when it divides', () => {
    expect(applySchemes([line(1, 1, 24)], [biscuits], products).nearMisses[0]!.message).toBe(
      'Add 1 case more of Biscuit volume items for 3% off',
    );
  });
});

describe('stacking, exclusivity and budgets', () => {
  const volume = scheme(
    {
      kind: 'volume',
      target: { productIds: [1], categories: [], brands: [] },
      slabs: [{ minQuantity: 10, discountBps: 1000 }],
    },
    { priority: 1, name: 'Vol' },
  );
  const value = scheme({ kind: 'value', slabs: [{ minValue: 5000, discountBps: 1000 }] }, { priority: 2, name: 'Val' });

  it('combinable schemes stack, the value scheme measured after the volume discount', () => {
    const outcome = applySchemes([line(1, 1, 10)], [value, volume], products);
    expect(outcome.applied.map((a) => [a.name, a.benefit])).toEqual([
      ['Vol', 1000],
      ['Val', 900],
    ]);
    expect(outcome.lineDiscounts.get(1)!.amount).toBe(1900);
  });

  it('an exclusive scheme that qualifies first applies alone', () => {
    const exclusive = scheme(
      { kind: 'value', slabs: [{ minValue: 5000, discountBps: 1500 }] },
      { priority: 0, exclusive: true, name: 'Festive' },
    );
    const outcome = applySchemes([line(1, 1, 10)], [value, volume, exclusive], products);
    expect(outcome.applied.map((a) => a.name)).toEqual(['Festive']);
  });

  it('an exclusive scheme after others have applied is skipped, with the reason shown', () => {
    const exclusive = scheme(
      { kind: 'value', slabs: [{ minValue: 5000, discountBps: 1500 }] },
      { priority: 5, exclusive: true, name: 'Festive' },
    );
    const outcome = applySchemes([line(1, 1, 10)], [value, volume, exclusive], products);
    expect(outcome.applied.map((a) => a.name)).toEqual(['Vol', 'Val']);
    expect(outcome.nearMisses.map((n) => n.message)).toContain('Festive does not combine with Vol, Val');
  });

  it('a budget cap limits the benefit to what is left, and an empty budget gives nothing', () => {
    const capped = { ...volume, budgetRemaining: 400 };
    expect(applySchemes([line(1, 1, 10)], [capped], products).lineDiscounts.get(1)!.amount).toBe(400);
    const empty = { ...volume, budgetRemaining: 0 };
    const outcome = applySchemes([line(1, 1, 10)], [empty], products);
    expect(outcome.applied).toEqual([]);
    expect(outcome.nearMisses[0]!.message).toBe('Vol: budget used up');
    const cappedFree = { ...twentyGetOne, budgetRemaining: 2500 };
    expect(applySchemes([line(1, 1, 60)], [cappedFree], products).freeLines[0]!.quantity).toBe(2);
  });
});

describe('eligibility and quantities', () => {
  it('an empty eligibility means everyone; each list narrows it', () => {
    const who = { customerId: 7, customerType: 'retailer', stateCode: '27', district: 'Pune' };
    expect(isEligible({ customerIds: [], customerTypes: [], stateCodes: [], districts: [] }, who)).toBe(true);
    expect(isEligible({ customerIds: [], customerTypes: ['distributor'], stateCodes: [], districts: [] }, who)).toBe(
      false,
    );
    expect(
      isEligible({ customerIds: [], customerTypes: ['retailer'], stateCodes: ['27'], districts: ['pune'] }, who),
    ).toBe(true);
    expect(isEligible({ customerIds: [8], customerTypes: [], stateCodes: [], districts: [] }, who)).toBe(false);
  });

  it('describes quantities in the largest pack that divides them', () => {
    expect(
      describeQuantity(48, 'pc', [
        { unit: 'box', factor: 6 },
        { unit: 'case', factor: 24 },
      ]),
    ).toBe('2 case');
    expect(
      describeQuantity(18, 'pc', [
        { unit: 'box', factor: 6 },
        { unit: 'case', factor: 24 },
      ]),
    ).toBe('3 box');
    expect(describeQuantity(7, 'pc', [{ unit: 'case', factor: 24 }])).toBe('7 pc');
  });
});

describe('no benefit appears below its threshold (property)', () => {
  it('holds for random orders and random slabs', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ productId: fc.constantFrom(1, 2, 3), quantity: fc.integer({ min: 1, max: 200 }) }), {
          minLength: 1,
          maxLength: 8,
        }),
        fc.integer({ min: 1, max: 300 }),
        fc.integer({ min: 1_00, max: 50_000_00 }),
        fc.integer({ min: 1, max: 100 }),
        (rows, minQuantity, minValue, buyQuantity) => {
          const lines = rows.map((r, i) => line(i + 1, r.productId, r.quantity));
          const volume = scheme({
            kind: 'volume',
            target: { productIds: [1, 2], categories: [], brands: [] },
            slabs: [{ minQuantity, discountBps: 500 }],
          });
          const value = scheme({ kind: 'value', slabs: [{ minValue, flat: 100 }] });
          const free = scheme({
            kind: 'free_goods',
            buyProductId: 1,
            buyQuantity,
            getProductId: 1,
            getQuantity: 1,
            repeat: true,
          });
          const outcome = applySchemes(lines, [volume, value, free], products);
          const volumeQty = lines.filter((l) => l.productId !== 3).reduce((s, l) => s + l.quantity, 0);
          const bought = lines.filter((l) => l.productId === 1).reduce((s, l) => s + l.quantity, 0);
          const applied = new Set(outcome.applied.map((a) => a.schemeId));
          if (volumeQty < minQuantity) expect(applied.has(volume.id)).toBe(false);
          if (bought < buyQuantity) expect(outcome.freeLines).toEqual([]);
          else expect(outcome.freeLines[0]!.quantity).toBe(Math.floor(bought / buyQuantity));
          const gross = lines.reduce((s, l) => s + l.gross, 0);
          if (gross < minValue) expect(applied.has(value.id)).toBe(false);
          for (const [key, d] of outcome.lineDiscounts)
            expect(d.amount).toBeLessThanOrEqual(lines.find((l) => l.key === key)!.gross);
        },
      ),
    );
  });
});
