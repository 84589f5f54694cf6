import { describe, expect, it } from 'vitest';
import { valueMovement, type ValueBalance } from '../../../src-main/engine/inventory/stock-valuation';
import { shareOf } from '../../../src-shared/money';

const balance = (b: Partial<ValueBalance>): ValueBalance => ({
  quantity: 0,
  value: 0,
  transitQuantity: 0,
  transitValue: 0,
  lastQuantity: 0,
  lastValue: 0,
  ...b,
});

describe('moving-average value of a movement', () => {
  it('a receipt comes in at the value given; free goods at zero', () => {
    expect(valueMovement(balance({}), { quantity: 100, value: 10_000_00 })).toMatchObject({ value: 10_000_00 });
    expect(valueMovement(balance({ quantity: 100, value: 10_000_00 }), { quantity: 10, value: 0 })).toMatchObject({
      value: 0,
      basis: 'given',
    });
  });

  it('goods out leave at the average, and the last unit takes what is left', () => {
    // 110 units worth ₹10,000.00: ₹90.909… each
    const b = balance({ quantity: 110, value: 10_000_00 });
    expect(valueMovement(b, { quantity: -1 }).value).toBe(-9091);
    expect(valueMovement(b, { quantity: -110 }).value).toBe(-10_000_00);
    expect(valueMovement(balance({ quantity: 3, value: 100 }), { quantity: -2 }).value).toBe(-67);
  });

  it('goods coming back without a cost come at the average, or the last one once the shelf is empty', () => {
    expect(valueMovement(balance({ quantity: 4, value: 1000 }), { quantity: 2 })).toMatchObject({ value: 500 });
    expect(valueMovement(balance({ lastQuantity: 4, lastValue: 1000 }), { quantity: 1 })).toMatchObject({
      value: 250,
      basis: 'last_average',
    });
    expect(valueMovement(balance({}), { quantity: 1 })).toMatchObject({ value: 0, basis: 'none' });
  });

  it('goods on the road carry the value they left with onto the shelf', () => {
    const onTheRoad = valueMovement(balance({}), { quantity: 0, inTransit: 30, value: 2700 });
    expect(onTheRoad).toMatchObject({ value: 0, transitValue: 2700 });
    const arrived = valueMovement(balance({ transitQuantity: 30, transitValue: 2700 }), {
      quantity: 10,
      inTransit: -10,
    });
    expect(arrived).toMatchObject({ value: 900, transitValue: -900 });
  });

  it('shares past 2^53 stay exact and round half away from zero', () => {
    expect(shareOf(9_000_000_000_000_00, 7, 9)).toBe(7_000_000_000_000_00);
    expect(shareOf(5, 1, 2)).toBe(3);
    expect(shareOf(-5, 1, 2)).toBe(-3);
  });
});
