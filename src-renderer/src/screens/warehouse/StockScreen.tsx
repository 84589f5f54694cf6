import { useEffect, useRef, useState } from 'react';
import type { OutputOf } from '../../../../src-shared/contract';
import type { StockRow } from '../../../../src-shared/contract/inventory';
import { call } from '../../api/client';
import { Drawer } from '../../components/Drawer';
import { PagedTable, type Column } from '../../components/PagedTable';
import { useDebounced } from '../../components/use-debounced';
import { useHotkeys } from '../../components/use-hotkeys';
import { useSession } from '../../stores/session-store';
import { ReceiveGoods } from './ReceiveGoods';
import { ShipmentsPanel } from './ShipmentsPanel';
import { ImportDialog } from '../../components/ImportDialog';
import { TransfersPanel, SendTransfer } from './Transfers';
import { formatPacks } from '../../../../src-shared/quantity';
import { Tabs } from '../../components/Tabs';

/** On-hand figures in cases and pieces, the way the warehouse counts them ("2 case 5 pc"). */
const inPacks = (r: StockRow, q: number) =>
  q === 0 ? '0' : <span title={`${q} ${r.baseUnit}`}>{formatPacks(q, r)}</span>;

const columns: Column<StockRow>[] = [
  { key: 'warehouseCode', label: 'Wh', width: '60px' },
  { key: 'sku', label: 'SKU', width: '90px' },
  { key: 'productName', label: 'Product', width: 'minmax(140px, 2fr)' },
  { key: 'batchNo', label: 'Batch', width: '90px' },
  { key: 'expiresOn', label: 'Expiry', width: '90px', sortable: true, render: (r) => r.expiresOn ?? '—' },
  {
    key: 'daysToExpiry',
    label: 'Days left',
    width: '80px',
    align: 'right',
    render: (r) =>
      r.daysToExpiry === null ? (
        '—'
      ) : (
        <span className={r.daysToExpiry <= 0 ? 'bad' : r.daysToExpiry <= 90 ? 'warn' : ''}>{r.daysToExpiry}</span>
      ),
  },
  { key: 'onHand', label: 'On hand', width: '135px', align: 'right', render: (r) => inPacks(r, r.onHand) },
  { key: 'reserved', label: 'Reserved', width: '120px', align: 'right', render: (r) => inPacks(r, r.reserved) },
  {
    key: 'available',
    label: 'Available',
    width: '135px',
    align: 'right',
    sortable: true,
    render: (r) => inPacks(r, r.available),
  },
  { key: 'inTransit', label: 'In transit', width: '90px', align: 'right', render: (r) => inPacks(r, r.inTransit) },
];

