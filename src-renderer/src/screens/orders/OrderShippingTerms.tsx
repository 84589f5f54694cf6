import { useEffect, useState } from 'react';
import type { OutputOf } from '../../../../src-shared/contract';
import { call } from '../../api/client';
import { toast } from '../../stores/toast-store';
import { draftOf, ShippingTermsFields, termsInput, type TermsDraft } from '../channel/ShippingTermsFields';

type OrderTerms = OutputOf<'shipping.orderTerms'>;

/**
 * The order's shipping terms as dispatch and billing will use them, and the clerk's override for this order only
 * (a customer who pays freight this once, another transporter): the customer's terms stay as they are.
 */
export function OrderShippingTerms({ orderId, changeable }: { orderId: number; changeable: boolean }) {
  const [terms, setTerms] = useState<OrderTerms | null>(null);
  const [draft, setDraft] = useState<TermsDraft | null>(null);
  const [error, setError] = useState('');
  useEffect(() => {
    void call('shipping.orderTerms', { orderId }).then(setTerms);
  }, [orderId]);
  if (!terms) return null;
  const save = async (next: TermsDraft | null) => {
    try {
      const saved = await call('shipping.saveOrderTerms', { orderId, terms: next && termsInput(next) });
      setTerms(saved);
      setDraft(null);
      setError('');
      toast.ok(next ? 'This order’s shipping terms saved' : 'The order takes the customer’s terms again');
    } catch (e) {
      setError((e as Error).message);
    }
  };
  return (
    <section aria-label="Order shipping terms">
      <h3>Shipping</h3>
      <p>
        {terms.effective.summary}{' '}
        <span className="muted">{terms.override ? '(this order’s own terms)' : '(the customer’s terms)'}</span>
      </p>
      {changeable && draft === null && (
        <div className="line-actions">
          <button type="button" onClick={() => setDraft(draftOf(terms.effective))}>
            Change for this order
          </button>
          {terms.override && (
            <button type="button" onClick={() => void save(null)}>
              Back to the customer’s terms
            </button>
          )}
        </div>
      )}
      {draft !== null && (
        // Inside the drawer's own form: Enter in a box saves these terms, never the drawer.
        <div
          onKeyDown={(e) => {
            if (e.key !== 'Enter' || (e.target as HTMLElement).tagName !== 'INPUT') return;
            e.preventDefault();
            void save(draft);
          }}
        >
          <ShippingTermsFields value={draft} onChange={setDraft} />
          {error && (
            <div className="field-error" role="alert">
              {error}
            </div>
          )}
          <div className="line-actions">
            <button className="primary" type="button" onClick={() => void save(draft)}>
              Save for this order <kbd>Enter</kbd>
            </button>
            <button type="button" onClick={() => setDraft(null)}>
              Keep as it was
            </button>
          </div>
        </div>
      )}
    </section>
  );
}
