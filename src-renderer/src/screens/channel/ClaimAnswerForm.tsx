import { useState, type ReactNode } from 'react';
import type { OutputOf } from '../../../../src-shared/contract';
import { formatMoney, parseMoney } from '../../../../src-shared/money';
import { call, type ApiError } from '../../api/client';
import { useDocumentKey } from '../../api/document-key';
import { businessToday } from '../../stores/business-date';
import { toast } from '../../stores/toast-store';

type Claim = OutputOf<'claims.get'>;
type Outcome = 'accepted' | 'partly_accepted' | 'rejected';

function FormShell(props: {
  label: string;
  problem: string;
  submit: string;
  onSubmit(): void;
  onClose(): void;
  children: ReactNode;
}) {
  return (
    <form
      className="card narrow-form"
      aria-label={props.label}
      onSubmit={(e) => (e.preventDefault(), props.onSubmit())}
      onKeyDown={(e) => e.key === 'Escape' && props.onClose()}
    >
      <h3>{props.label}</h3>
      <div className="grid">{props.children}</div>
      {props.problem && (
        <div className="form-error" role="alert">
          {props.problem}
        </div>
      )}
      <div className="toolbar left">
        <button className="primary" type="submit">
          {props.submit} <kbd>Enter</kbd>
        </button>
        <button type="button" onClick={props.onClose}>
          Cancel (Esc)
        </button>
      </div>
    </form>
  );
}

