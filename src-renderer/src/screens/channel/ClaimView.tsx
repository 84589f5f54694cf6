import { useEffect, useState } from 'react';
import type { OutputOf } from '../../../../src-shared/contract';
import { formatDocDate } from '../../../../src-shared/dates';
import { formatMoney } from '../../../../src-shared/money';
import { call, type ApiError } from '../../api/client';
import { useActionKeys } from '../../api/document-key';
import { useHotkeys } from '../../components/use-hotkeys';
import { useSession } from '../../stores/session-store';
import { toast } from '../../stores/toast-store';
import { ClaimAnswerForm, ClaimSettleForm } from './ClaimAnswerForm';
import { ClaimEvidence } from './ClaimEvidence';
import { claimKindLabel, claimStatusLabel, statusPill } from './claim-labels';

type Claim = OutputOf<'claims.get'>;

/** One claim: its lines and evidence, and the one next step its status allows (Alt+F file, Alt+A answer, Alt+S settle). */
export function ClaimView({ id, onBack }: { id: number; onBack(): void }) {
  const can = useSession((s) => s.can);
  const [claim, setClaim] = useState<Claim | null>(null);
  const [form, setForm] = useState<'answer' | 'settle' | null>(null);
  const keys = useActionKeys();
  const reload = () => void call('claims.get', { id }).then(setClaim);
  useEffect(reload, [id]);
  const act = async (name: 'claims.file' | 'claims.deleteDraft', done: (c: Claim | null) => void) => {
    if (!claim) return;
    const target = `${name}:${claim.id}:${claim.version}`;
    try {
      const out = await call(name, { id: claim.id, version: claim.version }, keys.options(target));
      keys.done(target);
      done('deleted' in out ? null : out);
    } catch (e) {
      toast.error((e as ApiError).message);
    }
  };
  const file = () =>
    void act('claims.file', (c) => (toast.ok(`Filed as ${c!.number}: ${formatMoney(c!.amount)}`), setClaim(c)));
  const remove = () => void act('claims.deleteDraft', () => (toast.ok('Draft deleted'), onBack()));
  const dropLine = (lineId: number) => {
    if (!claim) return;
    const keep = claim.lines.filter((l) => l.id !== lineId).map((l) => l.id);
    void call('claims.updateDraft', { id: claim.id, version: claim.version, notes: claim.notes, keepLineIds: keep })
      .then(setClaim)
      .catch((e: ApiError) => toast.error(e.message));
  };
  const writer = can('purchasing.write');
  const status = claim?.status;
  useHotkeys({
    escape: () => (form ? setForm(null) : onBack()),
    'alt+f': () => writer && status === 'draft' && file(),
    'alt+a': () => writer && status === 'filed' && setForm('answer'),
    'alt+s': () =>
      can('payables.write') && (status === 'accepted' || status === 'partly_accepted') && setForm('settle'),
  });
  if (!claim) return <section className="screen" />;
  const saved = (c: Claim) => (setForm(null), setClaim(c));

  return (
    <section className="screen">
      <header className="screen-head">
        <h1>
          {claim.number ?? `Draft claim ${claim.id}`}{' '}
          <span className={`pill ${statusPill(claim.status)}`}>{claimStatusLabel[claim.status]}</span>
        </h1>
        <button className="ghost" onClick={onBack}>
          Back to claims (Esc)
        </button>
      </header>
      <p>
        {claimKindLabel[claim.kind]} claim on <strong>{claim.supplierName}</strong>
        {claim.periodTo &&
          ` for ${claim.periodFrom ? `${formatDocDate(claim.periodFrom)} to ` : ''}${formatDocDate(claim.periodTo)}`}
        {claim.filedOn && `, filed ${formatDocDate(claim.filedOn)}`}. Claimed{' '}
        <strong>{formatMoney(claim.amount)}</strong>
        {claim.acceptedAmount !== null && (
          <>
            ; accepted <strong>{formatMoney(claim.acceptedAmount)}</strong>
          </>
        )}
        {claim.settledAmount !== null && (
          <>
            ; settled <strong>{formatMoney(claim.settledAmount)}</strong> by credit note {claim.brandCreditNote}
          </>
        )}
        .{claim.answerReason && <span className="muted"> Brand: “{claim.answerReason}”</span>}
      </p>
      <div className="toolbar left">
        {writer && claim.status === 'draft' && (
          <>
            <button className="primary" autoFocus onClick={file}>
              File claim <kbd>Alt+F</kbd>
            </button>
            <button onClick={remove}>Delete draft</button>
          </>
        )}
        {writer && claim.status === 'filed' && !form && (
          <button className="primary" autoFocus onClick={() => setForm('answer')}>
            Record the brand's answer <kbd>Alt+A</kbd>
          </button>
        )}
        {can('payables.write') && (claim.status === 'accepted' || claim.status === 'partly_accepted') && !form && (
          <button className="primary" autoFocus onClick={() => setForm('settle')}>
            Settle by credit note <kbd>Alt+S</kbd>
          </button>
        )}
      </div>
      {form === 'answer' && <ClaimAnswerForm claim={claim} onClose={() => setForm(null)} onSaved={saved} />}
      {form === 'settle' && <ClaimSettleForm claim={claim} onClose={() => setForm(null)} onSaved={saved} />}
      <table className="plain" aria-label="Claim lines">
        <thead>
          <tr>
            <th>#</th>
            <th>Product</th>
            <th>Batch</th>
            <th className="num">Qty</th>
            <th>What earned it</th>
            <th className="num">Claimed</th>
            <th className="num">Accepted</th>
            {claim.status === 'draft' && writer && <th />}
          </tr>
        </thead>
        <tbody>
          {claim.lines.map((l) => (
            <tr key={l.id}>
              <td>{l.lineNo}</td>
              <td>{l.sku ? `${l.sku} ${l.productName}` : ''}</td>
              <td>{l.batchNo ?? ''}</td>
              <td className="num">{l.quantity || ''}</td>
              <td>{l.description}</td>
              <td className="num">{formatMoney(l.amount)}</td>
              <td className="num">{l.acceptedAmount === null ? '' : formatMoney(l.acceptedAmount)}</td>
              {claim.status === 'draft' && writer && (
                <td>
                  {claim.lines.length > 1 && (
                    <button className="ghost" onClick={() => dropLine(l.id)}>
                      Remove
                    </button>
                  )}
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
      <ClaimEvidence claim={claim} canAttach={writer && claim.status !== 'settled'} onChanged={reload} />
    </section>
  );
}
