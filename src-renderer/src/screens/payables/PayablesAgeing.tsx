import { useEffect, useState } from 'react';
import type { OutputOf } from '../../../../src-shared/contract';
import { formatMoney } from '../../../../src-shared/money';
import { call } from '../../api/client';
import { businessToday } from '../../stores/business-date';
import { yearStart } from './SupplierAccount';

const m = (p: number) => (p ? formatMoney(p) : '—');

/** What we owe each supplier by how late it is, and the TDS (194Q) deducted this year, owed to the government. */
export function PayablesAgeing() {
  const [ageing, setAgeing] = useState<OutputOf<'payables.ageing'> | null>(null);
  const [tds, setTds] = useState<OutputOf<'payables.tds'> | null>(null);
  const today = businessToday();
  useEffect(() => {
    void call('payables.ageing', {}).then(setAgeing);
    void call('payables.tds', { from: yearStart(today), to: today }).then(setTds);
  }, [today]);
  if (!ageing) return null;
  return (
    <>
      <table className="plain" aria-label="Payables ageing">
        <thead>
          <tr>
            <th>Supplier</th>
            <th className="right">Not yet due</th>
            <th className="right">1–30 days late</th>
            <th className="right">31–60</th>
            <th className="right">61–90</th>
            <th className="right">Over 90</th>
            <th className="right">Total</th>
          </tr>
        </thead>
        <tbody>
          {ageing.rows.map((r) => (
            <tr key={r.supplierId}>
              <td>
                {r.name} <span className="muted">{r.code}</span>
              </td>
              <td className="right num">{m(r.notDue)}</td>
              <td className="right num">{m(r.d0)}</td>
              <td className="right num">{m(r.d31)}</td>
              <td className="right num">{m(r.d61)}</td>
              <td className={`right num ${r.d90 ? 'bad' : ''}`}>{m(r.d90)}</td>
              <td className="right num strong">{formatMoney(r.total)}</td>
            </tr>
          ))}
          <tr className="strong">
            <td>Total</td>
            <td className="right num">{m(ageing.totals.notDue)}</td>
            <td className="right num">{m(ageing.totals.d0)}</td>
            <td className="right num">{m(ageing.totals.d31)}</td>
            <td className="right num">{m(ageing.totals.d61)}</td>
            <td className="right num">{m(ageing.totals.d90)}</td>
            <td className="right num">{formatMoney(ageing.totals.total)}</td>
          </tr>
        </tbody>
      </table>
      {ageing.rows.length === 0 && <p className="muted">Nothing is owed to any supplier.</p>}
      {tds && (
        <section aria-label="TDS payable">
          <h3>
            TDS deducted (section 194Q) since {yearStart(today).slice(0, 4)}-04-01:{' '}
            <span data-testid="tds-total">{formatMoney(tds.total)}</span> payable to the government
          </h3>
          {tds.rows.length > 0 && (
            <table className="lines compact">
              <tbody>
                {tds.rows.map((r) => (
                  <tr key={r.supplierId}>
                    <td>{r.name}</td>
                    <td className="muted">{r.gstin}</td>
                    <td className="num">{formatMoney(r.tds)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
      )}
    </>
  );
}