/** Stock by warehouse, product and batch, with near-expiry and expired views and each batch's history. */
export function StockScreen() {
  const canReceive = useSession((s) => s.can('inventory.write'));
  const [warehouses, setWarehouses] = useState<OutputOf<'warehouses.list'>>([]);
  const [warehouseId, setWarehouseId] = useState<number | null>(null);
  const [expiry, setExpiry] = useState<'all' | 'near' | 'expired' | 'transfers' | 'shipments'>('all');
  const [search, setSearch] = useState('');
  const [sort, setSort] = useState<{ key: string; dir: 'asc' | 'desc' }>({ key: 'product', dir: 'asc' });
  const [history, setHistory] = useState<StockRow | null>(null);
  const [receiving, setReceiving] = useState(false);
  const [importing, setImporting] = useState(false);
  const [refresh, setRefresh] = useState(0);
  const debounced = useDebounced(search, 150);
  const searchRef = useRef<HTMLInputElement>(null);
  useEffect(() => void call('warehouses.list', {}).then(setWarehouses), []);
  useHotkeys({ '/': () => searchRef.current?.focus(), 'alt+r': () => canReceive && setReceiving(true) });
  const sortKey = sort.key === 'expiresOn' ? 'expiry' : sort.key === 'available' ? 'available' : 'product';
  return (
    <section className="screen">
      <header className="screen-head">
        <h1>Stock</h1>
        <div className="toolbar">
          <input
            ref={searchRef}
            className="search"
            type="search"
            aria-label="Search stock"
            placeholder="Product name or SKU  ( / )"
            value={search}
            onChange={(e) => setSearch(e.target.value)}
          />
          <select
            aria-label="Filter by warehouse"
            value={warehouseId ?? ''}
            onChange={(e) => setWarehouseId(e.target.value ? Number(e.target.value) : null)}
          >
            <option value="">All warehouses</option>
            {warehouses.map((w) => (
              <option key={w.id} value={w.id}>
                {w.code}
              </option>
            ))}
          </select>
          {canReceive && <button onClick={() => setImporting(true)}>Import opening stock</button>}
          {canReceive && (
            <button className="primary" onClick={() => setReceiving(true)}>
              Receive goods <kbd>Alt+R</kbd>
            </button>
          )}
        </div>
      </header>
      <Tabs
        tabs={[
          ['all', 'All stock'],
          ['near', 'Near expiry'],
          ['expired', 'Expired'],
          ['transfers', 'Transfers'],
          ['shipments', 'Primary shipments'],
        ]}
        current={expiry}
        onSelect={setExpiry}
      />
      {expiry === 'shipments' ? (
        <ShipmentsPanel warehouses={warehouses} canReceive={canReceive} onReceived={() => setRefresh((n) => n + 1)} />
      ) : expiry === 'transfers' ? (
        <TransfersPanel canReceive={canReceive} />
      ) : (
        <PagedTable
          label="Stock"
          columns={columns}
          queryKey={JSON.stringify({ warehouseId, expiry, debounced, sort, refresh })}
          fetchPage={(offset, limit) =>
            call('inventory.stock', {
              warehouseId,
              expiry,
              search: debounced,
              sort: sortKey,
              dir: sort.dir,
              offset,
              limit,
            })
          }
          rowKey={(r) => r.warehouseId * 1e9 + r.batchId}
          onOpen={setHistory}
          sort={sort}
          onSort={(key) => setSort((s) => ({ key, dir: s.key === key && s.dir === 'asc' ? 'desc' : 'asc' }))}
          emptyText={
            expiry === 'expired'
              ? 'Nothing expired in stock.'
              : expiry === 'near'
                ? 'Nothing expires soon.'
                : 'No stock yet. Receive goods (Alt+R).'
          }
        />
      )}
      {history && (
        <MovementHistory
          row={history}
          canMove={canReceive}
          warehouses={warehouses}
          onClose={() => setHistory(null)}
          onMoved={() => {
            setHistory(null);
            setRefresh((n) => n + 1);
          }}
        />
      )}
      {importing && (
        <ImportDialog
          what="opening stock rows"
          operation="inventory.importOpening"
          columnsHelp="Columns: warehouse (code), sku, batch_no, mfg_date, expiry_date (31/12/2027 or 2027-12-31), quantity, unit (pc, case…), mrp."
          onClose={() => setImporting(false)}
          onImported={() => setRefresh((n) => n + 1)}
        />
      )}
      {receiving && (
        <ReceiveGoods
          warehouses={warehouses}
          onClose={() => setReceiving(false)}
          onDone={() => {
            setReceiving(false);
            setRefresh((n) => n + 1);
          }}
        />
      )}
    </section>
  );
}

function MovementHistory({
  row,
  canMove,
  warehouses,
  onClose,
  onMoved,
}: {
  row: StockRow;
  canMove: boolean;
  warehouses: OutputOf<'warehouses.list'>;
  onClose(): void;
  onMoved(): void;
}) {
  const [moves, setMoves] = useState<OutputOf<'inventory.movements'>>([]);
  const [holders, setHolders] = useState<OutputOf<'inventory.reservations'>>([]);
  useEffect(() => {
    void call('inventory.movements', {
      productId: row.productId,
      batchId: row.batchId,
      warehouseId: row.warehouseId,
    }).then(setMoves);
    void call('inventory.reservations', { warehouseId: row.warehouseId, batchId: row.batchId }).then(setHolders);
  }, [row]);
  return (
    <Drawer title={`${row.sku} batch ${row.batchNo} in ${row.warehouseCode}`} onClose={onClose}>
      <p>
        On hand {formatPacks(row.onHand, row)} · reserved {formatPacks(row.reserved, row)} · available{' '}
        {formatPacks(row.available, row)} · in transit {formatPacks(row.inTransit, row)}
      </p>
      {holders.length > 0 && (
        <>
          <h3>Reserved for</h3>
          <ul>
            {holders.map((h) => (
              <li key={`${h.orderId}-${h.status}`}>
                {h.orderNumber ?? `order ${h.orderId}`} — {h.customerName}: {h.quantity} ({h.status})
              </li>
            ))}
          </ul>
        </>
      )}
      {canMove && row.available > 0 && <SendTransfer row={row} warehouses={warehouses} onSent={onMoved} />}
      <h3>Movements</h3>
      <table className="plain">
        <thead>
          <tr>
            <th>When</th>
            <th>What</th>
            <th className="right">Qty</th>
            <th className="right">Balance</th>
            <th>Document</th>
            <th>By</th>
          </tr>
        </thead>
        <tbody>
          {moves.map((m) => (
            <tr key={m.id}>
              <td>{m.at.slice(0, 16).replace('T', ' ')}</td>
              <td>
                {m.kind.replace('_', ' ')}
                {m.reason ? `: ${m.reason}` : ''}
              </td>
              <td className="right num">{m.quantity}</td>
              <td className="right num">{m.balanceAfter}</td>
              <td>{m.document}</td>
              <td>{m.userName}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Drawer>
  );
}
