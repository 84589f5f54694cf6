import { useEffect, useState } from 'react';
import type { OutputOf } from '../../../../src-shared/contract';
import { addDays, formatDocDate } from '../../../../src-shared/dates';
import { formatMoney } from '../../../../src-shared/money';
import { call } from '../../api/client';
import { useSession } from '../../stores/session-store';
import { businessToday } from '../../stores/business-date';
import { PurchaseInvoiceEntry } from './PurchaseInvoiceEntry';

type Row = OutputOf<'purchaseInvoices.list'>[number];
/** The last 90 days is what a clerk checks a new bill against (was it already entered?). */
const since = () => addDays(businessToday(), -90);

/** The brand's invoices: enter a new one, and see those already posted above it. */
export function PurchaseInvoicesScreen() {
  const can = useSession((s) => s.can);
  const [rows, setRows] = useState<Row[]>([]);
  const reload = () => void call('purchaseInvoices.list', { from: since(), to: businessToday() }).then(setRows);
  useEffect(reload, []);
  return (
    <section className="screen purchase-invoices">
      <header className="screen-head">
        <h1>Purchase invoices</h1>
      </header>
      <div className="lines-scroll short">
        <table className="plain" aria-label="Posted purchase invoices">
          <thead>
            <tr>
              <th>Number</th>
              <th>Their no.</th>
              <th>Date</th>
              <th>Supplier</th>
              <th className="num">Taxable</th>
              <th className="num">GST</th>
              <th className="num">Total</th>
              <th>Status</th>
              <th>Order</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id}>
                <td>{r.number}</td>
                <td>{r.supplierInvoiceNo}</td>
                <td>{formatDocDate(r.invoiceDate)}</td>
                <td>{r.supplierName}</td>
                <td className="num">{formatMoney(r.taxable)}</td>
                <td className="num">{formatMoney(r.cgst + r.sgst + r.igst)}</td>
                <td className="num">{formatMoney(r.total)}</td>
                <td>{r.status === 'cancelled' ? 'Cancelled' : 'Posted'}</td>
                <td className={r.differences ? 'why bad' : 'muted'}>
                  {r.differences ? `${r.differences} line(s) differ` : '—'}
                </td>
              </tr>
            ))}
            {rows.length === 0 && (
              <tr>
                <td colSpan={9} className="muted">
                  No purchase invoices in the last 90 days.
                </td>
              </tr>
            )}
          </tbody>
        </table>
      </div>
      {can('purchasing.write') && <PurchaseInvoiceEntry onPosted={reload} />}
    </section>
  );
}
