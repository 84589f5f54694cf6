import { describe, expect, it } from 'vitest';
import {
  allocate,
  balanceOf,
  daysBetween,
  type Bill,
} from '../../../src-renderer/src/screens/billing/receipt-allocation';

const bill = (id: number, dueDate: string, total: number, paid = 0, credited = 0): Bill => ({
  id,
  number: `INV/${id}`,
  invoiceDate: '2026-10-01',
  dueDate,
  customerName: 'Sharma Traders',
  total,
  paid,
  credited,
  status: 'posted',
  daysOverdue: 0,
});
// Listed newest first, as invoices.list gives them.
const bills = [
  bill(3, '2026-11-20', 300_00),
  bill(2, '2026-11-10', 200_00, 50_00),
  bill(1, '2026-11-01', 100_00, 0, 30_00),
];

describe('a receipt set against open bills', () => {
  it('owes what is neither paid nor credited', () => {
    expect(bills.map(balanceOf)).toEqual([300_00, 150_00, 70_00]);
  });

  it('oldest first: settles by due date and keeps the rest unallocated', () => {
    expect(allocate(bills, 'oldest', 250_00)).toEqual([
      { invoiceId: 1, number: 'INV/1', amount: 70_00 },
      { invoiceId: 2, number: 'INV/2', amount: 150_00 },
      { invoiceId: 3, number: 'INV/3', amount: 30_00 },
    ]);
    expect(allocate(bills, 'oldest', 1000_00).reduce((s, a) => s + a.amount, 0)).toBe(520_00);
  });

  it('bill by bill: only what the clerk typed, whatever the amount; unreadable or empty counts as nothing', () => {
    expect(allocate(bills, { 3: '1,000.50', 2: '', 1: 'abc' }, 5_00)).toEqual([
      { invoiceId: 3, number: 'INV/3', amount: 1000_50 },
    ]);
    expect(allocate(bills, {}, 500_00)).toEqual([]);
  });

  it('ages a bill in whole days across a month end', () => {
    expect(daysBetween('2026-10-25', '2026-11-23')).toBe(29);
  });
});
