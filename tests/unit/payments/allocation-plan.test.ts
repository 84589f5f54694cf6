import { describe, expect, it } from 'vitest';
import { planAllocation } from '../../../src-main/engine/payments/allocation-plan';

const open = [
  { id: 1, number: 'INV/1', due: 300_00 },
  { id: 2, number: 'INV/2', due: 500_00 },
];
const words = { idField: 'invoiceId', bill: 'Invoice', whose: 'customer' };

describe('setting a payment against open bills', () => {
  it('takes the bills due first until the money runs out; the rest stays on account', () => {
    expect(planAllocation(open, 400_00, null, words)).toEqual([
      { id: 1, amount: 300_00 },
      { id: 2, amount: 100_00 },
    ]);
    expect(planAllocation(open, 1000_00, null, words)).toEqual([
      { id: 1, amount: 300_00 },
      { id: 2, amount: 500_00 },
    ]);
  });

  it('keeps the bills named, and refuses a bill not open, named twice, over its due or over the payment', () => {
    expect(planAllocation(open, 200_00, [{ id: 2, amount: 200_00 }], words)).toEqual([{ id: 2, amount: 200_00 }]);
    expect(() => planAllocation(open, 100_00, [{ id: 9, amount: 1 }], words)).toThrow(
      'Invoice 9 is not an open invoice of this customer',
    );
    const twice = [
      { id: 1, amount: 200_00 },
      { id: 1, amount: 200_00 },
    ];
    expect(() => planAllocation(open, 400_00, twice, words)).toThrow('INV/1 is named twice');
    expect(() => planAllocation(open, 400_00, [{ id: 1, amount: 301_00 }], words)).toThrow('Only ₹300.00 is due');
    expect(() => planAllocation(open, 100_00, [{ id: 2, amount: 200_00 }], words)).toThrow('are more than the payment');
  });
});
