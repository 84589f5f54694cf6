import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useReducer, useRef, useState, type ReactNode } from 'react';

export interface Column<Row> {
  key: string;
  label: string;
  width: string;
  align?: 'right';
  sortable?: boolean;
  render?: (row: Row) => ReactNode;
}

interface Props<Row> {
  columns: Column<Row>[];
  /** Changes whenever search, filters or sort change: the loaded pages are thrown away. */
  queryKey: string;
  fetchPage(offset: number, limit: number): Promise<{ rows: Row[]; total: number }>;
  rowKey(row: Row): number;
  onOpen(row: Row): void;
  sort?: { key: string; dir: 'asc' | 'desc' };
  onSort?(key: string): void;
  label: string;
  emptyText: string;
}

const PAGE = 100;
const ROW_HEIGHT = 36;

/**
 * A list that stays fast at 50,000 rows: only the visible rows are in the DOM, and only the
 * pages the clerk scrolls to are fetched from the main process.
 */
export function PagedTable<Row>({
  columns,
  queryKey,
  fetchPage,
  rowKey,
  onOpen,
  sort,
  onSort,
  label,
  emptyText,
}: Props<Row>) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const pages = useRef(new Map<number, Row[]>());
  const requested = useRef(new Set<number>());
  const generation = useRef(0);
  const [total, setTotal] = useState<number | null>(null);
  const [active, setActive] = useState(0);
  const [error, setError] = useState('');
  const [, redraw] = useReducer((x: number) => x + 1, 0);
  const fetchRef = useRef(fetchPage);
  fetchRef.current = fetchPage;

  const load = (page: number) => {
    if (requested.current.has(page)) return;
    requested.current.add(page);
    const gen = generation.current;
    fetchRef
      .current(page * PAGE, PAGE)
      .then((result) => {
        if (gen !== generation.current) return;
        pages.current.set(page, result.rows);
        setTotal(result.total);
        redraw();
      })
      .catch((e: Error) => setError(e.message));
  };

  useEffect(() => {
    generation.current += 1;
    pages.current = new Map();
    requested.current = new Set();
    setActive(0);
    setError('');
    load(0);
    scrollRef.current?.scrollTo({ top: 0 });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [queryKey]);

  const virtualizer = useVirtualizer({
    count: total ?? 0,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });
  const items = virtualizer.getVirtualItems();
  for (const item of items) load(Math.floor(item.index / PAGE));

  const rowAt = (index: number) => pages.current.get(Math.floor(index / PAGE))?.[index % PAGE];
  const grid = columns.map((c) => c.width).join(' ');

  const onKeyDown = (e: React.KeyboardEvent) => {
    if (!total) return;
    const move = (to: number) => {
      const next = Math.max(0, Math.min(total - 1, to));
      setActive(next);
      virtualizer.scrollToIndex(next, { align: 'auto' });
      e.preventDefault();
    };
    if (e.key === 'ArrowDown') move(active + 1);
    else if (e.key === 'ArrowUp') move(active - 1);
    else if (e.key === 'PageDown') move(active + 15);
    else if (e.key === 'PageUp') move(active - 15);
    else if (e.key === 'Home') move(0);
    else if (e.key === 'End') move(total - 1);
    else if (e.key === 'Enter') {
      const row = rowAt(active);
      if (row) onOpen(row);
      e.preventDefault();
    }
  };

  return (
    <div className="table" role="grid" aria-label={label} aria-rowcount={total ?? 0}>
      <div className="table-head" style={{ gridTemplateColumns: grid }} role="row">
        {columns.map((c) => (
          <div
            key={c.key}
            role="columnheader"
            className={`${c.align === 'right' ? 'right' : ''} ${c.sortable ? 'sortable' : ''}`}
            aria-sort={sort?.key === c.key ? (sort.dir === 'asc' ? 'ascending' : 'descending') : undefined}
            onClick={() => c.sortable && onSort?.(c.key)}
          >
            {c.label}
            {sort?.key === c.key ? (sort.dir === 'asc' ? ' ▲' : ' ▼') : ''}
          </div>
        ))}
      </div>
      <div className="table-body" ref={scrollRef} tabIndex={0} onKeyDown={onKeyDown} data-testid="table-body">
        {error && <div className="table-empty error">{error}</div>}
        {total === 0 && !error && <div className="table-empty">{emptyText}</div>}
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {items.map((item) => {
            const row = rowAt(item.index);
            return (
              <div
                key={row ? rowKey(row) : `loading-${item.index}`}
                role="row"
                aria-rowindex={item.index + 1}
                className={`table-row ${item.index === active ? 'active' : ''} ${item.index % 2 ? 'odd' : ''}`}
                style={{ gridTemplateColumns: grid, transform: `translateY(${item.start}px)`, height: ROW_HEIGHT }}
                onClick={() => {
                  setActive(item.index);
                  if (row) onOpen(row);
                }}
              >
                {row ? (
                  columns.map((c) => (
                    <div key={c.key} role="gridcell" className={c.align === 'right' ? 'right num' : ''}>
                      {c.render ? c.render(row) : String((row as Record<string, unknown>)[c.key] ?? '')}
                    </div>
                  ))
                ) : (
                  <div className="loading-cell">Loading…</div>
                )}
              </div>
            );
          })}
        </div>
      </div>
      <div className="table-foot" aria-live="polite">
        <span data-testid="record-count">
          {total === null ? 'Loading…' : `${total.toLocaleString('en-IN')} ${total === 1 ? 'record' : 'records'}`}
        </span>
        <span className="hint">↑↓ to move · Enter to open</span>
      </div>
    </div>
  );
}
