import { useRef, type KeyboardEvent } from 'react';
import { formatMoney, parseMoney } from '../../../../src-shared/money';
import { allocate, balanceOf, daysBetween, oldestFirst, type Bill, type BillPlan } from './receipt-allocation';

/**
 * The customer's open bills with their age and balance, and what this receipt sets against each.
 * Typing an amount on a bill switches to bill-by-bill; Space settles a bill in full (or clears it);
 * ↑↓ move between bills.
 */
export function OpenBills({
  bills,
  plan,
  amount,
  today,
  onPlan,
}: {
  bills: Bill[];
  plan: BillPlan;
  amount: number;
  today: string;
  onPlan(p: BillPlan): void;
}) {
  const inputs = useRef<(HTMLInputElement | null)[]>([]);
  const sorted = oldestFirst(bills);
  const shown = allocate(bills, plan, amount);
  const manual = plan === 'oldest' ? {} : plan;
  const textOf = (b: Bill) =>
    plan === 'oldest'
      ? formatMoney(shown.find((a) => a.invoiceId === b.id)?.amount ?? 0, { symbol: false })
      : (manual[b.id] ?? '');
  const onKey = (e: KeyboardEvent<HTMLInputElement>, i: number) => {
    const b = sorted[i]!;
    if (e.key === ' ') {
      e.preventDefault();
      const full = formatMoney(balanceOf(b), { symbol: false });
      const settled = plan !== 'oldest' && parseMoney(manual[b.id] || '0') === balanceOf(b);
      onPlan({ ...manual, [b.id]: settled ? '' : full });
    } else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      inputs.current[i + (e.key === 'ArrowDown' ? 1 : -1)]?.focus();
    }
  };
  if (bills.length === 0)
    return (
      <p className="muted" role="status">
        No open bills: the whole amount stays on account.
      </p>
    );
  return (
    <table className="plain bills" aria-label="Open bills">
      <thead>
        <tr>
          <th>Bill</th>
          <th>Date</th>
          <th className="num">Age</th>
          <th>Due</th>
          <th className="num">Balance</th>
          <th className="num">Set against it</th>
        </tr>
      </thead>
      <tbody>
        {sorted.map((b, i) => (
          <tr key={b.id} className={shown.some((a) => a.invoiceId === b.id) ? 'chosen' : ''}>
            <td>{b.number}</td>
            <td>{b.invoiceDate}</td>
            <td className="num">{daysBetween(b.invoiceDate, today)} d</td>
            <td className={b.daysOverdue ? 'bad' : ''}>
              {b.dueDate}
              {b.daysOverdue ? ` (${b.daysOverdue} d over)` : ''}
            </td>
            <td className="num">{formatMoney(balanceOf(b))}</td>
            <td className="num">
              <input
                ref={(el) => {
                  inputs.current[i] = el;
                }}
                className="num"
                inputMode="decimal"
                aria-label={`Allocate to ${b.number}`}
                value={textOf(b)}
                onKeyDown={(e) => onKey(e, i)}
                onFocus={(e) => e.target.select()}
                onChange={(e) => onPlan({ ...manual, [b.id]: e.target.value.replace(/[^\d.,]/g, '') })}
              />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
