import { useState } from 'react';
import type { OutputOf } from '../../../../src-shared/contract';
import { call } from '../../api/client';
import { useDocumentKey } from '../../api/document-key';
import { toast } from '../../stores/toast-store';

type Invoice = OutputOf<'invoices.get'>;

/**
 * Cancelling a posted invoice raised in error: a reason, then Enter or the button. The server
 * refuses (with why) when money or a credit note is against it or the window has passed.
 */
export function CancelInvoiceBox({ invoice, onCancelled }: { invoice: Invoice; onCancelled(inv: Invoice): void }) {
  const [reason, setReason] = useState('');
  const [error, setError] = useState('');
  const documentKey = useDocumentKey();
  const cancel = async () => {
    try {
      const inv = await call('invoices.cancel', { id: invoice.id, reason }, documentKey.options);
      toast.ok(`${inv.number} cancelled; its delivery notes are back in “To invoice”`);
      setError('');
      onCancelled(inv);
    } catch (e) {
      setError((e as Error).message);
    }
  };
  return (
    // Inside the drawer's own form, so Enter is caught here rather than by a nested form.
    <div className="cancel-box" role="group" aria-label="Cancel invoice">
      <h3>Cancel invoice</h3>
      <input
        aria-label="Reason for cancelling"
        placeholder="Why is this invoice cancelled?"
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            void cancel();
          }
        }}
      />
      <button type="button" className="warn" onClick={() => void cancel()}>
        Cancel invoice
      </button>
      {error && (
        <div className="field-error" role="alert">
          {error}
        </div>
      )}
    </div>
  );
}

/** What a cancelled invoice shows instead of the correction boxes. */
export function CancelledBanner({ invoice }: { invoice: Invoice }) {
  return (
    <p className="field-error" role="status">
      CANCELLED on {invoice.cancelledOn}: {invoice.cancelReason}
    </p>
  );
}
