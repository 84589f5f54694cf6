import { describe, expect, it } from 'vitest';
import { assessCredit, type CreditPosition } from '../../../src-main/engine/credit/assess-credit';

const position: CreditPosition = {
  limit: 100_000_00,
  outstanding: 60_000_00,
  unbilled: 30_000_00,
  overdue: 0,
  oldestOverdueDays: 0,
};
const credit = (mode: 'block' | 'warn' | 'approval', overdueBlockDays: number | null = null, paidNow = 0) => ({
  mode,
  overdueBlockDays,
  paidNow,
});

describe('credit assessment', () => {
  it('shows limit, used and available, and lets an order within the limit through', () => {
    expect(assessCredit(position, 10_000_00, credit('block'))).toMatchObject({
      decision: 'ok',
      limit: 100_000_00,
      used: 90_000_00,
      available: 10_000_00,
      afterOrder: 100_000_00,
    });
  });

  it.each([
    ['block', 'blocked'],
    ['warn', 'warn'],
    ['approval', 'needs_approval'],
  ] as const)('one paisa over the limit under %s policy → %s', (mode, decision) => {
    const result = assessCredit(position, 10_000_01, credit(mode));
    expect(result.decision).toBe(decision);
    expect(result.reasons[0]).toBe(
      'Credit limit ₹1,00,000.00 exceeded: ₹90,000.00 used + this order ₹10,000.01 = ₹1,00,000.01',
    );
  });

  it('blocks when anything is overdue beyond the rule, whatever the limit policy', () => {
    const overdue = { ...position, overdue: 5_000_00, oldestOverdueDays: 46 };
    expect(assessCredit(overdue, 1_00, credit('warn', 45)).decision).toBe('blocked');
    expect(assessCredit(overdue, 1_00, credit('warn', 46)).decision).toBe('ok');
    expect(assessCredit(overdue, 1_00, credit('warn', null)).decision).toBe('ok');
  });

  it('a zero limit means no credit: only money paid now makes a cash sale, and only for the part paid', () => {
    const cashCustomer = { ...position, limit: 0, outstanding: 0, unbilled: 0 };
    expect(assessCredit(cashCustomer, 1, credit('block')).decision).toBe('blocked');
    expect(assessCredit(cashCustomer, 1_000_00, credit('block', null, 1_000_00))).toMatchObject({
      decision: 'ok',
      afterOrder: 0,
    });
    const part = assessCredit(cashCustomer, 1_000_00, credit('block', null, 400_00));
    expect(part).toMatchObject({ decision: 'blocked', afterOrder: 600_00 });
    expect(part.reasons[0]).toBe(
      'Credit limit ₹0.00 exceeded: ₹0.00 used + this order ₹600.00 unpaid of ₹1,000.00 = ₹600.00',
    );
    // Paying more than the bill gives no credit headroom for anything else.
    expect(assessCredit(cashCustomer, 1_000_00, credit('block', null, 5_000_00))).toMatchObject({
      decision: 'ok',
      afterOrder: 0,
    });
  });

  it('paid in full now passes even with overdue bills: no credit is given', () => {
    const overdue = { ...position, overdue: 5_000_00, oldestOverdueDays: 90 };
    expect(assessCredit(overdue, 500_00, credit('block', 30, 500_00)).decision).toBe('ok');
    expect(assessCredit(overdue, 500_00, credit('block', 30, 499_00)).decision).toBe('blocked');
  });

  it('the payment type is not part of the rule: a "cash" order on credit is assessed like any other', () => {
    const rule = { mode: 'block' as const, overdueBlockDays: null, paymentType: 'cash' } as Parameters<
      typeof assessCredit
    >[2];
    expect(assessCredit(position, 10_000_01, rule).decision).toBe('blocked');
  });
});
