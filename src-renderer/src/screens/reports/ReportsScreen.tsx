import { businessToday } from '../../stores/business-date';
import { useEffect, useState } from 'react';
import type { OutputOf } from '../../../../src-shared/contract';
import type { reportIds, ReportFiltersInput } from '../../../../src-shared/contract/reports';
import { indiaStates } from '../../../../src-shared/india-states';
import { call } from '../../api/client';
import { download } from '../../components/download';
import { useNav } from '../../stores/nav-store';
import { CustomerPicker } from '../../components/CustomerPicker';
import { ReportTable } from './ReportTable';

type ReportId = (typeof reportIds)[number];
const names: Record<ReportId, string> = {
  order_summary: 'Order summary',
  customer_orders: 'Customer orders',
  sales_performance: 'Sales performance',
  customer_performance: 'Customer performance',
  product_contribution: 'Product contribution',
  scheme_performance: 'Scheme performance',
  delivery_register: 'Delivery notes register',
  pending_orders: 'Pending orders and backorders',
  booking_billing_backlog: 'Booking / billing / backlog',
  on_time_delivery: 'On-time delivery',
  order_to_cash: 'Order-to-cash cycle',
  receivables_ageing: 'Receivables ageing',
};

const today = () => businessToday();
const monthStart = () => `${today().slice(0, 7)}-01`;

