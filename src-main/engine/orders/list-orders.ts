import type { EngineContext } from '../context';
import { Where } from '../list-query';
import { countNameSearch, nameSearch, walkDates } from './order-name-search';
import { documentNumberTail } from '../search-tokens';
import { cachedCount, keysetCondition, type Cursor } from '../keyset';

export interface OrderListInput {
  search: string;
  status: string;
  statuses?: string[];
  paymentStatus: string;
  customerId: number | null;
  stateCode: string;
  city: string;
  from: string;
  to: string;
  createdBy: number | null;
  sort: 'date' | 'number' | 'customer' | 'total' | 'status';
  dir: 'asc' | 'desc';
  /** the row position to start at, when no cursor is given (a jump, or the first page) */
  offset: number;
  limit: number;
  /** the rows after this one (the next page), or before it (the previous page) */
  after?: Cursor | null;
  before?: Cursor | null;
}

export type OrderRow = {
  id: number;
  number: string | null;
  orderDate: string;
  status: 'draft';
  paymentStatus: 'unpaid';
  customerName: string;
  customerCode: string;
  city: string;
  stateCode: string;
  total: number;
  lines: number;
  createdBy: string;
  requiredDate: string | null;
};

const sorts = { date: 'o.order_date', number: 'o.number', customer: 'c.name', total: 'o.total', status: 'o.status' };

/**
 * One page of orders. The query is driven by the orders table and its indexes; customers are
 * joined only when a filter, the search or the sort needs them, and the shown columns are read for
 * the page's rows alone. Pages go by cursor (sort key + id); a jump to a position counts through
 * the index from the nearer end only.
 */
export function listOrders(ctx: EngineContext, q: OrderListInput) {
  const { where: counted, search, searchOnly } = filters(q, 'o.customer_id');
  // Customers are joined only when a condition reads them: every order has one (a NOT NULL foreign
  // key), so the join never changes the rows, and it cost a customer lookup per counted order.
  const join = ' JOIN customers c ON c.id = o.customer_id';
  const readsCustomers = /\bc\./.test(counted.sql);
  const { sqlite } = ctx.ledger;
  const count = countOrders(sqlite, search && searchOnly ? search : null, {
    sql: `SELECT count(*) AS n FROM orders o${readsCustomers ? join : ''} ${counted.sql}`,
    params: counted.params,
  });
  // Many matches: the date index is walked and the customers kept (`+` stops SQLite seeking by customer).
  const byDate = Boolean(search) && q.sort === 'date' && walkDates(sqlite, count.n, q.offset + q.limit);
  const where = byDate ? filters(q, '+o.customer_id').where : counted;
  const from = `FROM orders o${byDate ? ' INDEXED BY orders_date_customer_idx' : ''}${readsCustomers || q.sort === 'customer' ? join : ''}`;
  const key = sorts[q.sort];
  const page = new Where();
  let dir = q.dir;
  let offset = 0;
  let reversed = false;
  const cursor = q.after ?? q.before ?? null;
  if (cursor) {
    // Only a draft's number is NULL; every other sort key is a NOT NULL column.
    const c = keysetCondition(key, 'o.id', q.dir, cursor, q.after ? 'after' : 'before', q.sort === 'number');
    page.add(c.sql, ...c.params);
    reversed = !q.after;
  } else if (q.offset > count.n / 2 && count.n > q.limit) {
    // Nearer the end: read backwards from the last row, so the last page costs what the first does.
    reversed = true;
    offset = Math.max(0, count.n - q.offset - q.limit);
  } else offset = q.offset;
  const limit = cursor || !reversed ? q.limit : Math.min(q.limit, count.n - q.offset);
  if (reversed) dir = q.dir === 'asc' ? 'desc' : 'asc';
  const conditions = [where.sql.replace(/^WHERE /, ''), page.sql.replace(/^WHERE /, '')].filter(Boolean);
  const order = dir === 'desc' ? 'DESC' : 'ASC';
  const ids = sqlite
    .prepare(
      `SELECT o.id, ${key} AS sortKey ${from} ${conditions.length ? `WHERE ${conditions.join(' AND ')}` : ''}
       ORDER BY ${key} ${order}, o.id ${order} LIMIT ? OFFSET ?`,
    )
    .all(...where.params, ...page.params, Math.max(0, limit), offset) as {
    id: number;
    sortKey: string | number | null;
  }[];
  if (reversed) ids.reverse();
  const rows = pageRows(
    ctx,
    ids.map((r) => r.id),
  );
  const first = ids[0];
  const last = ids.at(-1);
  return {
    rows,
    total: count.n,
    /** true when the total is a recent count reused after a write (shown as "about") */
    totalEstimated: count.estimated,
    prev: first ? { key: first.sortKey, id: first.id } : null,
    next: last ? { key: last.sortKey, id: last.id } : null,
  };
}

