import type { EngineContext } from '../context';
import { Where, addSearch } from '../list-query';
import { documentNumberTail } from '../search-tokens';

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
  offset: number;
  limit: number;
}

const sorts = { date: 'o.order_date', number: 'o.number', customer: 'c.name', total: 'o.total', status: 'o.status' };

export function listOrders(ctx: EngineContext, q: OrderListInput) {
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
  const search = q.search.trim();
  const tail = documentNumberTail(search);
  if (/^SO\//i.test(search)) where.add('o.number LIKE ?', `${search.toUpperCase()}%`);
  else if (tail) where.add('o.number LIKE ?', `%/${tail}`);
  else addSearch(where, search, { table: 'customer_search', idColumn: 'o.customer_id' }, ['c.code', 'c.name']);
  const from = 'FROM orders o JOIN customers c ON c.id = o.customer_id LEFT JOIN users u ON u.id = o.created_by';
  const { sqlite } = ctx.ledger;
  const total = (sqlite.prepare(`SELECT count(*) AS n ${from} ${where.sql}`).get(...where.params) as { n: number }).n;
  const rows = sqlite
    .prepare(
      `SELECT o.id, o.number, o.order_date AS orderDate, o.status, o.payment_status AS paymentStatus, c.name AS customerName, c.code AS customerCode,
              c.bill_city AS city, c.bill_state_code AS stateCode, o.total, (SELECT count(*) FROM order_lines l WHERE l.order_id = o.id) AS lines,
              coalesce(u.display_name, '') AS createdBy, o.required_date AS requiredDate
       ${from} ${where.sql} ORDER BY ${sorts[q.sort]} ${q.dir === 'desc' ? 'DESC' : 'ASC'}, o.id ${q.dir === 'desc' ? 'DESC' : 'ASC'} LIMIT ? OFFSET ?`,
    )
    .all(...where.params, q.limit, q.offset) as {
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
  }[];
  return { rows, total };
}
