import { businessToday } from '../../stores/business-date';
import { useEffect, useRef, useState } from 'react';
import type { OutputOf } from '../../../../src-shared/contract';
import { formatMoney } from '../../../../src-shared/money';
import { call } from '../../api/client';
import { useDocumentKey } from '../../api/document-key';
import { CustomerPicker } from '../../components/CustomerPicker';
import { MoneyField, SelectField, TextField } from '../../components/fields';
import { useForm } from '../../components/use-form';
import { toast } from '../../stores/toast-store';
import { OpenBills } from './OpenBills';
import { allocate, balanceOf, type Bill, type BillPlan } from './receipt-allocation';

type Customer = OutputOf<'customers.get'>;
const who = (c: Customer) => `${c.name} · ${c.code} · ${c.billTo.city}`;

/**
 * A receipt, bill-wise: choosing the customer shows their open bills; the amount settles the
 * oldest first, or the clerk sets it bill by bill. Saving first shows who pays and which bills
 * it settles; money left on account must be acknowledged (a second Enter), because two similar
 * customers are easy to confuse.
 */
export function PaymentForm() {
  const today = businessToday();
  const form = useForm({
    customerId: null as number | null,
    receivedOn: today,
    mode: 'cash' as 'cash' | 'cheque' | 'upi' | 'bank',
    reference: '',
    bank: '',
    chequeDate: '',
    amount: 0,
    tds: 0,
  });
  const [label, setLabel] = useState('');
  const [customer, setCustomer] = useState<Customer | null>(null);
  const [bills, setBills] = useState<Bill[]>([]);
  const [plan, setPlan] = useState<BillPlan>('oldest');
  const [step, setStep] = useState<'edit' | 'confirm' | 'acknowledged'>('edit');
  const [problem, setProblem] = useState('');
  const [result, setResult] = useState<OutputOf<'payments.record'> | null>(null);
  const documentKey = useDocumentKey();
  const confirmButton = useRef<HTMLButtonElement>(null);
  const id = form.values.customerId;
  useEffect(() => {
    setPlan('oldest');
    setCustomer(null);
    setBills([]);
    if (id === null) return;
    void call('customers.get', { id }).then(setCustomer);
    void call('invoices.list', { customerId: id, unpaidOnly: true, limit: 500 }).then((r) => setBills(r.rows));
  }, [id, result]);
  useEffect(() => {
    if (step !== 'edit') confirmButton.current?.focus();
  }, [step]);
  // TDS the buyer deducted (194Q) settles the bills together with the money received.
  const received = form.values.amount;
  const tds = form.values.tds;
  const amount = received + tds;
  // A changed amount is a different receipt: it is reviewed again.
  useEffect(() => setStep('edit'), [amount]);

  const allocations = allocate(bills, plan, amount);
  const allocated = allocations.reduce((s, a) => s + a.amount, 0);
  const onAccount = amount - allocated;
  const edit = (p: BillPlan) => {
    setPlan(p);
    setStep('edit');
    setProblem('');
  };

  const review = () => {
    const over = allocations.find((a) => a.amount > balanceOf(bills.find((b) => b.id === a.invoiceId)!));
    if (!customer) return setProblem('Choose the customer who paid');
    if (received <= 0) return setProblem('Enter the amount received');
    if (tds > received) return setProblem('TDS deducted cannot be more than the amount received');
    if (over)
      return setProblem(
        `Only ${formatMoney(balanceOf(bills.find((b) => b.id === over.invoiceId)!))} is due on ${over.number}`,
      );
    if (onAccount < 0)
      return setProblem(
        `The bills (${formatMoney(allocated)}) are more than the amount received${tds ? ' with TDS' : ''} (${formatMoney(amount)})`,
      );
    setProblem('');
    setStep('confirm');
  };
  const save = () =>
    form.submit(async (v) => {
      const r = await call(
        'payments.record',
        {
          ...v,
          customerId: v.customerId ?? 0,
          chequeDate: v.chequeDate || null,
          allocations: allocations.map(({ invoiceId, amount: a }) => ({ invoiceId, amount: a })),
        },
        documentKey.options,
      );
      documentKey.renew();
      setResult(r);
      setStep('edit');
      toast.ok(`${r.number}: ${formatMoney(r.amount)} received from ${customer ? who(customer) : label}`);
      form.reset({ ...v, reference: '', amount: 0, tds: 0 });
    });
  const confirm = () => {
    if (onAccount > 0 && step === 'confirm') setStep('acknowledged');
    else void save().then(() => setStep('edit'));
  };

  return (
    <form
      className="card narrow-form receipt"
      aria-label="Receive payment"
      onSubmit={(e) => {
        e.preventDefault();
        review();
      }}
    >
      {form.formError && (
        <div className="form-error" role="alert">
          {form.formError}
        </div>
      )}
      <div className="grid">
        <CustomerPicker
          label="Customer"
          name="customerId"
          value={form.values.customerId}
          valueLabel={label}
          types={[]}
          error={form.errors.customerId}
          onChange={(cid, l) => {
            form.set('customerId', cid);
            setLabel(l);
            setStep('edit');
          }}
        />
        <TextField form={form} path="receivedOn" label="Received on" type="date" />
        <SelectField
          form={form}
          path="mode"
          label="Mode"
          options={[
            { value: 'cash', label: 'Cash' },
            { value: 'cheque', label: 'Cheque' },
            { value: 'upi', label: 'UPI' },
            { value: 'bank', label: 'Bank transfer' },
          ]}
        />
        <TextField
          form={form}
          path="reference"
          label={form.values.mode === 'cheque' ? 'Cheque number' : 'Reference / UTR'}
        />
        {form.values.mode === 'cheque' && <TextField form={form} path="bank" label="Bank" />}
        {form.values.mode === 'cheque' && <TextField form={form} path="chequeDate" label="Cheque date" type="date" />}
        <MoneyField form={form} path="amount" label="Amount (₹)" />
        <MoneyField
          form={form}
          path="tds"
          label="TDS deducted by the buyer (₹)"
          hint="Section 194Q; settles the bills with the amount"
        />
      </div>
      {customer && (
        <>
          <div className="toolbar left bills-head">
            <strong data-testid="receipt-customer">{who(customer)}</strong>
            <span className="muted">
              owes {formatMoney(bills.reduce((s, b) => s + balanceOf(b), 0))} on {bills.length} bill(s)
            </span>
            <select
              aria-label="Allocation"
              value={plan === 'oldest' ? 'oldest' : 'bills'}
              onChange={(e) => edit(e.target.value === 'oldest' ? 'oldest' : {})}
            >
              <option value="oldest">Oldest bills first</option>
              <option value="bills">Bill by bill</option>
            </select>
          </div>
          <OpenBills bills={bills} plan={plan} amount={amount} today={form.values.receivedOn || today} onPlan={edit} />
          <p className="muted bills-keys">
            Type an amount on a bill, or Space to settle it in full · ↑↓ between bills · Enter to review
          </p>
          <p role="status" data-testid="allocation-summary">
            {formatMoney(allocated)} against {allocations.length} bill(s)
            {onAccount > 0 && <strong className="bad"> · {formatMoney(onAccount)} stays on account</strong>}
          </p>
        </>
      )}
      {problem && (
        <div className="form-error" role="alert">
          {problem}
        </div>
      )}
      {step === 'edit' ? (
        <button className="primary" type="submit" disabled={form.saving}>
          Review receipt
        </button>
      ) : (
        customer && (
          <section
            className="card confirm"
            role="alertdialog"
            aria-label="Confirm receipt"
            onKeyDown={(e) => {
              if (e.key === 'Escape') {
                e.preventDefault();
                setStep('edit');
              }
            }}
          >
            <p>
              <strong>{formatMoney(received)}</strong> ({form.values.mode}){tds > 0 && <> and TDS {formatMoney(tds)}</>}{' '}
              from <strong>{who(customer)}</strong>
            </p>
            <ul>
              {allocations.map((a) => (
                <li key={a.invoiceId}>
                  {a.number}: {formatMoney(a.amount)}
                </li>
              ))}
            </ul>
            {onAccount > 0 && (
              <div className="form-error" role="alert" data-testid="on-account-warning">
                {formatMoney(onAccount)} is not set against any bill and will stay on account of {customer.name} (
                {customer.code}).
                {step === 'confirm' ? ' Press Enter again to accept that.' : ' Accepted.'}
              </div>
            )}
            <button ref={confirmButton} type="button" className="primary" disabled={form.saving} onClick={confirm}>
              {onAccount > 0 && step === 'confirm' ? `Keep ${formatMoney(onAccount)} on account` : 'Save receipt'}
            </button>
            <button type="button" onClick={() => setStep('edit')}>
              Back (Esc)
            </button>
          </section>
        )
      )}
      {result && (
        <p role="status" data-testid="payment-result">
          {result.number}: {formatMoney(result.allocated)} set against {result.allocations.length} invoice(s)
          {result.onAccount ? `, ${formatMoney(result.onAccount)} kept on account` : ''}.
        </p>
      )}
    </form>
  );
}
