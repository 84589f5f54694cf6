import { useEffect, useMemo, useRef, useState } from 'react';
import type { OutputOf } from '../../../../src-shared/contract';
import type { CustomerRow } from '../../../../src-shared/contract/customers';
import { indiaStates } from '../../../../src-shared/india-states';
import { formatMoney } from '../../../../src-shared/money';
import { call } from '../../api/client';
import { ImportDialog } from '../../components/ImportDialog';
import { PagedTable, type Column } from '../../components/PagedTable';
import { useHotkeys } from '../../components/use-hotkeys';
import { useDebounced } from '../../components/use-debounced';
import { useSession } from '../../stores/session-store';
import { CustomerEditor } from './CustomerEditor';
import { CustomerTypesDrawer } from './CustomerTypesDrawer';

const statusLabel: Record<string, string> = { active: 'Active', on_hold: 'On hold', blocked: 'Blocked' };

export function CustomersScreen() {
  const can = useSession((s) => s.can);
  const [search, setSearch] = useState('');
  const [type, setType] = useState('');
  const [status, setStatus] = useState<'' | 'active' | 'on_hold' | 'blocked'>('');
  const [stateCode, setStateCode] = useState('');
  const [sort, setSort] = useState<{ key: string; dir: 'asc' | 'desc' }>({ key: 'name', dir: 'asc' });
  const [types, setTypes] = useState<OutputOf<'customerTypes.list'>>([]);
  const [editing, setEditing] = useState<number | 'new' | null>(null);
  const [importing, setImporting] = useState(false);
  const [editingTypes, setEditingTypes] = useState(false);
  const [refresh, setRefresh] = useState(0);
  const searchRef = useRef<HTMLInputElement>(null);
  const debounced = useDebounced(search, 150);

  const loadTypes = () => void call('customerTypes.list', {}).then(setTypes);
  useEffect(loadTypes, []);
  useHotkeys({
    '/': () => searchRef.current?.focus(),
    'alt+n': () => can('customers.write') && setEditing('new'),
    'alt+i': () => can('customers.write') && setImporting(true),
  });

  const typeName = useMemo(() => new Map(types.map((t) => [t.code, t.name])), [types]);
  const columns: Column<CustomerRow>[] = [
    { key: 'code', label: 'Code', width: '80px', sortable: true },
    { key: 'name', label: 'Name', width: 'minmax(200px, 2fr)', sortable: true },
    { key: 'type', label: 'Type', width: '110px', sortable: true, render: (r) => typeName.get(r.type) ?? r.type },
    {
      key: 'city',
      label: 'City',
      width: 'minmax(110px, 1fr)',
      sortable: true,
      render: (r) =>
        `${r.city}${r.stateCode ? `, ${indiaStates.find(([c]) => c === r.stateCode)?.[1] ?? r.stateCode}` : ''}`,
    },
    { key: 'parentName', label: 'Mapped to', width: 'minmax(140px, 1.2fr)', render: (r) => r.parentName ?? '—' },
    { key: 'gstin', label: 'GSTIN', width: '150px', render: (r) => r.gstin || '—' },
    {
      key: 'creditLimit',
      label: 'Credit limit',
      width: '120px',
      align: 'right',
      sortable: true,
      render: (r) => formatMoney(r.creditLimit),
    },
    {
      key: 'paymentTermsDays',
      label: 'Terms',
      width: '56px',
      align: 'right',
      render: (r) => `${r.paymentTermsDays} d`,
    },
    {
      key: 'status',
      label: 'Status',
      width: '76px',
      sortable: true,
      render: (r) => <span className={`pill ${r.status}`}>{statusLabel[r.status]}</span>,
    },
  ];
  const queryKey = JSON.stringify({ debounced, type, status, stateCode, sort, refresh });

  return (
    <section className="screen">
      <header className="screen-head">
        <h1>Customers</h1>
        <div className="toolbar">
          <input
            ref={searchRef}
            className="search"
            type="search"
            placeholder="Search name, code, city, phone  ( / )"
            aria-label="Search customers"
            value={search}
            onChange={(e) => setSearch(e.target.value)}
          />
          <select aria-label="Filter by type" value={type} onChange={(e) => setType(e.target.value)}>
            <option value="">All types</option>
            {types.map((t) => (
              <option key={t.code} value={t.code}>
                {t.name}
              </option>
            ))}
          </select>
          <select aria-label="Filter by state" value={stateCode} onChange={(e) => setStateCode(e.target.value)}>
            <option value="">All states</option>
            {indiaStates.map(([c, n]) => (
              <option key={c} value={c}>
                {n}
              </option>
            ))}
          </select>
          <select
            aria-label="Filter by status"
            value={status}
            onChange={(e) => setStatus(e.target.value as typeof status)}
          >
            <option value="">Any status</option>
            <option value="active">Active</option>
            <option value="on_hold">On hold</option>
            <option value="blocked">Blocked</option>
          </select>
          {can('customers.write') && (
            <>
              <button onClick={() => setEditingTypes(true)}>Types &amp; rules</button>
              <button onClick={() => setImporting(true)}>
                Import CSV <kbd>Alt+I</kbd>
              </button>
              <button className="primary" onClick={() => setEditing('new')}>
                New customer <kbd>Alt+N</kbd>
              </button>
            </>
          )}
        </div>
      </header>
      <PagedTable
        label="Customers"
        columns={columns}
        queryKey={queryKey}
        fetchPage={(offset, limit, at) =>
          call('customers.list', {
            ...at,
            search: debounced,
            type,
            status,
            stateCode,
            sort: sort.key as 'name',
            dir: sort.dir,
            offset,
            limit,
          })
        }
        rowKey={(r) => r.id}
        onOpen={(r) => setEditing(r.id)}
        sort={sort}
        onSort={(key) => setSort((s) => ({ key, dir: s.key === key && s.dir === 'asc' ? 'desc' : 'asc' }))}
        emptyText={
          debounced
            ? `No customer matches “${debounced}”`
            : 'No customers yet. Add one (Alt+N) or import a CSV (Alt+I).'
        }
      />
      {editing !== null && (
        <CustomerEditor
          id={editing === 'new' ? null : editing}
          types={types}
          readOnly={!can('customers.write')}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            setRefresh((n) => n + 1);
          }}
        />
      )}
      {editingTypes && (
        <CustomerTypesDrawer
          types={types}
          onClose={() => setEditingTypes(false)}
          onSaved={() => {
            setEditingTypes(false);
            loadTypes();
          }}
        />
      )}
      {importing && (
        <ImportDialog
          what="customers"
          operation="customers.import"
          columnsHelp="Columns: code, name, type, parent_code, phone, email, gstin, address1, address2, area, city, district, state, pincode, route, credit_limit (rupees), payment_terms_days, status. The first line must name the columns."
          onClose={() => setImporting(false)}
          onImported={() => setRefresh((n) => n + 1)}
        />
      )}
    </section>
  );
}
