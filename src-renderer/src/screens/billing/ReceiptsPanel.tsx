import { useState } from 'react';
import type { OutputOf } from '../../../../src-shared/contract';
import { formatMoney } from '../../../../src-shared/money';
import { call } from '../../api/client';
import { useActionKeys } from '../../api/document-key';
import { PagedTable, type Column } from '../../components/PagedTable';
import { toast } from '../../stores/toast-store';

type Receipt = OutputOf<'payments.list'>['rows'][number];

const columns: Column<Receipt>[] = [
  { key: 'number', label: 'Receipt', width: '160px' },
  { key: 'receivedOn', label: 'Received', width: '100px' },
  { key: 'customerName', label: 'Customer', width: 'minmax(200px, 2fr)' },
  { key: 'mode', label: 'Mode', width: '80px' },
  { key: 'reference', label: 'Reference', width: '120px' },
  { key: 'amount', label: 'Amount', width: '120px', align: 'right', render: (r) => formatMoney(r.amount) },
  {
    key: 'reversedOn',
    label: 'Status',
    width: '150px',
    render: (r) => (r.reversedOn ? <span className="bad">reversed {r.reversedOn}</span> : 'received'),
  },
];

/** Receipts, newest first; open one (Enter or click) to reverse it when a cheque bounces. */
export function ReceiptsPanel({ canBill }: { canBill: boolean }) {
  const [chosen, setChosen] = useState<Receipt | null>(null);
  const [reason, setReason] = useState('');
  const [error, setError] = useState('');
  const [refresh, setRefresh] = useState(0);
  const actionKeys = useActionKeys();
  const reverse = async () => {
    if (!chosen) return;
    try {
      const done = await call(
        'payments.reverse',
        { id: chosen.id, reason },
        actionKeys.options(`reverse:${chosen.id}`),
      );
      actionKeys.done(`reverse:${chosen.id}`);
      toast.ok(`${done.number} reversed: ${done.message}`);
      setChosen(null);
      setReason('');
      setError('');
      setRefresh((n) => n + 1);
    } catch (e) {
      setError((e as Error).message);
    }
  };
  return (
    <>
      {chosen && canBill && (
        <form
          className="cancel-box"
          aria-label="Reverse receipt"
          onSubmit={(e) => {
            e.preventDefault();
            void reverse();
          }}
        >
          <h3>
            Reverse {chosen.number} ({formatMoney(chosen.amount)}, {chosen.customerName})
          </h3>
          {chosen.reversedOn ? (
            <p className="muted">
              Already reversed on {chosen.reversedOn}: {chosen.reversalReason}
            </p>
          ) : (
            <>
              <input
                autoFocus
                aria-label="Reason for reversing"
                placeholder="Why, e.g. cheque bounced"
                value={reason}
                onChange={(e) => setReason(e.target.value)}
              />
              <button type="submit" className="warn">
                Reverse receipt
              </button>
            </>
          )}
          <button
            type="button"
            onClick={() => {
              setChosen(null);
              setError('');
            }}
          >
            Close
          </button>
          {error && (
            <div className="field-error" role="alert">
              {error}
            </div>
          )}
        </form>
      )}
      <PagedTable
        label="Receipts"
        columns={columns}
        queryKey={String(refresh)}
        fetchPage={(offset, limit, at) => call('payments.list', { ...at, offset, limit })}
        rowKey={(r) => r.id}
        onOpen={(r) => {
          setChosen(r);
          setError('');
        }}
        emptyText="No receipts yet."
      />
    </>
  );
}
