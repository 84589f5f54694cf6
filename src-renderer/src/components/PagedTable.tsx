import { useEffect, useLayoutEffect, useReducer, useRef, useState, type ReactNode } from 'react';
import { rowWindow, scrollTopFor, type Cursor } from './row-window';

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
  /** `at` is a cursor next to a loaded page when there is one: the server seeks instead of counting. */
  fetchPage(offset: number, limit: number, at: { after?: Cursor; before?: Cursor }): Promise<Page<Row>>;
  rowKey(row: Row): number;
  onOpen(row: Row): void;
  sort?: { key: string; dir: 'asc' | 'desc' };
  onSort?(key: string): void;
  label: string;
  emptyText: string;
}

interface Page<Row> {
  rows: Row[];
  total: number;
  totalEstimated?: boolean;
  prev?: Cursor | null;
  next?: Cursor | null;
}

const PAGE = 100;
const ROW_HEIGHT = 36;

/**
 * A list that stays fast at a million rows: only the visible rows are in the DOM, only the pages
 * the clerk scrolls to are fetched (by cursor next to a loaded page, else by position), and the
 * scrollbar and the "Go to row" box reach every row (row-window.ts).
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
  const pages = useRef(new Map<number, Page<Row>>());
  const requested = useRef(new Set<number>());
  const generation = useRef(0);
  const [total, setTotal] = useState<number | null>(null);
  const [estimated, setEstimated] = useState(false);
  const [scrollTop, setScrollTop] = useState(0);
  const [viewport, setViewport] = useState(600);
  const [jump, setJump] = useState('');
  const [active, setActive] = useState(0);
  const [error, setError] = useState('');
  const [, redraw] = useReducer((x: number) => x + 1, 0);
  const fetchRef = useRef(fetchPage);
  fetchRef.current = fetchPage;

  const load = (page: number) => {
    if (requested.current.has(page)) return;
    requested.current.add(page);
    const gen = generation.current;
    const before = pages.current.get(page - 1)?.next;
    const after = pages.current.get(page + 1)?.prev;
    fetchRef
      .current(page * PAGE, PAGE, before ? { after: before } : after ? { before: after } : {})
      .then((result) => {
        if (gen !== generation.current) return;
        pages.current.set(page, result);
        setTotal(result.total);
        setEstimated(Boolean(result.totalEstimated));
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
  }, [queryKey]);
  useLayoutEffect(() => {
    const el = scrollRef.current;
    if (!el) return;
    const observer = new ResizeObserver(() => setViewport(el.clientHeight || 600));
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  // The scrollbar maps to a position in the list, not to pixels: a million rows fit in a bounded height.
  const win = rowWindow({ count: total ?? 0, rowHeight: ROW_HEIGHT, viewport, scrollTop, overscan: 12 });
  const items = win.items;
  for (const item of items) load(Math.floor(item.index / PAGE));
  const scrollToIndex = (index: number) => {
    const el = scrollRef.current;
    if (!el) return;
    const top = scrollTopFor(index, { count: total ?? 0, rowHeight: ROW_HEIGHT, viewport, scrollTop });
    el.scrollTop = top;
    setScrollTop(top);
  };

  const rowAt = (index: number) => pages.current.get(Math.floor(index / PAGE))?.rows[index % PAGE];
  const grid = columns.map((c) => c.width).join(' ');

  const onKeyDown = (e: React.KeyboardEvent) => {
    if (!total) return;
    const move = (to: number) => {
      const next = Math.max(0, Math.min(total - 1, to));
      setActive(next);
      scrollToIndex(next);
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
      <div
        className="table-body"
        ref={scrollRef}
        tabIndex={0}
        onKeyDown={onKeyDown}
        onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}
        data-testid="table-body"
      >
        {error && <div className="table-empty error">{error}</div>}
        {total === 0 && !error && <div className="table-empty">{emptyText}</div>}
        <div style={{ height: win.height, position: 'relative' }}>
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
          {total === null
            ? 'Loading…'
            : `${estimated ? 'about ' : ''}${total.toLocaleString('en-IN')} ${total === 1 ? 'record' : 'records'}`}
        </span>
        <form
          className="jump"
          onSubmit={(e) => {
            e.preventDefault();
            const row = Number(jump.replace(/[,\s]/g, ''));
            if (!total || !Number.isInteger(row) || row < 1) return;
            const index = Math.min(total, row) - 1;
            setActive(index);
            scrollToIndex(index);
            scrollRef.current?.focus();
          }}
        >
          <input
            aria-label="Go to row"
            placeholder="Go to row"
            inputMode="numeric"
            value={jump}
            onChange={(e) => setJump(e.target.value)}
          />
        </form>
        <span className="hint">↑↓ to move · Enter to open</span>
      </div>
    </div>
  );
}
