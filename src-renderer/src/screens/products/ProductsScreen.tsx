import { useEffect, useRef, useState } from 'react';
import type { OutputOf } from '../../../../src-shared/contract';
import type { ProductRow } from '../../../../src-shared/contract/products';
import { formatMoney, formatRate } from '../../../../src-shared/money';
import { call } from '../../api/client';
import { ImportDialog } from '../../components/ImportDialog';
import { PagedTable, type Column } from '../../components/PagedTable';
import { useDebounced } from '../../components/use-debounced';
import { useHotkeys } from '../../components/use-hotkeys';
import { useSession } from '../../stores/session-store';
import { ProductEditor } from './ProductEditor';

const columns: Column<ProductRow>[] = [
  { key: 'sku', label: 'SKU', width: '90px', sortable: true },
  { key: 'name', label: 'Name', width: 'minmax(220px, 2.5fr)', sortable: true },
  { key: 'brand', label: 'Brand', width: '90px', sortable: true },
  { key: 'category', label: 'Category', width: '110px', sortable: true },
  { key: 'barcode', label: 'Barcode', width: '125px' },
  { key: 'packs', label: 'Packs', width: '120px', render: (r) => r.packs || '—' },
  { key: 'hsn', label: 'HSN', width: '76px' },
  { key: 'taxRate', label: 'GST', width: '48px', align: 'right', render: (r) => formatRate(r.taxRate) },
  { key: 'mrp', label: 'MRP', width: '88px', align: 'right', sortable: true, render: (r) => formatMoney(r.mrp) },
  { key: 'price', label: 'Price', width: '88px', align: 'right', sortable: true, render: (r) => formatMoney(r.price) },
];

export function ProductsScreen() {
  const can = useSession((s) => s.can);
  const [search, setSearch] = useState('');
  const [brand, setBrand] = useState('');
  const [category, setCategory] = useState('');
  const [sort, setSort] = useState<{ key: string; dir: 'asc' | 'desc' }>({ key: 'name', dir: 'asc' });
  const [facets, setFacets] = useState<OutputOf<'products.facets'>>({ brands: [], categories: [] });
  const [editing, setEditing] = useState<number | 'new' | null>(null);
  const [importing, setImporting] = useState(false);
  const [refresh, setRefresh] = useState(0);
  const searchRef = useRef<HTMLInputElement>(null);
  const debounced = useDebounced(search, 120);

  useEffect(() => {
    void call('products.facets', {}).then(setFacets);
  }, [refresh]);
  useHotkeys({
    '/': () => searchRef.current?.focus(),
    'alt+n': () => can('products.write') && setEditing('new'),
    'alt+i': () => can('products.write') && setImporting(true),
  });

  return (
    <section className="screen">
      <header className="screen-head">
        <h1>Products</h1>
        <div className="toolbar">
          <input
            ref={searchRef}
            className="search"
            type="search"
            placeholder="Search name, SKU, brand, or scan a barcode  ( / )"
            aria-label="Search products"
            value={search}
            onChange={(e) => setSearch(e.target.value)}
          />
          <select aria-label="Filter by brand" value={brand} onChange={(e) => setBrand(e.target.value)}>
            <option value="">All brands</option>
            {facets.brands.map((b) => (
              <option key={b}>{b}</option>
            ))}
          </select>
          <select aria-label="Filter by category" value={category} onChange={(e) => setCategory(e.target.value)}>
            <option value="">All categories</option>
            {facets.categories.map((c) => (
              <option key={c}>{c}</option>
            ))}
          </select>
          {can('products.write') && (
            <>
              <button onClick={() => setImporting(true)}>
                Import CSV <kbd>Alt+I</kbd>
              </button>
              <button className="primary" onClick={() => setEditing('new')}>
                New product <kbd>Alt+N</kbd>
              </button>
            </>
          )}
        </div>
      </header>
      <PagedTable
        label="Products"
        columns={columns}
        queryKey={JSON.stringify({ debounced, brand, category, sort, refresh })}
        fetchPage={(offset, limit, at) =>
          call('products.list', {
            ...at,
            search: debounced,
            brand,
            category,
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
          debounced ? `No product matches “${debounced}”` : 'No products yet. Add one (Alt+N) or import a CSV (Alt+I).'
        }
      />
      {editing !== null && (
        <ProductEditor
          id={editing === 'new' ? null : editing}
          readOnly={!can('products.write')}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            setRefresh((n) => n + 1);
          }}
        />
      )}
      {importing && (
        <ImportDialog
          what="products"
          operation="products.import"
          columnsHelp="Columns: sku, name, brand, category, hsn, tax_rate (%), mrp, price (rupees), base_unit, packs (case=24;box=6), barcodes (code;code@case), batch_tracked (yes/no), shelf_life_days, rack, status."
          onClose={() => setImporting(false)}
          onImported={() => setRefresh((n) => n + 1)}
        />
      )}
    </section>
  );
}
