import { formatMoney } from '../../../src-shared/money';
import { invalid } from '../errors';

export interface OpenBill {
  id: number;
  number: string;
  due: number;
}
export interface Allocation {
  id: number;
  amount: number;
}

/**
 * How a payment is set against open bills, the same for a customer's receipt and a payment to a supplier: the
 * bills named (each open, named once, no more than is due on it, together no more than the payment), or else the
 * bills in the order given (due first) until the money runs out. What is left stays on account.
 */
export function planAllocation(
  open: OpenBill[],
  amount: number,
  named: Allocation[] | null,
  words: { idField: string; bill: string; whose: string },
): Allocation[] {
  if (!named) {
    let left = amount;
    const plan: Allocation[] = [];
    for (const bill of open) {
      if (left === 0) break;
      const take = Math.min(left, bill.due);
      plan.push({ id: bill.id, amount: take });
      left -= take;
    }
    return plan;
  }
  named.forEach((a, i) => {
    const bill = open.find((o) => o.id === a.id);
    const field = `allocations.${i}.${words.idField}`;
    if (!bill) throw invalid(`${words.bill} ${a.id} is not an open invoice of this ${words.whose}`, field);
    if (named.filter((b) => b.id === a.id).length > 1) throw invalid(`${bill.number} is named twice`, field);
    if (a.amount > bill.due)
      throw invalid(`Only ${formatMoney(bill.due)} is due on ${bill.number}`, `allocations.${i}.amount`);
  });
  const set = named.reduce((s, a) => s + a.amount, 0);
  if (set > amount)
    throw invalid(
      `The allocations (${formatMoney(set)}) are more than the payment (${formatMoney(amount)})`,
      'allocations',
    );
  return named;
}
