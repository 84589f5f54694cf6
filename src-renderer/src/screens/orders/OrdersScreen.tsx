import { useRef, useState } from 'react';
import type { OutputOf } from '../../../../src-shared/contract';
import { formatMoney } from '../../../../src-shared/money';
import type { orderStatuses } from '../../../../src-shared/contract/orders';
type OrderStatus = (typeof orderStatuses)[number];
import { call } from '../../api/client';
import { PagedTable, type Column } from '../../components/PagedTable';
import { useDebounced } from '../../components/use-debounced';
import { useHotkeys } from '../../components/use-hotkeys';
import { useOrderDraft } from '../../stores/order-draft-store';
import { OrderDetailDrawer, statusLabel } from './OrderDetailDrawer';
import { useNav } from '../../stores/nav-store';
import { download } from '../../components/download';
import { Tabs } from '../../components/Tabs';

type Row = OutputOf<'orders.list'>['rows'][number];
/** The same groups the dashboard tiles count, so a tile opens exactly its list. */
const tabs = [
  ['', 'All'],
  ['draft', 'Drafts'],
  ['pending_approval', 'Pending approval'],
  ['confirmed', 'Pending (confirmed)'],
  ['processing,picked,partially_delivered', 'Processing'],
  ['delivered,invoiced', 'Delivered'],
  ['cancelled', 'Cancelled'],
] as const;
type Tab = (typeof tabs)[number][0];
const statusesOf = (tab: string) => (tab ? (tab.split(',') as OrderStatus[]) : []);
const columns: Column<Row>[] = [
  { key: 'number', label: 'Order', width: '150px', sortable: true, render: (r) => r.number ?? `draft #${r.id}` },
  { key: 'date', label: 'Date', width: '100px', sortable: true, render: (r) => r.orderDate },
  {
    key: 'customer',
    label: 'Customer',
    width: 'minmax(200px, 2fr)',
    sortable: true,
    render: (r) => `${r.customerName} (${r.customerCode})`,
  },
  { key: 'city', label: 'City', width: 'minmax(100px, 1fr)' },
  { key: 'lines', label: 'Lines', width: '60px', align: 'right' },
  { key: 'total', label: 'Total', width: '120px', align: 'right', sortable: true, render: (r) => formatMoney(r.total) },
  {
    key: 'status',
    label: 'Status',
    width: '140px',
    sortable: true,
    render: (r) => <span className={`pill status-${r.status}`}>{statusLabel[r.status]}</span>,
  },
  { key: 'paymentStatus', label: 'Payment', width: '90px' },
  { key: 'createdBy', label: 'Clerk', width: '120px' },
];

export function OrdersScreen({ goTo }: { goTo(place: string): void }) {
  const params = useNav((s) => s.params);
  const [status, setStatus] = useState<Tab>((params.status as Tab) ?? '');
  const [search, setSearch] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [sort, setSort] = useState<{ key: string; dir: 'asc' | 'desc' }>({ key: 'date', dir: 'desc' });
  const [open, setOpen] = useState<number | null>(params.open ? Number(params.open) : null);
  const [refresh, setRefresh] = useState(0);
  const debounced = useDebounced(search, 150);
  const searchRef = useRef<HTMLInputElement>(null);
  useHotkeys({ '/': () => searchRef.current?.focus() });
  return (
    <section className="screen">
      <header className="screen-head">
        <h1>Orders</h1>
        <div className="toolbar">
          <input
            ref={searchRef}
            className="search"
            type="search"
            aria-label="Search orders"
            placeholder="Customer or SO number  ( / )"
            value={search}
            onChange={(e) => setSearch(e.target.value)}
          />
          <input type="date" aria-label="From date" value={from} onChange={(e) => setFrom(e.target.value)} />
          <input type="date" aria-label="To date" value={to} onChange={(e) => setTo(e.target.value)} />
          <button
            onClick={() =>
              void call('orders.export', {
                statuses: statusesOf(status),
                search: debounced,
                from,
                to,
                format: 'csv',
              }).then(download)
            }
          >
            Export CSV
          </button>
          <button
            onClick={() =>
              void call('orders.export', {
                statuses: statusesOf(status),
                search: debounced,
                from,
                to,
                format: 'xlsx',
              }).then(download)
            }
          >
            Export XLSX
          </button>
        </div>
      </header>
      <Tabs tabs={tabs} current={status} onSelect={setStatus} />
      <PagedTable
        label="Orders"
        columns={columns}
        queryKey={JSON.stringify({ status, debounced, from, to, sort, refresh })}
        fetchPage={(offset, limit, at) =>
          call('orders.list', {
            ...at,
            statuses: statusesOf(status),
            search: debounced,
            from,
            to,
            sort: sort.key as 'date',
            dir: sort.dir,
            offset,
            limit,
          })
        }
        rowKey={(r) => r.id}
        onOpen={(r) => setOpen(r.id)}
        sort={sort}
        onSort={(key) => setSort((s) => ({ key, dir: s.key === key && s.dir === 'desc' ? 'asc' : 'desc' }))}
        emptyText="No orders match."
      />
      {open !== null && (
        <OrderDetailDrawer
          id={open}
          onClose={() => setOpen(null)}
          onChanged={() => setRefresh((n) => n + 1)}
          onResume={(detail) => {
            void useOrderDraft.getState().resume(detail);
            setOpen(null);
            goTo('new-order');
          }}
        />
      )}
    </section>
  );
}
