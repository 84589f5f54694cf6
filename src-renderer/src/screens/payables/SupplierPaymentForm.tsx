import { useEffect, useRef, useState } from 'react';
import type { OutputOf } from '../../../../src-shared/contract';
import { formatDocDate } from '../../../../src-shared/dates';
import { formatMoney, parseMoney } from '../../../../src-shared/money';
import { call, type ApiError } from '../../api/client';
import { useDocumentKey } from '../../api/document-key';
import { businessToday } from '../../stores/business-date';
import { toast } from '../../stores/toast-store';

type OpenInvoice = OutputOf<'payables.openInvoices'>[number];

/**
 * Paying the brand: the amount goes to the invoices falling due first, or to the ones the clerk ticks
 * (each in full unless its amount is changed). Enter reviews, Enter again pays; the document key makes
 * a second press or a retry pay once.
 */
export function SupplierPaymentForm(props: {
  supplierId: number;
  supplierName: string;
  invoices: OpenInvoice[];
  onPaid(): void;
}) {
  const today = businessToday();
  const [paidOn, setPaidOn] = useState(today);
  const [mode, setMode] = useState<'bank' | 'cash' | 'upi'>('bank');
  const [reference, setReference] = useState('');
  const [amountText, setAmountText] = useState('');
  const [chosen, setChosen] = useState<Record<number, string>>({});
  const [plan, setPlan] = useState<'due' | 'chosen'>('due');
  const [reviewing, setReviewing] = useState(false);
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState('');
  const key = useDocumentKey();
  const payButton = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    setChosen({});
    setReviewing(false);
  }, [props.supplierId]);
  useEffect(() => {
    if (reviewing) payButton.current?.focus();
  }, [reviewing]);

  const amount = parseMoney(amountText) ?? 0;
  const picks = Object.entries(chosen).map(([id, text]) => ({
    purchaseInvoiceId: Number(id),
    amount: parseMoney(text),
  }));
  const picked = picks.reduce((s, p) => s + (p.amount ?? 0), 0);
  const toggle = (inv: OpenInvoice) =>
    setChosen(({ [inv.id]: had, ...rest }) =>
      had === undefined ? { ...rest, [inv.id]: formatMoney(inv.due, { symbol: false }) } : rest,
    );
  // The same order the ledger uses (oldest due first), so the review says which invoices it settles.
  let left = amount;
  const dueFirst = props.invoices
    .map((inv) => {
      const a = Math.min(left, inv.due);
      left -= a;
      return { number: inv.number, amount: a };
    })
    .filter((a) => a.amount > 0);
  const modeLabel = { bank: 'bank transfer', upi: 'UPI', cash: 'cash' }[mode];
  const edit = () => (setReviewing(false), setProblem(''));

  const review = () => {
    if (parseMoney(amountText) === null || amount <= 0) return setProblem('Enter the amount paid, e.g. 12500.00');
    if (mode !== 'cash' && !reference.trim()) return setProblem('Enter the bank or UPI reference (UTR) of the payment');
    if (plan === 'chosen') {
      if (picks.length === 0) return setProblem('Tick the invoices this payment settles');
      if (picks.some((p) => p.amount === null || p.amount <= 0))
        return setProblem('Each ticked invoice needs an amount');
      if (picked > amount)
        return setProblem(
          `The ticked invoices (${formatMoney(picked)}) are more than the payment (${formatMoney(amount)})`,
        );
    }
    setProblem('');
    setReviewing(true);
  };
  const pay = async () => {
    setSaving(true);
    try {
      const allocations = plan === 'chosen' ? picks.map((p) => ({ ...p, amount: p.amount ?? 0 })) : null;
      const r = await call(
        'payables.pay',
        { supplierId: props.supplierId, paidOn, mode, reference, amount, allocations },
        key.options,
      );
      key.renew();
      toast.ok(
        `${r.number}: ${formatMoney(r.amount)} paid` +
          (r.onAccount ? `, ${formatMoney(r.onAccount)} as an advance` : ''),
      );
      setAmountText('');
      setReference('');
      setChosen({});
      setReviewing(false);
      props.onPaid();
    } catch (e) {
      setProblem((e as ApiError).message);
      setReviewing(false);
    } finally {
      setSaving(false);
    }
  };

  return (
    <form
      className="card"
      aria-label="Pay the supplier"
      onSubmit={(e) => {
        e.preventDefault();
        if (reviewing) void pay();
        else review();
      }}
      onKeyDown={(e) => e.key === 'Escape' && reviewing && (e.preventDefault(), edit())}
    >
      <h3>Pay the supplier</h3>
      <div className="grid">
        <div className="field">
          <label htmlFor="pay-on">Paid on</label>
          <input id="pay-on" type="date" value={paidOn} onChange={(e) => (setPaidOn(e.target.value), edit())} />
        </div>
        <div className="field">
          <label htmlFor="pay-mode">Mode</label>
          <select id="pay-mode" value={mode} onChange={(e) => (setMode(e.target.value as typeof mode), edit())}>
            <option value="bank">Bank transfer</option>
            <option value="upi">UPI</option>
            <option value="cash">Cash</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor="pay-ref">Reference / UTR</label>
          <input id="pay-ref" value={reference} onChange={(e) => (setReference(e.target.value), edit())} />
        </div>
        <div className="field">
          <label htmlFor="pay-amount">Amount (₹)</label>
          <input
            id="pay-amount"
            inputMode="decimal"
            value={amountText}
            onChange={(e) => (setAmountText(e.target.value), edit())}
          />
        </div>
        <div className="field">
          <label htmlFor="pay-plan">Set against</label>
          <select id="pay-plan" value={plan} onChange={(e) => (setPlan(e.target.value as typeof plan), edit())}>
            <option value="due">Invoices falling due first</option>
            <option value="chosen">Invoices I tick</option>
          </select>
        </div>
      </div>
      {plan === 'chosen' && (
        <table className="lines compact" aria-label="Invoices to pay">
          <thead>
            <tr>
              <th />
              <th>Invoice</th>
              <th>Due on</th>
              <th className="num">Due</th>
              <th className="num">Pay</th>
            </tr>
          </thead>
          <tbody>
            {props.invoices.map((inv) => (
              <tr key={inv.id}>
                <td>
                  <input
                    type="checkbox"
                    aria-label={`Pay ${inv.number}`}
                    checked={chosen[inv.id] !== undefined}
                    onChange={() => (toggle(inv), edit())}
                  />
                </td>
                <td>
                  {inv.number} <span className="muted">{inv.supplierInvoiceNo}</span>
                </td>
                <td>{formatDocDate(inv.dueOn)}</td>
                <td className="num">{formatMoney(inv.due)}</td>
                <td className="num">
                  {chosen[inv.id] !== undefined && (
                    <input
                      aria-label={`Amount for ${inv.number}`}
                      value={chosen[inv.id]}
                      onChange={(e) => (setChosen((c) => ({ ...c, [inv.id]: e.target.value })), edit())}
                    />
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {problem && (
        <div className="form-error" role="alert">
          {problem}
        </div>
      )}
      {reviewing ? (
        <section className="card confirm" role="alertdialog" aria-label="Confirm payment">
          <p>
            Pay <strong>{formatMoney(amount)}</strong> to <strong>{props.supplierName}</strong> ({modeLabel}
            {reference ? ` ${reference}` : ''}) on {formatDocDate(paidOn)},{' '}
            {plan === 'due'
              ? 'against ' +
                dueFirst.map((a) => `${a.number}: ${formatMoney(a.amount)}`).join(', ') +
                (left > 0 ? `; ${formatMoney(left)} as an advance.` : '.')
              : `${formatMoney(picked)} against the ${picks.length} ticked invoice(s)` +
                (amount > picked ? `, ${formatMoney(amount - picked)} as an advance.` : '.')}
          </p>
          <button ref={payButton} type="submit" className="primary" disabled={saving}>
            Pay {formatMoney(amount)} <kbd>Enter</kbd>
          </button>
          <button type="button" onClick={edit}>
            Back (Esc)
          </button>
        </section>
      ) : (
        <button className="primary" type="submit">
          Review payment <kbd>Enter</kbd>
        </button>
      )}
    </form>
  );
}
