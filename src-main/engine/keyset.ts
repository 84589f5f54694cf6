import type Database from 'better-sqlite3';

/** Where a page starts or ends: the sort key and id of a row, so the next page is an index seek. */
export interface Cursor {
  key: string | number | null;
  id: number;
}

/**
 * The condition "after this row" (or before it) in the order `key dir, id dir`, for a key that may be
 * NULL (SQLite sorts NULL first ascending). A page at a cursor costs the same on the first page
 * and on the millionth: the index is sought, not counted through as with OFFSET.
 */
export function keysetCondition(
  key: string,
  id: string,
  dir: 'asc' | 'desc',
  cursor: Cursor,
  side: 'after' | 'before',
  /**
   * false for a NOT NULL key: then no `OR key IS NULL` is added, which would stop SQLite seeking the
   * index (it walks it from the end and filters instead: the millionth row cost a million steps).
   */
  nullable = true,
): { sql: string; params: unknown[] } {
  const forward = (dir === 'asc') === (side === 'after');
  const op = forward ? '>' : '<';
  if (cursor.key === null)
    // Among the NULLs, order by id; every non-NULL key comes after them (ascending).
    return forward
      ? { sql: `((${key} IS NULL AND ${id} > ?) OR ${key} IS NOT NULL)`, params: [cursor.id] }
      : { sql: `(${key} IS NULL AND ${id} < ?)`, params: [cursor.id] };
  // The plain bound on the key lets SQLite seek its index; the row value alone is scanned to.
  const tuple = {
    sql: `(${key} ${op}= ? AND (${key}, ${id}) ${op} (?, ?))`,
    params: [cursor.key, cursor.key, cursor.id],
  };
  return forward || !nullable ? tuple : { sql: `(${tuple.sql} OR ${key} IS NULL)`, params: tuple.params };
}

/**
 * Counts are the one part of a list page that grows with the ledger, so each is kept per query
 * and reused while nothing has been written on this connection since (the main process is the
 * only writer). After a write, a count up to `staleMs` old is still shown, marked as an estimate,
 * rather than recounted on every keystroke of a busy clerk.
 */
const counts = new WeakMap<Database.Database, Map<string, { row: CountRow; at: number; changes: number }>>();

/** A count's row: `n`, and whatever else the same statement read on the way (kept with it). */
export type CountRow = { n: number } & Record<string, unknown>;

export function cachedCount(
  sqlite: Database.Database,
  sql: string,
  params: unknown[],
  options: { staleMs?: number; estimateFrom?: number; now?: number } = {},
): { n: number; estimated: boolean; row: CountRow } {
  const key = `${sql}\u0000${JSON.stringify(params)}`;
  let byQuery = counts.get(sqlite);
  if (!byQuery) counts.set(sqlite, (byQuery = new Map()));
  const now = options.now ?? Date.now();
  const changes = totalChanges(sqlite);
  const hit = byQuery.get(key);
  if (hit && hit.changes === changes) return { n: hit.row.n, estimated: false, row: hit.row };
  // Small counts are cheap and stay exact; only a big one (a ledger's years) is reused as an estimate.
  if (hit && hit.row.n >= (options.estimateFrom ?? 50_000) && now - hit.at < (options.staleMs ?? 15_000))
    return { n: hit.row.n, estimated: true, row: hit.row };
  const row = sqlite.prepare(sql).get(...params) as CountRow;
  if (byQuery.size > 200) byQuery.clear();
  byQuery.set(key, { row, at: now, changes });
  return { n: row.n, estimated: false, row };
}

function totalChanges(sqlite: Database.Database): number {
  return (sqlite.prepare('SELECT total_changes() AS n').get() as { n: number }).n;
}
