import { useEffect, useRef, useState } from 'react';
import type { OutputOf } from '../../../../src-shared/contract';
import { formatMoney } from '../../../../src-shared/money';
import { parseQuantity } from '../../../../src-shared/quantity';
import { call } from '../../api/client';
import { CustomerPicker } from '../../components/CustomerPicker';
import { ProductPicker, type PickedProduct } from '../../components/ProductPicker';
import { useHotkeys } from '../../components/use-hotkeys';
import { useOrderDraft } from '../../stores/order-draft-store';
import { toast } from '../../stores/toast-store';
import { OrderLinesTable } from './OrderLinesTable';
import { OrderSummary } from './OrderSummary';

const statusText: Record<string, string> = { confirmed: 'confirmed and stock reserved', pending_approval: 'waiting for a manager’s approval', draft: 'saved as a draft' };

/**
 * Order entry for the counter or the phone: customer, then products by SKU, name or scan, a
 * quantity in any unit ("3c 5"), Enter, next. Ctrl+Enter places the order, Ctrl+S keeps a draft.
 */
export function OrderEntryScreen() {
  const draft = useOrderDraft();
  const [warehouses, setWarehouses] = useState<OutputOf<'warehouses.list'>>([]);
  const [pending, setPending] = useState<PickedProduct | null>(null);
  const [qtyText, setQtyText] = useState('');
  const [qtyError, setQtyError] = useState('');
  const productRef = useRef<HTMLInputElement>(null);
  const qtyRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    void call('warehouses.list', { includeInactive: false }).then((w) => {
      setWarehouses(w);
      if (!useOrderDraft.getState().warehouseId && w[0]) useOrderDraft.setState({ warehouseId: w[0].id });
    });
  }, []);

  const place = async () => {
    const detail = await draft.save('place');
    if (detail) toast.ok(`Order ${detail.number} ${statusText[detail.status] ?? detail.status}`);
  };
  const keep = async () => {
    const detail = await draft.save('draft');
    if (detail) toast.ok('Draft saved; find it under Orders › Drafts');
  };
  useHotkeys({ 'ctrl+enter': () => void place(), 'ctrl+s': () => void keep(), 'alt+n': () => draft.reset() });

  const pick = (product: PickedProduct, unit: { unit: string; factor: number } | null) => {
    if (unit) {
      // A scanned case barcode is a whole case: add it at once and stay ready for the next scan.
      draft.addLine(lineFor(product, unit.factor, `1 ${unit.unit}`));
      return;
    }
    setPending(product);
    setQtyText('');
  };
  // The quantity box is enabled by the render that sets `pending`; focus it only after that render.
  useEffect(() => {
    if (pending) qtyRef.current?.focus();
  }, [pending]);
  const lineFor = (p: PickedProduct, quantity: number, enteredAs: string) => ({
    productId: p.id, sku: p.sku, name: p.name, baseUnit: p.baseUnit, packs: p.packs, quantity, enteredAs, priceOverride: null, manualDiscountBps: 0, shortageAction: 'backorder' as const, warehouseId: null,
  });
  const addPending = () => {
    if (!pending) return;
    const parsed = parseQuantity(qtyText, pending);
    if (!parsed.ok) return setQtyError(parsed.error);
    draft.addLine(lineFor(pending, parsed.quantity, parsed.text));
    setPending(null);
    setQtyText('');
    setQtyError('');
    productRef.current?.focus();
  };

  const err = draft.error;
  return (
    <section className="screen order-entry">
      <header className="screen-head">
        <h1>{draft.id ? 'Draft order' : 'New order'}</h1>
        <div className="toolbar">
          <button onClick={() => draft.reset()}>Clear <kbd>Alt+N</kbd></button>
          <button onClick={() => void keep()} disabled={draft.busy}>Save draft <kbd>Ctrl+S</kbd></button>
          <button className="primary" onClick={() => void place()} disabled={draft.busy}>Place order <kbd>Ctrl+Enter</kbd></button>
        </div>
      </header>
      {draft.result && (
        <div className={`banner ${draft.result.status}`} role="status" data-testid="order-result">
          Order <strong>{draft.result.number ?? `draft #${draft.result.id}`}</strong> {statusText[draft.result.status] ?? draft.result.status} — {formatMoney(draft.result.total)}
          {draft.result.status !== 'draft' && <button className="link" onClick={() => draft.reset()}>Start the next order (Alt+N)</button>}
        </div>
      )}
      {err && <div className="form-error" role="alert">{err.message}</div>}
      <div className="order-head grid">
        <CustomerPicker
          label="Customer"
          name="customerId"
          value={draft.customer?.id ?? null}
          valueLabel={draft.customer?.label ?? ''}
          types={[]}
          error={err?.field === 'customerId' ? err.message : undefined}
          onChange={(id, label) => {
            draft.set({ customer: id ? { id, label } : null });
            if (id) setTimeout(() => productRef.current?.focus(), 0);
          }}
        />
        <div className="field">
          <label htmlFor="order-warehouse">Warehouse</label>
          <select id="order-warehouse" value={draft.warehouseId ?? ''} onChange={(e) => draft.set({ warehouseId: Number(e.target.value) })}>
            {warehouses.map((w) => <option key={w.id} value={w.id}>{w.code} — {w.name}</option>)}
          </select>
        </div>
        <div className="field">
          <label htmlFor="order-payment">Payment</label>
          <select id="order-payment" value={draft.paymentType} onChange={(e) => draft.set({ paymentType: e.target.value as typeof draft.paymentType })}>
            <option value="credit">Credit</option><option value="cash">Cash</option><option value="cheque">Cheque</option><option value="upi_bank">UPI / bank</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor="order-date">Deliver by</label>
          <input id="order-date" type="date" value={draft.requiredDate} onChange={(e) => draft.set({ requiredDate: e.target.value })} />
        </div>
        <div className="field">
          <label htmlFor="order-ref">PO / reference</label>
          <input id="order-ref" value={draft.reference} onChange={(e) => draft.set({ reference: e.target.value })} />
        </div>
        <div className="field">
          <label htmlFor="order-endbuyer">End buyer</label>
          <input id="order-endbuyer" value={draft.endBuyer} placeholder="for end-buyer prices" onChange={(e) => draft.set({ endBuyer: e.target.value })} />
        </div>
      </div>
      <div className="order-body">
        <div className="order-lines">
          <OrderLinesTable />
          <div className="entry-row">
            <ProductPicker ref={productRef} onPick={pick} />
            <div className="field qty">
              <label htmlFor="entry-qty">Quantity {pending ? `of ${pending.sku}` : ''}</label>
              <input
                id="entry-qty"
                ref={qtyRef}
                disabled={!pending}
                placeholder={pending ? `e.g. 3c 5 (${[...pending.packs.map((p) => `${p.unit}=${p.factor}`), pending.baseUnit].join(', ')})` : 'pick a product first'}
                value={qtyText}
                aria-invalid={Boolean(qtyError)}
                onChange={(e) => {
                  setQtyText(e.target.value);
                  setQtyError('');
                }}
                onKeyDown={(e) => {
                  if (e.ctrlKey || e.metaKey || e.altKey) return;
                  if (e.key === 'Enter') {
                    e.preventDefault();
                    e.stopPropagation();
                    addPending();
                  } else if (e.key === 'Escape') {
                    setPending(null);
                    productRef.current?.focus();
                  }
                }}
              />
              {qtyError && <div className="field-error" role="alert">{qtyError}</div>}
            </div>
          </div>
        </div>
        <OrderSummary />
      </div>
    </section>
  );
}
