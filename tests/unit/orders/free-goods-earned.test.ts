import { describe, expect, it } from 'vitest';
import { freeUnitsAllowed, freeUnitsEarned } from '../../../src-main/engine/orders/free-goods-earned';

const twentyGetOne = { productId: 1, buyQuantity: 20, getQuantity: 1, repeat: true };

describe('free units earned by paid units', () => {
  it('every 20 paid earn 1 free, never more than the free line promised', () => {
    expect([0, 19, 20, 25, 39, 40, 60].map((paid) => freeUnitsEarned(twentyGetOne, paid, 2))).toEqual([
      0, 0, 1, 1, 1, 2, 2,
    ]);
  });

  it('a scheme that does not repeat gives its reward once', () => {
    const once = { ...twentyGetOne, getQuantity: 3, repeat: false };
    expect([19, 20, 100].map((paid) => freeUnitsEarned(once, paid, 3))).toEqual([0, 3, 3]);
  });

  it('a line cut by the scheme budget fills up as paid units qualify, up to its quantity', () => {
    // 100 paid would earn 5; the budget allowed 3.
    expect([20, 40, 60, 100].map((paid) => freeUnitsEarned(twentyGetOne, paid, 3))).toEqual([1, 2, 3, 3]);
  });

  it('what may move now is what is earned less what has already moved', () => {
    expect(freeUnitsAllowed(twentyGetOne, 25, 2, 0)).toBe(1);
    expect(freeUnitsAllowed(twentyGetOne, 25, 2, 1)).toBe(0);
    expect(freeUnitsAllowed(twentyGetOne, 40, 2, 1)).toBe(1);
    // Paid units returned after delivery: nothing more moves, and nothing negative.
    expect(freeUnitsAllowed(twentyGetOne, 10, 2, 1)).toBe(0);
  });
});
