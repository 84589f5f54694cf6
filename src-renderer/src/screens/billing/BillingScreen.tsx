import { businessDay } from '../../stores/business-date';
import { useEffect, useState } from 'react';
import type { OutputOf } from '../../../../src-shared/contract';
import { formatMoney } from '../../../../src-shared/money';
import { call } from '../../api/client';
import { useActionKeys } from '../../api/document-key';
import { PagedTable, type Column } from '../../components/PagedTable';
import { PdfPreview } from '../../components/PdfPreview';
import { useDebounced } from '../../components/use-debounced';
import { useSession } from '../../stores/session-store';
import { toast } from '../../stores/toast-store';
import { PaymentForm } from './PaymentForm';
import { useNav } from '../../stores/nav-store';
import { DispatchPanel } from './DispatchPanel';
import { InvoiceDrawer } from './InvoiceDrawer';
import { ReceivablesPanel } from './ReceivablesPanel';
import { ReceiptsPanel } from './ReceiptsPanel';
import { Tabs } from '../../components/Tabs';
import { EinvoicePanel } from './EinvoicePanel';

type Tab = 'deliver' | 'dispatch' | 'invoice' | 'invoices' | 'einvoice' | 'payment' | 'receipts' | 'receivables';
type Pdf = OutputOf<'documents.invoice'>;
type InvoiceRow = OutputOf<'invoices.list'>['rows'][number];

const invoiceColumns: Column<InvoiceRow>[] = [
  { key: 'number', label: 'Invoice', width: '150px' },
  { key: 'invoiceDate', label: 'Date', width: '100px' },
  { key: 'customerName', label: 'Customer', width: 'minmax(200px, 2fr)' },
  { key: 'total', label: 'Total', width: '120px', align: 'right', render: (r) => formatMoney(r.total) },
  { key: 'paid', label: 'Paid', width: '120px', align: 'right', render: (r) => formatMoney(r.paid) },
  {
    key: 'dueDate',
    label: 'Due',
    width: '100px',
    render: (r) => (r.status === 'cancelled' ? <span className="bad">cancelled</span> : r.dueDate),
  },
  {
    key: 'daysOverdue',
    label: 'Overdue',
    width: '90px',
    align: 'right',
    render: (r) => (r.daysOverdue ? <span className="bad">{r.daysOverdue} d</span> : '—'),
  },
];

/**
 * The billing desk: post delivery notes for picked orders (which raise their invoice under the
 * default flow), invoice notes that wait for it (invoice-before-dispatch flow), load vehicles,
 * receive payments.
 */