/** Every report with its filters, sortable columns, totals, drill-down and CSV / XLSX / PDF export. */
export function ReportsScreen() {
  const params = useNav((s) => s.params);
  const go = useNav((s) => s.go);
  const [report, setReport] = useState<ReportId>((params.report as ReportId) ?? 'booking_billing_backlog');
  const [filters, setFilters] = useState<ReportFiltersInput>({
    from: params.from ?? monthStart(),
    to: params.to ?? today(),
    groupBy: 'customer',
    period: 'day',
  });
  const [sort, setSort] = useState<{ key: string; dir: 'asc' | 'desc' } | null>(null);
  const [result, setResult] = useState<OutputOf<'reports.run'> | null>(null);
  const [error, setError] = useState('');
  const [facets, setFacets] = useState<OutputOf<'products.facets'>>({ brands: [], categories: [] });
  const [types, setTypes] = useState<OutputOf<'customerTypes.list'>>([]);
  const [warehouses, setWarehouses] = useState<OutputOf<'warehouses.list'>>([]);
  const [clerks, setClerks] = useState<OutputOf<'users.assignable'>>([]);
  const [customerLabel, setCustomerLabel] = useState('');
  // Each report needs its own permission: offer only those the role may run, and open on one of them.
  const [available, setAvailable] = useState<ReportId[] | null>(null);
  useEffect(() => {
    void call('reports.available', {}).then((ids) => {
      setAvailable(ids);
      setReport((current) => (ids.includes(current) ? current : (ids[0] ?? current)));
    });
  }, []);
  const offered = available ?? [];
  useEffect(() => {
    void call('products.facets', {}).then(setFacets);
    void call('customerTypes.list', {}).then(setTypes);
    void call('warehouses.list', {}).then(setWarehouses);
    void call('users.assignable', {}).then(setClerks);
  }, []);
  // Filters and sort are new objects on every edit: the report reruns when their values change.
  const filtersKey = JSON.stringify(filters);
  const sortKey = JSON.stringify(sort);
  useEffect(() => {
    if (!available?.includes(report)) return;
    const parsed = { filters: JSON.parse(filtersKey) as ReportFiltersInput, sort: JSON.parse(sortKey) as typeof sort };
    void call('reports.run', { report, ...parsed })
      .then((r) => {
        setResult(r);
        setError('');
      })
      .catch((e: Error) => setError(e.message));
  }, [available, report, filtersKey, sortKey]);
  // A paged report (on-time, order-to-cash) brings 200 rows at a time: the next page is appended.
  const more = () => {
    if (!result?.page?.next) return;
    const shown = result;
    void call('reports.run', { report, filters, sort, after: shown.page!.next })
      .then((r) => setResult({ ...r, rows: [...shown.rows, ...r.rows] }))
      .catch((e: Error) => setError(e.message));
  };
  const set = (patch: Partial<ReportFiltersInput>) => setFilters({ ...filters, ...patch });
  return (
    <section className="screen">
      <header className="screen-head">
        <h1>Reports</h1>
        <select
          aria-label="Report"
          value={report}
          onChange={(e) => {
            setReport(e.target.value as ReportId);
            setSort(null);
          }}
        >
          {offered.map((id) => (
            <option key={id} value={id}>
              {names[id]}
            </option>
          ))}
        </select>
        <div className="toolbar">
          {(['csv', 'xlsx', 'pdf'] as const).map((format) => (
            <button
              key={format}
              onClick={() => void call('reports.export', { report, filters, format }).then(download)}
            >
              Export {format.toUpperCase()}
            </button>
          ))}
        </div>
      </header>
      <div className="filters">
        <label>
          From{' '}
          <input type="date" aria-label="From" value={filters.from} onChange={(e) => set({ from: e.target.value })} />
        </label>
        <label>
          To <input type="date" aria-label="To" value={filters.to} onChange={(e) => set({ to: e.target.value })} />
        </label>
        {report === 'booking_billing_backlog' && (
          <select aria-label="Period" value={filters.period} onChange={(e) => set({ period: e.target.value as 'day' })}>
            <option value="day">By day</option>
            <option value="week">By week</option>
            <option value="month">By month</option>
          </select>
        )}
        {report === 'sales_performance' && (
          <select
            aria-label="Group by"
            value={filters.groupBy}
            onChange={(e) => set({ groupBy: e.target.value as 'customer' })}
          >
            {['customer', 'product', 'brand', 'category', 'geography', 'clerk'].map((g) => (
              <option key={g} value={g}>
                By {g}
              </option>
            ))}
          </select>
        )}
        <div className="report-customer">
          <CustomerPicker
            label="Customer"
            name="customerId"
            value={filters.customerId ?? null}
            valueLabel={customerLabel}
            types={[]}
            onChange={(id, label) => {
              setCustomerLabel(label);
              set({ customerId: id });
            }}
          />
        </div>
        <select
          aria-label="Customer type"
          value={filters.customerType ?? ''}
          onChange={(e) => set({ customerType: e.target.value })}
        >
          <option value="">All types</option>
          {types.map((t) => (
            <option key={t.code} value={t.code}>
              {t.name}
            </option>
          ))}
        </select>
        <select
          aria-label="Warehouse"
          value={filters.warehouseId ?? ''}
          onChange={(e) => set({ warehouseId: e.target.value ? Number(e.target.value) : null })}
        >
          <option value="">All warehouses</option>
          {warehouses.map((w) => (
            <option key={w.id} value={w.id}>
              {w.code}
            </option>
          ))}
        </select>
        <select
          aria-label="Clerk"
          value={filters.clerkId ?? ''}
          onChange={(e) => set({ clerkId: e.target.value ? Number(e.target.value) : null })}
        >
          <option value="">All clerks</option>
          {clerks.map((u) => (
            <option key={u.id} value={u.id}>
              {u.displayName}
            </option>
          ))}
        </select>
        <select aria-label="State" value={filters.stateCode ?? ''} onChange={(e) => set({ stateCode: e.target.value })}>
          <option value="">All states</option>
          {indiaStates.map(([c, n]) => (
            <option key={c} value={c}>
              {n}
            </option>
          ))}
        </select>
        <input
          aria-label="City"
          placeholder="City"
          value={filters.city ?? ''}
          onChange={(e) => set({ city: e.target.value })}
        />
        <select aria-label="Brand" value={filters.brand ?? ''} onChange={(e) => set({ brand: e.target.value })}>
          <option value="">All brands</option>
          {facets.brands.map((b) => (
            <option key={b}>{b}</option>
          ))}
        </select>
        <select
          aria-label="Category"
          value={filters.category ?? ''}
          onChange={(e) => set({ category: e.target.value })}
        >
          <option value="">All categories</option>
          {facets.categories.map((c) => (
            <option key={c}>{c}</option>
          ))}
        </select>
      </div>
      {error && (
        <div className="form-error" role="alert">
          {error}
        </div>
      )}
      {result && (
        <ReportTable
          result={result}
          onMore={more}
          sort={sort}
          onSort={(key) => setSort((s) => ({ key, dir: s?.key === key && s.dir === 'desc' ? 'asc' : 'desc' }))}
          onDrill={(kind, id) =>
            kind === 'order'
              ? go('orders', { open: String(id) })
              : kind === 'customer'
                ? go('customers', {})
                : go('billing', { tab: 'invoices' })
          }
        />
      )}
    </section>
  );
}
