import { useEffect, useState } from 'react';
import type { OutputOf } from '../../../../src-shared/contract';
import { formatMoney } from '../../../../src-shared/money';
import { call } from '../../api/client';
import { useSession } from '../../stores/session-store';
import { toast } from '../../stores/toast-store';
import { CreditNow } from './CreditNow';
import { OrderDetailDrawer } from './OrderDetailDrawer';

type Approval = OutputOf<'approvals.list'>[number];

/** The manager's queue: why each order waits, and approve or reject with a comment. */
export function ApprovalsScreen() {
  const canDecide = useSession((s) => s.can('orders.approve'));
  const [status, setStatus] = useState<'pending' | 'approved' | 'rejected'>('pending');
  const [rows, setRows] = useState<Approval[]>([]);
  const [comments, setComments] = useState<Record<number, string>>({});
  const [errors, setErrors] = useState<Record<number, string>>({});
  const [open, setOpen] = useState<number | null>(null);
  const reload = () => void call('approvals.list', { status }).then(setRows);
  useEffect(reload, [status]);
  const decide = async (a: Approval, decision: 'approve' | 'reject') => {
    try {
      const order = await call('approvals.decide', { id: a.id, decision, comment: comments[a.id] ?? '' });
      toast.ok(`${order.number} ${decision === 'approve' ? 'approved and confirmed' : 'rejected and sent back'}`);
      reload();
    } catch (e) {
      setErrors((x) => ({ ...x, [a.id]: (e as Error).message }));
    }
  };
  return (
    <section className="screen">
      <header className="screen-head">
        <h1>Approvals</h1>
        <div className="tabs" role="tablist">
          {(['pending', 'approved', 'rejected'] as const).map((s) => (
            <button key={s} role="tab" aria-selected={status === s} className={status === s ? 'current' : ''} onClick={() => setStatus(s)}>{s[0]!.toUpperCase() + s.slice(1)}</button>
          ))}
        </div>
      </header>
      {rows.length === 0 && <p className="muted">Nothing {status === 'pending' ? 'waits for a decision' : `was ${status}`}.</p>}
      <div className="approval-list">
        {rows.map((a) => (
          <article key={a.id} className="card approval-card" aria-label={`Approval for ${a.orderNumber}`}>
            <header>
              <button className="link" onClick={() => setOpen(a.orderId)}>{a.orderNumber}</button>
              <span>{a.customerName}</span>
              <strong className="num">{formatMoney(a.total)}</strong>
              <span className="muted">asked by {a.requestedBy}, {a.requestedAt.slice(0, 16).replace('T', ' ')}</span>
            </header>
            <ul>{a.reasons.map((r) => <li key={r}>{r}</li>)}</ul>
            {a.credit && <CreditNow credit={a.credit} />}
            {status === 'pending' && canDecide ? (
              <div className="decide">
                <input aria-label={`Comment on ${a.orderNumber}`} placeholder="Comment (required to reject)" value={comments[a.id] ?? ''} onChange={(e) => setComments((c) => ({ ...c, [a.id]: e.target.value }))} />
                <button className="primary" onClick={() => void decide(a, 'approve')}>Approve</button>
                <button className="warn" onClick={() => void decide(a, 'reject')}>Reject</button>
                {errors[a.id] && <div className="field-error" role="alert">{errors[a.id]}</div>}
              </div>
            ) : (
              a.comment && <p className="muted">“{a.comment}”</p>
            )}
          </article>
        ))}
      </div>
      {open !== null && <OrderDetailDrawer id={open} onClose={() => setOpen(null)} onChanged={reload} onResume={() => undefined} />}
    </section>
  );
}
