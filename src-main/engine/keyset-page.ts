import type Database from 'better-sqlite3';
import { cachedCount, keysetCondition, type Cursor } from './keyset';
import type { Where } from './list-query';

export interface KeysetQuery {
  /** The listed table and only the joins the filters or the sort need, e.g. `invoices i`. */
  from: string;
  /** The same without the joins only the sort needs: what the count reads. */
  countFrom?: string;
  where: Where;
  /** The sort key (a column of an index) and the listed table's id, the tie-breaker. */
  key: string;
  id: string;
  /** true when the sort key's column may be NULL (every list's key is NOT NULL so far) */
  nullableKey?: boolean;
  dir: 'asc' | 'desc';
  /** The row position to start at, when no cursor is given (a jump, or the first page). */
  offset: number;
  limit: number;
  after?: Cursor | null;
  before?: Cursor | null;
}

export interface KeysetResult {
  /** The page's ids in the list's order; the caller reads the shown columns for these rows alone. */
  ids: number[];
  total: number;
  /** true when the total is a recent count reused after a write (shown as "about") */
  totalEstimated: boolean;
  prev: Cursor | null;
  next: Cursor | null;
}

/**
 * One page of any long list, the way the orders list pages: by cursor (sort key + id, an index seek
 * however deep), or by position counted from the nearer end, with the count cached (keyset.ts).
 */
export function keysetPage(sqlite: Database.Database, q: KeysetQuery): KeysetResult {
  const { where } = q;
  const count = cachedCount(sqlite, `SELECT count(*) AS n FROM ${q.countFrom ?? q.from} ${where.sql}`, where.params);
  const cursor = q.after ?? q.before ?? null;
  const conditions = where.sql ? [where.sql.replace(/^WHERE /, '')] : [];
  const params = [...where.params];
  let offset = 0;
  let reversed = false;
  if (cursor) {
    const c = keysetCondition(q.key, q.id, q.dir, cursor, q.after ? 'after' : 'before', q.nullableKey ?? false);
    conditions.push(c.sql);
    params.push(...c.params);
    reversed = !q.after;
  } else if (q.offset > count.n / 2 && count.n > q.limit) {
    // Nearer the end: read backwards from the last row, so the last page costs what the first does.
    reversed = true;
    offset = Math.max(0, count.n - q.offset - q.limit);
  } else offset = q.offset;
  const limit = cursor || !reversed ? q.limit : Math.min(q.limit, count.n - q.offset);
  const dir = reversed ? (q.dir === 'asc' ? 'DESC' : 'ASC') : q.dir === 'desc' ? 'DESC' : 'ASC';
  const rows = sqlite
    .prepare(
      `SELECT ${q.id} AS id, ${q.key} AS sortKey FROM ${q.from} ${conditions.length ? `WHERE ${conditions.join(' AND ')}` : ''}
       ORDER BY ${q.key} ${dir}, ${q.id} ${dir} LIMIT ? OFFSET ?`,
    )
    .all(...params, Math.max(0, limit), offset) as { id: number; sortKey: string | number | null }[];
  if (reversed) rows.reverse();
  const first = rows[0];
  const last = rows.at(-1);
  return {
    ids: rows.map((r) => r.id),
    total: count.n,
    totalEstimated: count.estimated,
    prev: first ? { key: first.sortKey, id: first.id } : null,
    next: last ? { key: last.sortKey, id: last.id } : null,
  };
}

/** The page as the contract returns it: the shown rows (read by id) put back in the page's order. */
export function pageWith<Row extends { id: number }>(page: KeysetResult, rows: Row[]) {
  const byId = new Map(rows.map((r) => [r.id, r]));
  return {
    rows: page.ids.map((id) => byId.get(id)!),
    total: page.total,
    totalEstimated: page.totalEstimated,
    prev: page.prev,
    next: page.next,
  };
}

/** A number search as a range on the number's unique index: every number that starts with what was typed. */
export function numberPrefix(column: string, search: string): { sql: string; params: unknown[] } {
  const prefix = search.toUpperCase();
  return { sql: `${column} >= ? AND ${column} < ?`, params: [prefix, `${prefix}\u{10FFFF}`] };
}

/** "123" is document 123 of any financial year: one equality per series on the number's index. */
export function numberTail(column: string, series: string, tail: string): { sql: string; params: unknown[] } {
  return {
    sql: `${column} IN (SELECT series || '/' || ? FROM document_series WHERE series >= ? AND series < ?)`,
    params: [tail, `${series}/`, `${series}0`],
  };
}
