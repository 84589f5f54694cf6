import { useEffect, useRef, useState } from 'react';
import type { OutputOf } from '../../../../src-shared/contract';
import { formatMoney } from '../../../../src-shared/money';
import { call } from '../../api/client';
import type { PickedProduct } from '../../components/ProductPicker';
import { focusField } from '../../components/use-form';
import { useHotkeys } from '../../components/use-hotkeys';
import { useOrderDraft } from '../../stores/order-draft-store';
import { toast } from '../../stores/toast-store';
import { CustomerEditor } from '../customers/CustomerEditor';
import { ProductEditor } from '../products/ProductEditor';
import { LineEntry } from './LineEntry';
import { OrderHead } from './OrderHead';
import { OrderLinesTable } from './OrderLinesTable';
import { OrderSummary } from './OrderSummary';

const statusText: Record<string, string> = {
  confirmed: 'confirmed and stock reserved',
  pending_approval: 'waiting for a manager’s approval',
  draft: 'saved as a draft',
};

/**
 * Order entry for the counter or the phone, by keyboard alone as in Tally: the customer box has
 * the focus, Enter moves to the product, quantity in any unit ("3c 5"), Enter, next.
 * Ctrl+Enter or Ctrl+A places the order, Ctrl+S keeps a draft, Alt+C creates a customer or
 * product without leaving the order, Alt+P shows where each price came from.
 */
export function OrderEntryScreen() {
  const draft = useOrderDraft();
  const productRef = useRef<HTMLInputElement>(null);
  const [creating, setCreating] = useState<'customer' | 'product' | null>(null);
  const [types, setTypes] = useState<OutputOf<'customerTypes.list'>>([]);
  const [created, setCreated] = useState<PickedProduct | null>(null);
  const [showWhy, setShowWhy] = useState(false);
  useEffect(() => {
    // A resumed draft already has its customer: start on the next product.
    if (useOrderDraft.getState().customer) productRef.current?.focus();
  }, []);

  const place = async () => {
    const detail = await draft.save('place');
    if (detail) toast.ok(`Order ${detail.number} ${statusText[detail.status] ?? detail.status}`);
  };
  const keep = async () => {
    const detail = await draft.save('draft');
    if (detail) toast.ok('Draft saved; find it under Orders › Drafts');
  };
  const next = () => {
    draft.reset();
    setTimeout(() => focusField('customerId'), 0);
  };
  const create = () => {
    const inProduct = document.activeElement === productRef.current;
    const what =
      inProduct || (draft.customer && document.activeElement?.getAttribute('name') !== 'customerId')
        ? 'product'
        : 'customer';
    if (what === 'customer' && types.length === 0) void call('customerTypes.list', {}).then(setTypes);
    setCreating(what);
  };
  useHotkeys(
    {
      'ctrl+enter': () => void place(),
      'ctrl+a': () => void place(),
      'ctrl+s': () => void keep(),
      'alt+n': next,
      'alt+c': create,
      'alt+p': () => setShowWhy((w) => !w),
    },
    creating === null,
  );
  const closeCreate = () => {
    const was = creating;
    setCreating(null);
    setTimeout(
      () =>
        was === 'customer' && !useOrderDraft.getState().customer
          ? focusField('customerId')
          : productRef.current?.focus(),
      0,
    );
  };

  const err = draft.error;
  return (
    <section className="screen order-entry">
      <header className="screen-head">
        <h1>{draft.id ? 'Draft order' : 'New order'}</h1>
        <div className="toolbar">
          <button onClick={() => setShowWhy((w) => !w)} aria-pressed={showWhy}>
            Price sources <kbd>Alt+P</kbd>
          </button>
          <button onClick={next}>
            Clear <kbd>Alt+N</kbd>
          </button>
          <button onClick={() => void keep()} disabled={draft.busy}>
            Save draft <kbd>Ctrl+S</kbd>
          </button>
          <button className="primary" onClick={() => void place()} disabled={draft.busy}>
            Place order <kbd>Ctrl+A</kbd>
          </button>
        </div>
      </header>
      {draft.result && (
        <div className={`banner ${draft.result.status}`} role="status" data-testid="order-result">
          Order <strong>{draft.result.number ?? `draft #${draft.result.id}`}</strong>{' '}
          {statusText[draft.result.status] ?? draft.result.status} — {formatMoney(draft.result.total)}
          {draft.result.status !== 'draft' && (
            <button className="link" onClick={next}>
              Start the next order (Alt+N)
            </button>
          )}
        </div>
      )}
      {err && err.field !== 'customerId' && (
        <div className="form-error" role="alert">
          {err.message}
        </div>
      )}
      <OrderHead onCustomerChosen={() => productRef.current?.focus()} />
      <div className="order-body">
        <div className="order-lines">
          <OrderLinesTable showWhy={showWhy} />
          <LineEntry ref={productRef} created={created} />
        </div>
        <OrderSummary />
      </div>
      {creating === 'customer' && types.length > 0 && (
        <CustomerEditor
          id={null}
          types={types}
          readOnly={false}
          onClose={closeCreate}
          onSaved={(c) => {
            draft.set({ customer: { id: c.id, label: `${c.name} (${c.code})` } });
            void call('orders.defaultWarehouse', { customerId: c.id }).then(
              (w) => w.warehouseId && draft.set({ warehouseId: w.warehouseId }),
            );
            closeCreate();
          }}
        />
      )}
      {creating === 'product' && (
        <ProductEditor
          id={null}
          readOnly={false}
          onClose={closeCreate}
          onSaved={(p) => {
            closeCreate();
            setCreated(p);
          }}
        />
      )}
    </section>
  );
}
