import { useEffect, useRef, useState } from 'react';
import type { OutputOf } from '../../../../src-shared/contract';
import { formatMoney } from '../../../../src-shared/money';
import { call } from '../../api/client';
import { businessTime } from '../../stores/business-date';
import { toast } from '../../stores/toast-store';
import { CreditNow } from './CreditNow';
import { OrderDetailDrawer } from './OrderDetailDrawer';
import { Tabs } from '../../components/Tabs';
import { useHotkeys } from '../../components/use-hotkeys';

type Approval = OutputOf<'approvals.list'>[number];
type Refusal = { orderNumber: string; message: string };
type Sort = 'oldest' | 'newest' | 'amount_desc' | 'amount_asc';
const sorts: Record<Sort, [string, (a: Approval, b: Approval) => number]> = {
  oldest: ['Oldest first', (a, b) => a.requestedAt.localeCompare(b.requestedAt) || a.id - b.id],
  newest: ['Newest first', (a, b) => b.requestedAt.localeCompare(a.requestedAt) || b.id - a.id],
  amount_desc: ['Largest amount', (a, b) => b.total - a.total || a.id - b.id],
  amount_asc: ['Smallest amount', (a, b) => a.total - b.total || a.id - b.id],
};
/** What a decision led to, in the clerk's words: the last level confirms; an earlier one passes it on. */
const outcome = (r: Approval) =>
  r.status === 'approved'
    ? `${r.subjectLabel} approved${r.orderId ? ' and confirmed' : ''}`
    : r.status === 'rejected'
      ? `${r.subjectLabel} rejected and sent back`
      : r.status === 'void'
        ? `${r.subjectLabel} changed since approval was asked: the request is void`
        : `${r.subjectLabel}: your approval is recorded; now waiting on ${r.waitingOn}`;
// In the company's time zone: a UTC clock would tell an Indian office the wrong hour.
const when = businessTime;
const waited = (at: string) => {
  const minutes = Math.floor((Date.now() - Date.parse(at)) / 60_000);
  if (minutes < 60) return `${Math.max(minutes, 0)} min`;
  const hours = Math.floor(minutes / 60);
  return hours < 24 ? `${hours} h` : `${Math.floor(hours / 24)} d`;
};

/**
 * The manager's queue: why each order waits and the customer's credit now; search, sort by age or
 * amount, and approve several with one comment. Each is still decided on its own (today's credit
 * rule), so a refusal is reported against its order and the others go through.
 */
