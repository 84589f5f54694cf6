import { useState } from 'react';
import type { OutputOf } from '../../../../src-shared/contract';
import { formatMoney, parseMoney } from '../../../../src-shared/money';
import { call, type ApiError } from '../../api/client';
import { useDocumentKey } from '../../api/document-key';
import { businessToday } from '../../stores/business-date';
import { toast } from '../../stores/toast-store';

type Head = OutputOf<'brandReturns.list'>[number];

/**
 * The brand's answer to a debit note: the amount it accepted (their credit note), in full by default.
 * Less than the debit note settles it short and the shortfall goes back on the supplier's account.
 */
export function BrandClaimForm(props: { head: Head; onClose(): void; onSaved(): void }) {
  const { head } = props;
  const [acceptedText, setAcceptedText] = useState(formatMoney(head.total, { symbol: false }));
  const [reference, setReference] = useState('');
  const [settledOn, setSettledOn] = useState(businessToday());
  const [problem, setProblem] = useState('');
  const key = useDocumentKey();
  const accepted = parseMoney(acceptedText);
  const save = async () => {
    if (accepted === null) return setProblem('Type the amount the brand accepted, e.g. 2950.00');
    try {
      const r = await call('brandReturns.recordClaim', { id: head.id, accepted, reference, settledOn }, key.options);
      key.renew();
      toast.ok(`${r.number}: ${r.status === 'short' ? 'settled short' : 'settled'} at ${formatMoney(accepted)}`);
      props.onSaved();
    } catch (e) {
      setProblem((e as ApiError).message);
    }
  };
  return (
    <form
      className="card narrow-form"
      aria-label={`Claim on ${head.number}`}
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
      onKeyDown={(e) => e.key === 'Escape' && props.onClose()}
    >
      <h3>
        Brand's answer to {head.number} <span className="muted">({formatMoney(head.total)} claimed)</span>
      </h3>
      <div className="grid">
        <div className="field">
          <label htmlFor="claim-accepted">Accepted (₹)</label>
          <input id="claim-accepted" autoFocus value={acceptedText} onChange={(e) => setAcceptedText(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="claim-ref">Their credit note no.</label>
          <input id="claim-ref" value={reference} onChange={(e) => setReference(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="claim-on">Settled on</label>
          <input id="claim-on" type="date" value={settledOn} onChange={(e) => setSettledOn(e.target.value)} />
        </div>
      </div>
      {accepted !== null && accepted < head.total && (
        <p className="bad">{formatMoney(head.total - accepted)} short: it goes back on the supplier's account.</p>
      )}
      {problem && (
        <div className="form-error" role="alert">
          {problem}
        </div>
      )}
      <div className="toolbar left">
        <button className="primary" type="submit">
          Record claim <kbd>Enter</kbd>
        </button>
        <button type="button" onClick={props.onClose}>
          Cancel (Esc)
        </button>
      </div>
    </form>
  );
}
