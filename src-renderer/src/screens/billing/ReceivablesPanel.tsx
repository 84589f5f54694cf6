import { businessToday } from '../../stores/business-date';
import { useEffect, useState } from 'react';
import type { OutputOf } from '../../../../src-shared/contract';
import { formatMoney } from '../../../../src-shared/money';
import { call } from '../../api/client';
import { PdfPreview } from '../../components/PdfPreview';
import { CustomerLedger } from './CustomerLedger';

/** Who owes what, by the age of the bills, with each customer's statement a click away. */
export function ReceivablesPanel() {
  const [ageing, setAgeing] = useState<OutputOf<'receivables.ageing'> | null>(null);
  const [pdf, setPdf] = useState<OutputOf<'documents.statement'> | null>(null);
  const [ledgerOf, setLedgerOf] = useState<OutputOf<'receivables.ageing'>['rows'][number] | null>(null);
  useEffect(() => void call('receivables.ageing', {}).then(setAgeing), []);
  if (!ageing) return null;
  const today = businessToday();
  const from =
    `${today.slice(0, 4)}-04-01` <= today ? `${today.slice(0, 4)}-04-01` : `${Number(today.slice(0, 4)) - 1}-04-01`;
  const m = (p: number) => (p ? formatMoney(p) : '—');
  return (
    <>
      <table className="plain" aria-label="Receivables ageing">
        <thead>
          <tr>
            <th>Customer</th>
            <th className="right">0–30 days</th>
            <th className="right">31–60</th>
            <th className="right">61–90</th>
            <th className="right">Over 90</th>
            <th className="right">Total</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {ageing.rows.map((r) => (
            <tr key={r.customerId}>
              <td>
                {r.name} <span className="muted">{r.code}</span>
              </td>
              <td className="right num">{m(r.d0)}</td>
              <td className="right num">{m(r.d31)}</td>
              <td className="right num">{m(r.d61)}</td>
              <td className={`right num ${r.d90 ? 'bad' : ''}`}>{m(r.d90)}</td>
              <td className="right num strong">{formatMoney(r.total)}</td>
              <td>
                <button
                  onClick={() =>
                    void call('documents.statement', { customerId: r.customerId, from, to: today }).then(setPdf)
                  }
                >
                  Statement
                </button>{' '}
                <button onClick={() => setLedgerOf(r)}>Ledger</button>
              </td>
            </tr>
          ))}
          <tr className="strong">
            <td>Total</td>
            <td className="right num">{m(ageing.totals.d0)}</td>
            <td className="right num">{m(ageing.totals.d31)}</td>
            <td className="right num">{m(ageing.totals.d61)}</td>
            <td className="right num">{m(ageing.totals.d90)}</td>
            <td className="right num">{formatMoney(ageing.totals.total)}</td>
            <td />
          </tr>
        </tbody>
      </table>
      {ageing.rows.length === 0 && <p className="muted">Nobody owes anything.</p>}
      {pdf && <PdfPreview pdf={pdf} onClose={() => setPdf(null)} />}
      {ledgerOf && <CustomerLedger customer={ledgerOf} onClose={() => setLedgerOf(null)} />}
    </>
  );
}