export function ApprovalsScreen() {
  const [status, setStatus] = useState<'pending' | 'approved' | 'rejected' | 'void'>('pending');
  const [rows, setRows] = useState<Approval[]>([]);
  const [search, setSearch] = useState('');
  const [sort, setSort] = useState<Sort>('oldest');
  const [chosen, setChosen] = useState<Set<number>>(new Set());
  const [bulkComment, setBulkComment] = useState('');
  const [busy, setBusy] = useState(false);
  const [comments, setComments] = useState<Record<number, string>>({});
  const [errors, setErrors] = useState<Record<number, string>>({});
  const [open, setOpen] = useState<number | null>(null);
  const [report, setReport] = useState<Refusal[]>([]);
  const reload = () =>
    void call('approvals.list', { status }).then((r) => {
      setRows(r);
      setChosen((c) => new Set(r.filter((a) => c.has(a.id)).map((a) => a.id)));
    });
  useEffect(reload, [status]);
  // A policy may name approvers of any role: each row says whether it waits on you.
  const canDecide = rows.some((a) => a.mayDecide);
  // Keyboard first: the search takes the focus (typing never lands in a comment where Enter approves);
  // Enter there goes to the first match's comment, and Enter in a comment approves.
  const firstComment = useRef<HTMLInputElement | null>(null);
  const searchBox = useRef<HTMLInputElement | null>(null);
  useHotkeys({ '/': () => searchBox.current?.focus() }, open === null);
  const q = search.trim().toLowerCase();
  const shown = rows
    .filter((a) => !q || a.customerName.toLowerCase().includes(q) || a.subjectLabel.toLowerCase().includes(q))
    .sort(sorts[sort][1]);
  const picked = shown.filter((a) => chosen.has(a.id));

  const decide = async (a: Approval, decision: 'approve' | 'reject', comment = comments[a.id] ?? '') => {
    try {
      const { request } = await call('approvals.decide', { id: a.id, decision, comment });
      setErrors((x) => ({ ...x, [a.id]: '' }));
      return outcome(request);
    } catch (e) {
      setErrors((x) => ({ ...x, [a.id]: (e as Error).message }));
      refusals.push({ orderNumber: a.subjectLabel, message: (e as Error).message });
      return null;
    }
  };
  const decideOne = async (a: Approval, decision: 'approve' | 'reject') => {
    const said = await decide(a, decision);
    if (said) toast.ok(said);
    reload();
    searchBox.current?.focus();
  };
  // Refusals are listed by order: an approval decided elsewhere meanwhile leaves the queue, and its card with it.
  const refusals: Refusal[] = [];
  const approveChosen = async () => {
    setBusy(true);
    let done = 0;
    for (const a of picked) if (await decide(a, 'approve', bulkComment)) done += 1;
    setBusy(false);
    setReport([...refusals]);
    const refused = picked.length - done;
    if (refused) toast.error(`${done} approved; ${refused} refused: see the reason on each`);
    else toast.ok(`${done} approval(s) given`);
    if (!refused) setBulkComment('');
    reload();
  };
  const toggle = (id: number) =>
    setChosen((c) => {
      const n = new Set(c);
      if (n.has(id)) n.delete(id);
      else n.add(id);
      return n;
    });
  const allChosen = shown.length > 0 && picked.length === shown.length;

  return (
    <section className="screen">
      <header className="screen-head">
        <h1>Approvals</h1>
        <Tabs
          tabs={[
            ['pending', 'Pending'],
            ['approved', 'Approved'],
            ['rejected', 'Rejected'],
            ['void', 'Void'],
          ]}
          current={status}
          onSelect={setStatus}
        />
      </header>
      <div className="toolbar left approvals-tools">
        <input
          className="search"
          type="search"
          ref={searchBox}
          autoFocus
          aria-label="Search approvals"
          placeholder="Customer or order number (/) · Enter: to the first"
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          onKeyDown={(e) => {
            // From the search straight to the first match's comment: type, Enter, comment, Enter approves.
            if (e.key === 'Enter' && firstComment.current) {
              e.preventDefault();
              firstComment.current.focus();
            }
          }}
        />
        <select aria-label="Sort approvals" value={sort} onChange={(e) => setSort(e.target.value as Sort)}>
          {(Object.keys(sorts) as Sort[]).map((s) => (
            <option key={s} value={s}>
              {sorts[s][0]}
            </option>
          ))}
        </select>
        {status === 'pending' && canDecide && shown.length > 0 && (
          <>
            <label className="check">
              <input
                type="checkbox"
                checked={allChosen}
                onChange={() =>
                  setChosen(allChosen ? new Set() : new Set(shown.filter((a) => a.mayDecide).map((a) => a.id)))
                }
              />{' '}
              Select all shown
            </label>
            <input
              className="bulk-comment"
              aria-label="Comment for the selected"
              placeholder="One comment for the selected"
              value={bulkComment}
              onChange={(e) => setBulkComment(e.target.value)}
              onKeyDown={(e) => {
                if (e.key === 'Enter' && picked.length) {
                  e.preventDefault();
                  void approveChosen();
                }
              }}
            />
            <button className="primary" disabled={picked.length === 0 || busy} onClick={() => void approveChosen()}>
              Approve {picked.length} selected
            </button>
          </>
        )}
      </div>
      {report.length > 0 && (
        <div className="form-error" role="alert" aria-label="Not approved">
          <strong>Not approved:</strong>
          <ul>
            {report.map((r) => (
              <li key={r.orderNumber}>
                {r.orderNumber}: {r.message}
              </li>
            ))}
          </ul>
        </div>
      )}
      {shown.length === 0 && (
        <p className="muted">
          {q
            ? 'No approval matches the search.'
            : `Nothing ${status === 'pending' ? 'waits for a decision' : `was ${status}`}.`}
        </p>
      )}
      <div className="approval-list">
        {shown.map((a) => (
          <article
            key={a.id}
            className={`card approval-card${chosen.has(a.id) ? ' chosen' : ''}`}
            aria-label={`Approval for ${a.subjectLabel}`}
          >
            <header>
              {a.mayDecide && (
                <input
                  type="checkbox"
                  aria-label={`Select ${a.subjectLabel}`}
                  checked={chosen.has(a.id)}
                  onChange={() => toggle(a.id)}
                />
              )}
              {a.orderId !== null ? (
                <button className="link" onClick={() => setOpen(a.orderId)}>
                  {a.subjectLabel}
                </button>
              ) : (
                <strong>{a.subjectLabel}</strong>
              )}
              <span>{a.customerName}</span>
              <strong className="num">{formatMoney(a.total)}</strong>
              <span className="muted">
                asked by {a.requestedBy}, {when(a.requestedAt)}
              </span>
            </header>
            <p className="approval-level" aria-label={`Level of ${a.subjectLabel}`}>
              {a.mode === 'parallel' ? `${a.levels} levels together` : `Level ${a.level} of ${a.levels}`} ·{' '}
              {a.policyName} v{a.policyVersion}
              {status === 'pending' && (
                <>
                  {' '}
                  · waits on {a.waitingOn} · waiting {waited(a.levelStartedAt)}
                  {a.escalateAt ? ` · escalates ${when(a.escalateAt)}` : ''}
                </>
              )}
            </p>
            {a.decisions.length > 0 && (
              <ul className="approval-decisions" aria-label={`Decisions on ${a.subjectLabel}`}>
                {a.decisions.map((d, i) => (
                  <li key={i}>
                    Level {d.level}: {d.text}
                    {d.comment ? ` — “${d.comment}”` : ''} <span className="muted">{when(d.at)}</span>
                  </li>
                ))}
              </ul>
            )}
            <ul>
              {a.reasons.map((r) => (
                <li key={r}>{r}</li>
              ))}
            </ul>
            {a.credit && <CreditNow credit={a.credit} />}
            {a.mayDecide ? (
              <div className="decide">
                <input
                  ref={a.id === shown.find((x) => x.mayDecide)?.id ? firstComment : undefined}
                  aria-label={`Comment on ${a.subjectLabel}`}
                  placeholder="Comment · Enter approves · Alt+R rejects (say why)"
                  value={comments[a.id] ?? ''}
                  onChange={(e) => setComments((c) => ({ ...c, [a.id]: e.target.value }))}
                  onKeyDown={(e) => {
                    if (e.key === 'Enter' && !e.altKey) {
                      e.preventDefault();
                      void decideOne(a, 'approve');
                    } else if (e.altKey && e.code === 'KeyR') {
                      e.preventDefault();
                      void decideOne(a, 'reject');
                    }
                  }}
                />
                <button className="primary" onClick={() => void decideOne(a, 'approve')}>
                  Approve <kbd>Enter</kbd>
                </button>
                <button className="warn" onClick={() => void decideOne(a, 'reject')}>
                  Reject <kbd>Alt+R</kbd>
                </button>
              </div>
            ) : (
              a.comment && <p className="muted">“{a.comment}”</p>
            )}
            {errors[a.id] && (
              <div className="field-error" role="alert">
                {errors[a.id]}
              </div>
            )}
          </article>
        ))}
      </div>
      {open !== null && (
        <OrderDetailDrawer id={open} onClose={() => setOpen(null)} onChanged={reload} onResume={() => undefined} />
      )}
    </section>
  );
}
