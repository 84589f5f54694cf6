import type { OutputOf } from '../../../../src-shared/contract';
import { parseMoney } from '../../../../src-shared/money';

export type Bill = OutputOf<'invoices.list'>['rows'][number];
export type Allocation = { invoiceId: number; number: string; amount: number };
/** 'oldest': the amount settles the oldest bills first; otherwise the clerk's amount per bill (rupee text). */
export type BillPlan = 'oldest' | Record<number, string>;

export const balanceOf = (b: Bill) => b.total - b.paid - b.credited;
/** Age of a bill in days, between two business dates. */
export const daysBetween = (from: string, to: string) =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

/** Oldest due first, as the server would settle them: what the clerk sees is what is saved. */
export function oldestFirst(bills: Bill[]): Bill[] {
  return [...bills].sort(
    (a, b) => a.dueDate.localeCompare(b.dueDate) || a.invoiceDate.localeCompare(b.invoiceDate) || a.id - b.id,
  );
}

/** The allocations a plan makes of an amount; amounts the clerk typed that do not parse count as nothing. */
export function allocate(bills: Bill[], plan: BillPlan, amount: number): Allocation[] {
  if (plan === 'oldest') {
    let left = amount;
    const out: Allocation[] = [];
    for (const b of oldestFirst(bills)) {
      if (left <= 0) break;
      const take = Math.min(left, balanceOf(b));
      out.push({ invoiceId: b.id, number: b.number, amount: take });
      left -= take;
    }
    return out;
  }
  return oldestFirst(bills)
    .map((b) => ({ invoiceId: b.id, number: b.number, amount: parseMoney(plan[b.id] || '0') ?? 0 }))
    .filter((a) => a.amount > 0);
}
