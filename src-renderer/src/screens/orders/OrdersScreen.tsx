import { useRef, useState } from 'react';
import type { OutputOf } from '../../../../src-shared/contract';
import { formatMoney } from '../../../../src-shared/money';
import { call } from '../../api/client';
import { PagedTable, type Column } from '../../components/PagedTable';
import { useDebounced } from '../../components/use-debounced';
import { useHotkeys } from '../../components/use-hotkeys';
import { useOrderDraft } from '../../stores/order-draft-store';
import { OrderDetailDrawer, statusLabel } from './OrderDetailDrawer';

type Row = OutputOf<'orders.list'>['rows'][number];
const tabs = ['', 'draft', 'pending_approval', 'confirmed', 'processing', 'delivered', 'cancelled'] as const;
const columns: Column<Row>[] = [
  { key: 'number', label: 'Order', width: '150px', sortable: true, render: (r) => r.number ?? `draft #${r.id}` },
  { key: 'date', label: 'Date', width: '100px', sortable: true, render: (r) => r.orderDate },
  { key: 'customer', label: 'Customer', width: 'minmax(200px, 2fr)', sortable: true, render: (r) => `${r.customerName} (${r.customerCode})` },
  { key: 'city', label: 'City', width: 'minmax(100px, 1fr)' },
  { key: 'lines', label: 'Lines', width: '60px', align: 'right' },
  { key: 'total', label: 'Total', width: '120px', align: 'right', sortable: true, render: (r) => formatMoney(r.total) },
  { key: 'status', label: 'Status', width: '140px', sortable: true, render: (r) => <span className={`pill status-${r.status}`}>{statusLabel[r.status]}</span> },
  { key: 'paymentStatus', label: 'Payment', width: '90px' },
  { key: 'createdBy', label: 'Clerk', width: '120px' },
];

export function OrdersScreen({ goTo }: { goTo(place: string): void }) {
  const [status, setStatus] = useState<(typeof tabs)[number]>('');
  const [search, setSearch] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [sort, setSort] = useState<{ key: string; dir: 'asc' | 'desc' }>({ key: 'date', dir: 'desc' });
  const [open, setOpen] = useState<number | null>(null);
  const [refresh, setRefresh] = useState(0);
  const debounced = useDebounced(search, 150);
  const searchRef = useRef<HTMLInputElement>(null);
  useHotkeys({ '/': () => searchRef.current?.focus() });
  return (
    <section className="screen">
      <header className="screen-head">
        <h1>Orders</h1>
        <div className="toolbar">
          <input ref={searchRef} className="search" type="search" aria-label="Search orders" placeholder="Customer or SO number  ( / )" value={search} onChange={(e) => setSearch(e.target.value)} />
          <input type="date" aria-label="From date" value={from} onChange={(e) => setFrom(e.target.value)} />
          <input type="date" aria-label="To date" value={to} onChange={(e) => setTo(e.target.value)} />
        </div>
      </header>
      <div className="tabs" role="tablist">
        {tabs.map((t) => (
          <button key={t || 'all'} role="tab" aria-selected={status === t} className={status === t ? 'current' : ''} onClick={() => setStatus(t)}>
            {t ? statusLabel[t] : 'All'}
          </button>
        ))}
      </div>
      <PagedTable
        label="Orders"
        columns={columns}
        queryKey={JSON.stringify({ status, debounced, from, to, sort, refresh })}
        fetchPage={(offset, limit) => call('orders.list', { status, search: debounced, from, to, sort: sort.key as 'date', dir: sort.dir, offset, limit })}
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
