import { describe, expect, it } from 'vitest';
import { suggestQuantity, type SuggestionInput } from '../../../src-main/engine/purchasing/suggested-order-rule';
import { statusFromReceipts } from '../../../src-main/engine/purchasing/purchase-order-status';

const base: SuggestionInput = {
  onHand: 12,
  onOrder: 6,
  inTransit: 3,
  sold: 95,
  windowDays: 30,
  leadTimeDays: 5,
  norm: { minQuantity: null, maxQuantity: null, coverDays: 10 },
  pack: { unit: 'case', factor: 12 },
  baseUnit: 'pc',
};

describe('the suggested order', () => {
  it('days of cover, worked by hand', () => {
    // 95 sold in 30 days = 3.1666… a day. Cover 10 d + lead time 5 d = 15 d: 95 × 15 / 30 = 47.5 → 48 units.
    // Position: 12 on hand + 6 on order + 3 in transit = 21. Short 48 − 21 = 27 → 2.25 cases → 3 cases = 36.
    const s = suggestQuantity(base);
    expect(s).toMatchObject({ position: 21, target: 48, suggested: 36 });
    expect(s.dailySales).toBeCloseTo(3.1667, 4);
    expect(s.why).toBe(
      'Sold 95 in 30 d (3.17 a day); target cover 10 d + lead time 5 d = 15 d × 3.17 = 48; ' +
        'on hand 12 + on order 6 + in transit 3 = 21; short 27 → 3 × case of 12 = 36 pc.',
    );
  });

  it('without a pack, orders exactly the shortfall; with enough stock, nothing', () => {
    expect(suggestQuantity({ ...base, pack: null }).suggested).toBe(27);
    const enough = suggestQuantity({ ...base, onHand: 40 });
    expect(enough.suggested).toBe(0);
    expect(enough.why).toContain('= 49: enough.');
  });

  it('a min raises the cover target and a max caps it', () => {
    expect(suggestQuantity({ ...base, norm: { minQuantity: 60, maxQuantity: null, coverDays: 10 } })).toMatchObject({
      target: 60,
      suggested: 48, // short 39 → 4 cases
    });
    const capped = suggestQuantity({
      ...base,
      pack: null,
      norm: { minQuantity: null, maxQuantity: 30, coverDays: 10 },
    });
    expect(capped).toMatchObject({ target: 30, suggested: 9 });
    expect(capped.why).toContain('capped at the max 30');
  });

  it('min/max: nothing above the min, fill to the max once at or below it', () => {
    const norm = { minQuantity: 20, maxQuantity: 100, coverDays: null };
    expect(suggestQuantity({ ...base, pack: null, norm, onHand: 15 }).suggested).toBe(0); // position 24 > 20
    const low = suggestQuantity({ ...base, pack: null, norm, onHand: 11 }); // position 20
    expect(low).toMatchObject({ target: 100, suggested: 80 });
    expect(low.why).toContain('at or below the min 20: fill to the max 100');
  });

  it('no sales means no cover target', () => {
    expect(suggestQuantity({ ...base, sold: 0, onHand: 0, onOrder: 0, inTransit: 0 }).suggested).toBe(0);
  });
});

describe('purchase order status from receipts', () => {
  it('open, partly received, closed', () => {
    expect(statusFromReceipts([{ quantity: 10, received: 0 }])).toBe('open');
    expect(
      statusFromReceipts([
        { quantity: 10, received: 10 },
        { quantity: 5, received: 0 },
      ]),
    ).toBe('partly_received');
    expect(statusFromReceipts([{ quantity: 10, received: 12 }])).toBe('closed');
  });
});