/** The list's total: counted, or for a name search alone counted up to a cap and estimated past it. */
function countOrders(
  sqlite: EngineContext['ledger']['sqlite'],
  search: ReturnType<typeof nameSearch> | null,
  exact: { sql: string; params: unknown[] },
): { n: number; estimated: boolean } {
  return search ? countNameSearch(sqlite, search) : cachedCount(sqlite, exact.sql, exact.params);
}

function filters(
  q: OrderListInput,
  customerColumn: string,
): { where: Where; search: ReturnType<typeof nameSearch> | null; searchOnly: boolean } {
  const where = new Where()
    .when(q.status, 'o.status = ?', q.status)
    .when(
      q.statuses?.length ? 1 : '',
      `o.status IN (${(q.statuses ?? []).map(() => '?').join(',')})`,
      ...(q.statuses ?? []),
    )
    .when(q.paymentStatus, 'o.payment_status = ?', q.paymentStatus)
    .when(q.customerId, 'o.customer_id = ?', q.customerId)
    .when(q.stateCode, 'c.bill_state_code = ?', q.stateCode)
    .when(q.city, 'c.bill_city = ? COLLATE NOCASE', q.city)
    .when(q.from, 'o.order_date >= ?', q.from)
    .when(q.to, 'o.order_date <= ?', q.to)
    .when(q.createdBy, 'o.created_by = ?', q.createdBy);
  const searchOnly = where.sql === '';
  const search = q.search.trim();
  const tail = documentNumberTail(search);
  if (/^SO\//i.test(search)) {
    // A range on the number's unique index: every number that starts with what was typed.
    const prefix = search.toUpperCase();
    where.add('o.number >= ? AND o.number < ?', prefix, `${prefix}\u{10FFFF}`);
  } else if (tail)
    // "123" is order 123 of any financial year: one equality per series on the same index.
    where.add(
      "o.number IN (SELECT series || '/' || ? FROM document_series WHERE series >= 'SO/' AND series < 'SO0')",
      tail,
    );
  else if (search) {
    const byName = nameSearch(search, customerColumn);
    if (byName.onOrders.sql) where.add(byName.onOrders.sql.replace(/^WHERE /, ''), ...byName.onOrders.params);
    return { where, search: byName.onOrders.sql ? byName : null, searchOnly };
  }
  return { where, search: null, searchOnly };
}

/** The shown columns of a page's orders, in the page's order. */
function pageRows(ctx: EngineContext, ids: number[]): OrderRow[] {
  if (ids.length === 0) return [];
  const rows = ctx.ledger.sqlite
    .prepare(
      `SELECT o.id, o.number, o.order_date AS orderDate, o.status, o.payment_status AS paymentStatus,
              c.name AS customerName, c.code AS customerCode, c.bill_city AS city, c.bill_state_code AS stateCode,
              o.total, (SELECT count(*) FROM order_lines l WHERE l.order_id = o.id) AS lines,
              coalesce((SELECT display_name FROM users u WHERE u.id = o.created_by), '') AS createdBy,
              o.required_date AS requiredDate
       FROM json_each(?) AS page JOIN orders o ON o.id = page.value JOIN customers c ON c.id = o.customer_id`,
    )
    .all(JSON.stringify(ids)) as OrderRow[];
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.map((id) => byId.get(id)!);
}