export function BillingScreen() {
  const canBill = useSession((s) => s.can('billing.write'));
  const canDispatch = useSession((s) => s.can('dispatch.write'));
  const canRead = useSession((s) => s.can('billing.read'));
  const withNote = useSession((s) => s.company?.invoiceFlow !== 'before_dispatch');
  const [tab, setTab] = useState<Tab>((useNav.getState().params.tab as Tab) ?? 'deliver');
  const [pdf, setPdf] = useState<Pdf | null>(null);
  const [search, setSearch] = useState('');
  const [unpaidOnly, setUnpaidOnly] = useState(false);
  const [openInvoice, setOpenInvoice] = useState<number | null>(null);
  const [refresh, setRefresh] = useState(0);
  const [waiting, setWaiting] = useState(0);
  // Counted again after every change here: a cancelled invoice sends its notes back to be invoiced.
  useEffect(() => {
    if (canRead) void call('billing.toInvoice', {}).then((r) => setWaiting(r.length));
  }, [canRead, refresh]);
  const debounced = useDebounced(search, 150);
  // The warehouse sees deliveries and dispatch; money (invoices, payments, receivables) needs billing.read.
  // With the default flow the delivery note is the invoicing step; the list of notes awaiting an
  // invoice shows only under the other flow, or while older notes still wait.
  const allTabs: [Tab, string, boolean][] = [
    ['deliver', 'To deliver', true],
    ['invoice', 'To invoice', canRead && (!withNote || waiting > 0)],
    ['dispatch', 'Dispatch', true],
    ['invoices', 'Invoices', canRead],
    ['einvoice', 'E-invoice', canRead],
    ['payment', 'Receive payment', canRead],
    ['receipts', 'Receipts', canRead],
    ['receivables', 'Receivables', canRead],
  ];
  const tabs = allTabs.filter(([, , shown]) => shown);
  return (
    <section className="screen">
      <header className="screen-head">
        <h1>Billing</h1>
        <Tabs tabs={tabs} current={tab} onSelect={setTab} />
      </header>
      {tab === 'deliver' && (
        <ToDeliver
          canDeliver={canBill}
          withNote={withNote}
          onInvoiced={async (id) => setPdf(await call('documents.invoice', { id }))}
        />
      )}
      {tab === 'invoice' && (
        <ToInvoice canBill={canBill} onInvoiced={async (id) => setPdf(await call('documents.invoice', { id }))} />
      )}
      {tab === 'invoices' && (
        <>
          <div className="toolbar left">
            <input
              className="search"
              type="search"
              aria-label="Search invoices"
              placeholder="Customer or INV number"
              value={search}
              onChange={(e) => setSearch(e.target.value)}
            />
            <label className="check">
              <input type="checkbox" checked={unpaidOnly} onChange={(e) => setUnpaidOnly(e.target.checked)} /> Unpaid
              only
            </label>
          </div>
          <PagedTable
            label="Invoices"
            columns={invoiceColumns}
            queryKey={JSON.stringify({ debounced, unpaidOnly, refresh })}
            fetchPage={(offset, limit, at) =>
              call('invoices.list', { ...at, search: debounced, unpaidOnly, offset, limit })
            }
            rowKey={(r) => r.id}
            onOpen={(r) => setOpenInvoice(r.id)}
            emptyText="No invoices yet."
          />
        </>
      )}
      {tab === 'einvoice' && <EinvoicePanel canBill={canBill} />}
      {tab === 'dispatch' && <DispatchPanel canWrite={canDispatch} />}
      {tab === 'receivables' && <ReceivablesPanel />}
      {tab === 'receipts' && <ReceiptsPanel canBill={canBill} />}
      {openInvoice !== null && (
        <InvoiceDrawer
          id={openInvoice}
          canBill={canBill}
          onClose={() => setOpenInvoice(null)}
          onChanged={() => setRefresh((n) => n + 1)}
        />
      )}
      {tab === 'payment' && (canBill ? <PaymentForm /> : <p className="muted">Your role cannot record payments.</p>)}
      {pdf && <PdfPreview pdf={pdf} onClose={() => setPdf(null)} />}
    </section>
  );
}

