import { useEffect, useState } from 'react';
import type { OutputOf } from '../../../../src-shared/contract';
import { call } from '../../api/client';
import { CustomerPicker } from '../../components/CustomerPicker';
import { useOrderDraft } from '../../stores/order-draft-store';
import { OrderParties } from './OrderParties';

/**
 * Who the order is for and how it ships. The customer box has the focus when the screen opens;
 * choosing a customer sets the warehouse the rule picks for them (theirs, the clerk's, or one in
 * the company's state) and moves on to the first product.
 */
export function OrderHead({ onCustomerChosen }: { onCustomerChosen(): void }) {
  const draft = useOrderDraft();
  const [warehouses, setWarehouses] = useState<OutputOf<'warehouses.list'>>([]);
  const [why, setWhy] = useState('');
  const applyDefault = async (customerId: number | null) => {
    const choice = await call('orders.defaultWarehouse', { customerId });
    setWhy(choice.reason);
    if (choice.warehouseId === null || choice.warehouseId === useOrderDraft.getState().warehouseId) return;
    // Not draft.set: a default arriving late is no edit by the clerk and must not clear an error just shown.
    useOrderDraft.setState({ warehouseId: choice.warehouseId });
    void useOrderDraft.getState().requote();
  };
  useEffect(() => {
    void call('warehouses.list', { includeInactive: false }).then(setWarehouses);
    const { warehouseId, customer } = useOrderDraft.getState();
    if (!warehouseId) void applyDefault(customer?.id ?? null);
  }, []);

  const err = draft.error;
  return (
    <div className="order-head grid">
      <CustomerPicker
        label="Customer"
        name="customerId"
        autoFocus={!draft.customer}
        clearable={false}
        value={draft.customer?.id ?? null}
        valueLabel={draft.customer?.label ?? ''}
        types={[]}
        error={err?.field === 'customerId' ? err.message : undefined}
        onChange={(id, label) => {
          draft.set({ customer: id ? { id, label } : null });
          if (!id) return;
          void applyDefault(id);
          setTimeout(onCustomerChosen, 0);
        }}
      />
      <div className="field">
        <label htmlFor="order-warehouse">Warehouse</label>
        <select
          id="order-warehouse"
          title={why}
          value={draft.warehouseId ?? ''}
          onChange={(e) => draft.set({ warehouseId: Number(e.target.value) })}
        >
          {warehouses.map((w) => (
            <option key={w.id} value={w.id}>
              {w.code} — {w.name}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="order-payment">Payment</label>
        <select
          id="order-payment"
          value={draft.paymentType}
          onChange={(e) => draft.set({ paymentType: e.target.value as typeof draft.paymentType })}
        >
          <option value="credit">Credit</option>
          <option value="cash">Cash</option>
          <option value="cheque">Cheque</option>
          <option value="upi_bank">UPI / bank</option>
        </select>
      </div>
      <div className="field">
        <label htmlFor="order-date">Deliver by</label>
        <input
          id="order-date"
          type="date"
          value={draft.requiredDate}
          onChange={(e) => draft.set({ requiredDate: e.target.value })}
        />
      </div>
      <div className="field">
        <label htmlFor="order-ref">PO / reference</label>
        <input id="order-ref" value={draft.reference} onChange={(e) => draft.set({ reference: e.target.value })} />
      </div>
      <div className="field">
        <label htmlFor="order-endbuyer">End buyer</label>
        <input
          id="order-endbuyer"
          value={draft.endBuyer}
          placeholder="for end-buyer prices"
          onChange={(e) => draft.set({ endBuyer: e.target.value })}
        />
      </div>
      <OrderParties />
    </div>
  );
}
