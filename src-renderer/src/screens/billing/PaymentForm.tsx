import { businessToday } from '../../stores/business-date';
import { useState } from 'react';
import type { OutputOf } from '../../../../src-shared/contract';
import { formatMoney } from '../../../../src-shared/money';
import { call } from '../../api/client';
import { useDocumentKey } from '../../api/document-key';
import { CustomerPicker } from '../../components/CustomerPicker';
import { MoneyField, SelectField, TextField } from '../../components/fields';
import { useForm } from '../../components/use-form';
import { toast } from '../../stores/toast-store';

/** A receipt: who paid, how, how much; it settles their oldest invoices first. */
export function PaymentForm() {
  const today = businessToday();
  const form = useForm({ customerId: null as number | null, receivedOn: today, mode: 'cash' as 'cash' | 'cheque' | 'upi' | 'bank', reference: '', bank: '', chequeDate: '', amount: 0 });
  const [label, setLabel] = useState('');
  const [result, setResult] = useState<OutputOf<'payments.record'> | null>(null);
  const documentKey = useDocumentKey();
  const save = () =>
    form.submit(async (v) => {
      const r = await call('payments.record', { ...v, customerId: v.customerId ?? 0, chequeDate: v.chequeDate || null, allocations: null }, documentKey.options);
      documentKey.renew();
      setResult(r);
      toast.ok(`${r.number}: ${formatMoney(r.amount)} received`);
      form.reset({ ...v, reference: '', amount: 0 });
    });
  return (
    <form className="card narrow-form" onSubmit={(e) => { e.preventDefault(); void save(); }}>
      {form.formError && <div className="form-error" role="alert">{form.formError}</div>}
      <div className="grid">
        <CustomerPicker label="Customer" name="customerId" value={form.values.customerId} valueLabel={label} types={[]} error={form.errors.customerId} onChange={(id, l) => { form.set('customerId', id); setLabel(l); }} />
        <TextField form={form} path="receivedOn" label="Received on" type="date" />
        <SelectField form={form} path="mode" label="Mode" options={[{ value: 'cash', label: 'Cash' }, { value: 'cheque', label: 'Cheque' }, { value: 'upi', label: 'UPI' }, { value: 'bank', label: 'Bank transfer' }]} />
        <TextField form={form} path="reference" label={form.values.mode === 'cheque' ? 'Cheque number' : 'Reference / UTR'} />
        {form.values.mode === 'cheque' && <TextField form={form} path="bank" label="Bank" />}
        {form.values.mode === 'cheque' && <TextField form={form} path="chequeDate" label="Cheque date" type="date" />}
        <MoneyField form={form} path="amount" label="Amount (₹)" />
      </div>
      <button className="primary" type="submit" disabled={form.saving}>Record payment</button>
      {result && (
        <p role="status" data-testid="payment-result">
          {result.number}: {formatMoney(result.allocated)} set against {result.allocations.length} invoice(s){result.onAccount ? `, ${formatMoney(result.onAccount)} kept on account` : ''}.
        </p>
      )}
    </form>
  );
}
