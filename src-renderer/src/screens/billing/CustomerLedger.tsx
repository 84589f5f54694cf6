import { useEffect, useState } from 'react';
import type { OutputOf } from '../../../../src-shared/contract';
import { formatMoney } from '../../../../src-shared/money';
import { call } from '../../api/client';
import { Drawer } from '../../components/Drawer';
import { businessToday } from '../../stores/business-date';

type Ledger = OutputOf<'customers.ledger'>;

const KIND: Record<string, string> = {
  invoice: 'Invoice',
  payment: 'Receipt',
  tds: 'TDS deducted (194Q)',
  credit_note: 'Credit note',
  invoice_cancelled: 'Invoice cancelled',
  payment_reversed: 'Receipt reversed',
};

/** The start of the financial year a day falls in (1 April). */
function yearStart(day: string): string {
  const april = `${day.slice(0, 4)}-04-01`;
  return april <= day ? april : `${Number(day.slice(0, 4)) - 1}-04-01`;
}

const amount = (p: number) => (p ? formatMoney(p) : '');
/** Positive is owed to us (Dr), negative is the customer's money with us (Cr). */
const balance = (p: number) => `${formatMoney(Math.abs(p))} ${p < 0 ? 'Cr' : 'Dr'}`;

function toCsv(name: string, from: string, to: string, l: Ledger): string {
  const rupees = (p: number) => (p / 100).toFixed(2);
  const rows = [
    ['Date', 'Document', 'Type', 'Debit', 'Credit', 'Balance'],
    [from, '', 'Opening balance', '', '', rupees(l.opening)],
    ...l.entries.map((e) => [
      e.date,
      e.document,
      KIND[e.kind] ?? e.kind,
      e.debit ? rupees(e.debit) : '',
      e.credit ? rupees(e.credit) : '',
      rupees(e.balance),
    ]),
    [to, '', 'Closing balance', rupees(l.debits), rupees(l.credits), rupees(l.closing)],
  ];
  const cell = (v: string) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  return [`${name} ${from} to ${to}`, ...rows.map((r) => r.map(cell).join(','))].join('\r\n');
}

/**
 * A customer's running account for a period, as the accountant reads it: balance brought forward, every invoice,
 * receipt (with the TDS the buyer kept back on its own line), credit note and correction, and the closing balance.
 * Keyboard: the dates are the first fields, Enter reloads, Esc closes.
 */
export function CustomerLedger({
  customer,
  onClose,
}: {
  customer: { customerId: number; name: string; code: string };
  onClose(): void;
}) {
  const today = businessToday();
  const [from, setFrom] = useState(yearStart(today));
  const [to, setTo] = useState(today);
  const [ledger, setLedger] = useState<Ledger | null>(null);
  const [error, setError] = useState('');
  const load = () => {
    if (!from || !to) return;
    call('customers.ledger', { customerId: customer.customerId, from, to })
      .then((l) => {
        setLedger(l);
        setError('');
      })
      .catch((e: Error) => setError(e.message));
  };
  useEffect(load, [customer.customerId]); // eslint-disable-line react-hooks/exhaustive-deps
  const exportCsv = () => {
    if (!ledger) return;
    const blob = new Blob([toCsv(customer.name, from, to, ledger)], { type: 'text/csv' });
    const a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = `ledger-${customer.code}-${from}-${to}.csv`;
    a.click();
    setTimeout(() => URL.revokeObjectURL(a.href), 1000);
  };
  return (
    <Drawer title={`Ledger: ${customer.name}`} onClose={onClose}>
      <div className="row" onKeyDown={(e) => e.key === 'Enter' && (e.preventDefault(), load())}>
        <label>
          From
          <input type="date" value={from} autoFocus onChange={(e) => setFrom(e.target.value)} />
        </label>
        <label>
          To
          <input type="date" value={to} onChange={(e) => setTo(e.target.value)} />
        </label>
        <button type="button" onClick={load}>
          Show
        </button>
        <button type="button" onClick={exportCsv} disabled={!ledger}>
          Export CSV
        </button>
      </div>
      {error && <p className="bad">{error}</p>}
      {ledger && (
        <table className="plain" aria-label="Customer ledger">
          <thead>
            <tr>
              <th>Date</th>
              <th>Document</th>
              <th>Type</th>
              <th className="right">Debit</th>
              <th className="right">Credit</th>
              <th className="right">Balance</th>
            </tr>
          </thead>
          <tbody>
            <tr className="strong">
              <td>{from}</td>
              <td colSpan={4}>Opening balance</td>
              <td className="right num">{balance(ledger.opening)}</td>
            </tr>
            {ledger.entries.map((e, i) => (
              <tr key={i} className={e.kind === 'tds' ? 'muted' : ''}>
                <td>{e.date}</td>
                <td>{e.document}</td>
                <td>{KIND[e.kind] ?? e.kind}</td>
                <td className="right num">{amount(e.debit)}</td>
                <td className="right num">{amount(e.credit)}</td>
                <td className="right num">{balance(e.balance)}</td>
              </tr>
            ))}
            <tr className="strong">
              <td>{to}</td>
              <td colSpan={2}>Closing balance</td>
              <td className="right num">{formatMoney(ledger.debits)}</td>
              <td className="right num">{formatMoney(ledger.credits)}</td>
              <td className="right num">{balance(ledger.closing)}</td>
            </tr>
          </tbody>
        </table>
      )}
      {ledger && ledger.entries.length === 0 && <p className="muted">Nothing in this period.</p>}
    </Drawer>
  );
}