/** The brand's answer: all accepted, part of it (an amount and why), or rejected (why). */
export function ClaimAnswerForm(props: { claim: Claim; onClose(): void; onSaved(c: Claim): void }) {
  const { claim } = props;
  const [outcome, setOutcome] = useState<Outcome>('accepted');
  const [amountText, setAmountText] = useState(formatMoney(claim.amount, { symbol: false }));
  const [reason, setReason] = useState('');
  const [brandReference, setReference] = useState('');
  const [answeredOn, setAnsweredOn] = useState(businessToday());
  const [problem, setProblem] = useState('');
  // The brand may answer line by line (this batch yes, that one not): the accepted total is then their sum.
  const [byLine, setByLine] = useState<string[] | null>(null);
  const key = useDocumentKey();
  const lineAmounts = byLine?.map(parseMoney) ?? null;
  const save = async () => {
    const acceptedAmount = parseMoney(amountText);
    if (outcome === 'partly_accepted' && !lineAmounts && acceptedAmount === null)
      return setProblem('Type the amount the brand accepted, e.g. 600.00');
    const unreadable = lineAmounts?.findIndex((a) => a === null) ?? -1;
    if (outcome === 'partly_accepted' && unreadable >= 0)
      return setProblem(`Line ${claim.lines[unreadable]!.lineNo}: type the amount accepted, e.g. 0 or 120.00`);
    try {
      const input = { id: claim.id, version: claim.version, outcome, reason, brandReference, answeredOn };
      const partly =
        outcome !== 'partly_accepted'
          ? {}
          : lineAmounts
            ? { lines: claim.lines.map((l, i) => ({ lineId: l.id, acceptedAmount: lineAmounts[i]! })) }
            : { acceptedAmount: acceptedAmount! };
      const c = await call('claims.answer', { ...input, ...partly }, key.options);
      toast.ok(`${c.number}: ${c.status.replace('_', ' ')}, ${formatMoney(c.acceptedAmount ?? 0)} accepted`);
      props.onSaved(c);
    } catch (e) {
      setProblem((e as ApiError).message);
    }
  };
  return (
    <FormShell
      label={`Brand's answer to ${claim.number}`}
      submit="Record answer"
      problem={problem}
      onSubmit={() => void save()}
      onClose={props.onClose}
    >
      <div className="field">
        <label htmlFor="answer-outcome">Answer</label>
        <select id="answer-outcome" autoFocus value={outcome} onChange={(e) => setOutcome(e.target.value as Outcome)}>
          <option value="accepted">Accepted in full</option>
          <option value="partly_accepted">Partly accepted</option>
          <option value="rejected">Rejected</option>
        </select>
      </div>
      {outcome === 'partly_accepted' && !byLine && (
        <div className="field">
          <label htmlFor="answer-amount">Accepted (₹)</label>
          <input id="answer-amount" value={amountText} onChange={(e) => setAmountText(e.target.value)} />
          {claim.lines.length > 1 && (
            <button
              type="button"
              className="link"
              onClick={() => setByLine(claim.lines.map((l) => formatMoney(l.amount, { symbol: false })))}
            >
              Answer line by line
            </button>
          )}
        </div>
      )}
      {outcome === 'partly_accepted' && byLine && (
        <table className="plain full-row" aria-label="Accepted by line">
          <thead>
            <tr>
              <th>#</th>
              <th>Line</th>
              <th className="right">Claimed</th>
              <th className="right">Accepted (₹)</th>
            </tr>
          </thead>
          <tbody>
            {claim.lines.map((l, i) => (
              <tr key={l.id}>
                <td>{l.lineNo}</td>
                <td>{l.description}</td>
                <td className="right num">{formatMoney(l.amount)}</td>
                <td className="right">
                  <input
                    aria-label={`Line ${l.lineNo} accepted (₹)`}
                    value={byLine[i]}
                    onChange={(e) => setByLine(byLine.map((t, j) => (j === i ? e.target.value : t)))}
                  />
                </td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <td colSpan={3}>Accepted in all</td>
              <td className="right num">
                {lineAmounts!.every((a) => a !== null)
                  ? formatMoney(lineAmounts!.reduce((sum: number, a) => sum + a!, 0))
                  : '—'}
              </td>
            </tr>
          </tfoot>
        </table>
      )}
      {outcome !== 'accepted' && (
        <div className="field">
          <label htmlFor="answer-reason">Brand's reason</label>
          <input id="answer-reason" value={reason} onChange={(e) => setReason(e.target.value)} />
        </div>
      )}
      <div className="field">
        <label htmlFor="answer-ref">Brand's reference</label>
        <input id="answer-ref" value={brandReference} onChange={(e) => setReference(e.target.value)} />
      </div>
      <div className="field">
        <label htmlFor="answer-on">Answered on</label>
        <input id="answer-on" type="date" value={answeredOn} onChange={(e) => setAnsweredOn(e.target.value)} />
      </div>
    </FormShell>
  );
}

/** The brand's credit note settles the claim: its number, date and amount (at most what was accepted). */
export function ClaimSettleForm(props: { claim: Claim; onClose(): void; onSaved(c: Claim): void }) {
  const { claim } = props;
  const [creditNoteNumber, setNumber] = useState('');
  const [amountText, setAmountText] = useState(formatMoney(claim.acceptedAmount ?? 0, { symbol: false }));
  const [settledOn, setSettledOn] = useState(businessToday());
  const [problem, setProblem] = useState('');
  const key = useDocumentKey();
  const save = async () => {
    const amount = parseMoney(amountText);
    if (amount === null) return setProblem('Type the credit note amount, e.g. 600.00');
    try {
      const c = await call(
        'claims.settle',
        { id: claim.id, version: claim.version, creditNoteNumber, amount, settledOn },
        key.options,
      );
      toast.ok(`${c.number} settled: ${formatMoney(amount)} off what we owe ${c.supplierName}`);
      props.onSaved(c);
    } catch (e) {
      setProblem((e as ApiError).message);
    }
  };
  return (
    <FormShell
      label={`Settle ${claim.number}`}
      submit="Settle"
      problem={problem}
      onSubmit={() => void save()}
      onClose={props.onClose}
    >
      <div className="field">
        <label htmlFor="settle-number">Their credit note no.</label>
        <input id="settle-number" autoFocus value={creditNoteNumber} onChange={(e) => setNumber(e.target.value)} />
      </div>
      <div className="field">
        <label htmlFor="settle-amount">Amount (₹)</label>
        <input id="settle-amount" value={amountText} onChange={(e) => setAmountText(e.target.value)} />
      </div>
      <div className="field">
        <label htmlFor="settle-on">Dated</label>
        <input id="settle-on" type="date" value={settledOn} onChange={(e) => setSettledOn(e.target.value)} />
      </div>
    </FormShell>
  );
}
