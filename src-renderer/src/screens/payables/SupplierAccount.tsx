import { useEffect, useState } from 'react';
import type { OutputOf } from '../../../../src-shared/contract';
import { formatDocDate } from '../../../../src-shared/dates';
import { formatMoney } from '../../../../src-shared/money';
import { call } from '../../api/client';
import { businessToday } from '../../stores/business-date';
import { useSession } from '../../stores/session-store';
import { SupplierPaymentForm } from './SupplierPaymentForm';

/** 1 April of the financial year that holds the day. */
export function yearStart(day: string): string {
  const april = `${day.slice(0, 4)}-04-01`;
  return april <= day ? april : `${Number(day.slice(0, 4)) - 1}-04-01`;
}
const m = (p: number) => (p ? formatMoney(p) : '');
const kindLabel = (kind: string) => kind.charAt(0).toUpperCase() + kind.slice(1).replace(/_/g, ' ');

/** One supplier's account: what we owe them entry by entry, the invoices still open, and paying them. */
export function SupplierAccount({ suppliers }: { suppliers: OutputOf<'suppliers.list'> }) {
  const canPay = useSession((s) => s.can('payables.write'));
  const today = businessToday();
  const [supplierId, setSupplierId] = useState(0);
  const [from, setFrom] = useState(yearStart(today));
  const [to, setTo] = useState(today);
  const [ledger, setLedger] = useState<OutputOf<'payables.ledger'> | null>(null);
  const [open, setOpen] = useState<OutputOf<'payables.openInvoices'>>([]);
  const [refresh, setRefresh] = useState(0);
  useEffect(() => {
    setLedger(null);
    setOpen([]);
    if (!supplierId || !from || !to || from > to) return;
    void call('payables.ledger', { supplierId, from, to }).then(setLedger);
    void call('payables.openInvoices', { supplierId }).then(setOpen);
  }, [supplierId, from, to, refresh]);
  const due = open.reduce((s, i) => s + i.due, 0);

  return (
    <>
      <div className="toolbar left">
        <div className="field">
          <label htmlFor="acct-supplier">Supplier</label>
          <select
            id="acct-supplier"
            style={{ minWidth: 320 }}
            autoFocus
            value={supplierId}
            onChange={(e) => setSupplierId(Number(e.target.value))}
          >
            <option value={0}>Choose the supplier…</option>
            {suppliers.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name} · {s.code}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="acct-from">From</label>
          <input id="acct-from" type="date" value={from} onChange={(e) => setFrom(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="acct-to">To</label>
          <input id="acct-to" type="date" value={to} onChange={(e) => setTo(e.target.value)} />
        </div>
      </div>
      {ledger && (
        <table className="plain" aria-label="Supplier ledger">
          <thead>
            <tr>
              <th>Date</th>
              <th>Entry</th>
              <th>Number</th>
              <th>Narration</th>
              <th>Due on</th>
              <th className="num">Debit</th>
              <th className="num">Credit</th>
              <th className="num">We owe</th>
            </tr>
          </thead>
          <tbody>
            <tr className="muted">
              <td style={{ whiteSpace: 'nowrap' }}>{formatDocDate(from)}</td>
              <td colSpan={6}>Brought forward</td>
              <td className="num">{formatMoney(ledger.opening)}</td>
            </tr>
            {ledger.entries.map((e, i) => (
              <tr key={i}>
                <td style={{ whiteSpace: 'nowrap' }}>{formatDocDate(e.date)}</td>
                <td>{kindLabel(e.kind)}</td>
                <td style={{ whiteSpace: 'nowrap' }}>{e.number}</td>
                <td>{e.narration}</td>
                <td style={{ whiteSpace: 'nowrap' }}>{formatDocDate(e.dueOn) || ''}</td>
                <td className="num">{m(e.debit)}</td>
                <td className="num">{m(e.credit)}</td>
                <td className="num">{formatMoney(e.balance)}</td>
              </tr>
            ))}
            <tr className="strong">
              <td colSpan={5}>Closing balance</td>
              <td className="num">{formatMoney(ledger.debits)}</td>
              <td className="num">{formatMoney(ledger.credits)}</td>
              <td className="num" data-testid="ledger-closing">
                {formatMoney(ledger.closing)}
              </td>
            </tr>
          </tbody>
        </table>
      )}
      {supplierId > 0 && (
        <>
          <h3>
            Open invoices <span className="muted">{formatMoney(due)} to pay</span>
          </h3>
          <table className="plain" aria-label="Open invoices">
            <thead>
              <tr>
                <th>Invoice</th>
                <th>Their number</th>
                <th>Dated</th>
                <th>Due on</th>
                <th className="num">Total</th>
                <th className="num">TDS</th>
                <th className="num">Paid</th>
                <th className="num">Due</th>
              </tr>
            </thead>
            <tbody>
              {open.map((inv) => (
                <tr key={inv.id}>
                  <td>{inv.number}</td>
                  <td>{inv.supplierInvoiceNo}</td>
                  <td>{formatDocDate(inv.invoiceDate)}</td>
                  <td className={inv.dueOn < today ? 'bad' : ''}>{formatDocDate(inv.dueOn)}</td>
                  <td className="num">{formatMoney(inv.total)}</td>
                  <td className="num">{m(inv.tds)}</td>
                  <td className="num">{m(inv.paid)}</td>
                  <td className="num strong">{formatMoney(inv.due)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {open.length === 0 && <p className="muted">Nothing is due to this supplier.</p>}
          {canPay && (
            <SupplierPaymentForm
              supplierId={supplierId}
              supplierName={suppliers.find((s) => s.id === supplierId)?.name ?? ''}
              invoices={open}
              onPaid={() => setRefresh((r) => r + 1)}
            />
          )}
        </>
      )}
    </>
  );
}