function ToDeliver({
  canDeliver,
  withNote,
  onInvoiced,
}: {
  canDeliver: boolean;
  withNote: boolean;
  onInvoiced(id: number): void;
}) {
  const [rows, setRows] = useState<OutputOf<'billing.toDeliver'>>([]);
  // Packages are counted when the goods are packed, so the dispatch board can total a vehicle's load.
  const [packages, setPackages] = useState<Record<number, string>>({});
  const reload = () => void call('billing.toDeliver', {}).then(setRows);
  const actionKeys = useActionKeys();
  useEffect(reload, []);
  const post = async (orderId: number) => {
    try {
      const note = await call(
        'deliveryNotes.post',
        { orderId, packages: Math.max(0, Number(packages[orderId] ?? '1') || 0) },
        actionKeys.options(`deliver:${orderId}`),
      );
      actionKeys.done(`deliver:${orderId}`);
      reload();
      if (note.invoiceId !== null) {
        toast.ok(
          `${note.number} and ${note.invoiceNumber} posted for ${note.customerName}: ${formatMoney(note.invoiceTotal ?? 0)}`,
        );
        onInvoiced(note.invoiceId);
      } else toast.ok(`${note.number} posted for ${note.customerName}; invoice it before dispatch`);
    } catch (e) {
      toast.error((e as Error).message);
    }
  };
  return (
    <table className="plain" aria-label="Orders to deliver">
      <thead>
        <tr>
          <th>Order</th>
          <th>Customer</th>
          <th>City</th>
          <th>Units picked</th>
          <th>Deliver by</th>
          <th>Packages</th>
          <th />
        </tr>
      </thead>
      <tbody>
        {rows.map((o) => (
          <tr key={o.id}>
            <td>{o.number}</td>
            <td>{o.customerName}</td>
            <td>{o.city}</td>
            <td>{o.units}</td>
            <td>{o.requiredDate ?? '—'}</td>
            <td>
              {canDeliver && (
                <input
                  className="packages"
                  aria-label={`Packages for ${o.number}`}
                  inputMode="numeric"
                  size={4}
                  value={packages[o.id] ?? '1'}
                  onChange={(e) => setPackages({ ...packages, [o.id]: e.target.value.replace(/\D/g, '') })}
                  onKeyDown={(e) => {
                    if (e.key === 'Enter') {
                      e.preventDefault();
                      void post(o.id);
                    }
                  }}
                />
              )}
            </td>
            <td>
              {canDeliver && (
                <button className="primary" onClick={() => void post(o.id)}>
                  {withNote ? 'Post delivery note & invoice' : 'Post delivery note'}
                </button>
              )}
            </td>
          </tr>
        ))}
        {rows.length === 0 && (
          <tr>
            <td colSpan={7} className="muted">
              Nothing picked waits for a delivery note.
            </td>
          </tr>
        )}
      </tbody>
    </table>
  );
}

function ToInvoice({ canBill, onInvoiced }: { canBill: boolean; onInvoiced(id: number): void }) {
  const [rows, setRows] = useState<OutputOf<'billing.toInvoice'>>([]);
  const [chosen, setChosen] = useState<Set<number>>(new Set());
  const reload = () =>
    void call('billing.toInvoice', {}).then((r) => {
      setRows(r);
      setChosen(new Set());
    });
  useEffect(reload, []);
  const actionKeys = useActionKeys();
  const customers = [...new Map(rows.map((r) => [r.customerId, r.customerName])).entries()];
  const invoice = async (ids: number[]) => {
    try {
      const target = `invoice:${[...ids].sort((a, b) => a - b).join(',')}`;
      const inv = await call('invoices.post', { deliveryNoteIds: ids }, actionKeys.options(target));
      actionKeys.done(target);
      toast.ok(`${inv.number} posted: ${formatMoney(inv.total)}`);
      reload();
      onInvoiced(inv.id);
    } catch (e) {
      toast.error((e as Error).message);
    }
  };
  if (rows.length === 0) return <p className="muted">Every delivery note is invoiced.</p>;
  return (
    <div className="approval-list">
      {customers.map(([customerId, name]) => {
        const notes = rows.filter((r) => r.customerId === customerId);
        const picked = notes.filter((n) => chosen.has(n.id)).map((n) => n.id);
        return (
          <article key={customerId} className="card" aria-label={`Delivery notes of ${name}`}>
            <header className="detail-head">
              <strong>{name}</strong>
              <span className="muted">{notes.length} delivery note(s)</span>
              {canBill && (
                <button
                  className="primary"
                  onClick={() => void invoice(picked.length ? picked : notes.map((n) => n.id))}
                >
                  {picked.length ? `Invoice ${picked.length} selected` : 'Invoice all'}
                </button>
              )}
            </header>
            {notes.map((n) => (
              <label key={n.id} className="check">
                <input
                  type="checkbox"
                  checked={chosen.has(n.id)}
                  onChange={(e) => {
                    const next = new Set(chosen);
                    if (e.target.checked) next.add(n.id);
                    else next.delete(n.id);
                    setChosen(next);
                  }}
                />
                {n.number} · order {n.orderNumber} · {n.units} units · {businessDay(n.postedAt)}
              </label>
            ))}
          </article>
        );
      })}
    </div>
  );
}
