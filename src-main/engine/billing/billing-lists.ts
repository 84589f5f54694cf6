import { businessToday } from '../business-date';
import { payerOf } from '../customers/parties';
import type { EngineContext } from '../context';
import { Where, addSearch } from '../list-query';
import { documentNumberTail } from '../search-tokens';
import type { Cursor } from '../keyset';
import { keysetPage, pageWith, numberPrefix, numberTail } from '../keyset-page';

/** Orders whose goods are picked and wait for a delivery note. */
export function ordersToDeliver(ctx: EngineContext) {
  return ctx.ledger.sqlite
    .prepare(
      `SELECT o.id, o.number, c.name AS customerName, c.bill_city AS city, sum(r.quantity) AS units, o.required_date AS requiredDate
       FROM orders o JOIN customers c ON c.id = o.customer_id JOIN order_lines l ON l.order_id = o.id JOIN reservations r ON r.order_line_id = l.id
       WHERE r.status = 'picked' AND r.quantity > 0 GROUP BY o.id ORDER BY coalesce(o.required_date, '9999'), o.id LIMIT 500`,
    )
    .all() as {
    id: number;
    number: string;
    customerName: string;
    city: string;
    units: number;
    requiredDate: string | null;
  }[];
}

/** Posted delivery notes not yet invoiced, oldest first: the billing clerk's queue. */
export function notesToInvoice(ctx: EngineContext) {
  return ctx.ledger.sqlite
    .prepare(
      `SELECT d.id, d.number, d.customer_id AS customerId, c.name AS customerName, d.place_of_supply AS placeOfSupply, o.number AS orderNumber, d.posted_at AS postedAt,
              (SELECT sum(quantity) FROM delivery_note_lines WHERE delivery_note_id = d.id) AS units
       FROM delivery_notes d JOIN customers c ON c.id = d.customer_id JOIN orders o ON o.id = d.order_id
       WHERE d.invoice_id IS NULL AND d.status = 'posted' ORDER BY c.name, d.id LIMIT 1000`,
    )
    .all() as {
    id: number;
    number: string;
    customerId: number;
    customerName: string;
    placeOfSupply: string;
    orderNumber: string;
    postedAt: string;
    units: number;
  }[];
}

export function listInvoices(
  ctx: EngineContext,
  q: {
    search: string;
    customerId: number | null;
    unpaidOnly: boolean;
    offset: number;
    limit: number;
    after?: Cursor | null;
    before?: Cursor | null;
  },
) {
  const today = businessToday(ctx);
  // Unpaid bills are the payer's to settle (a receipt is set against them): filtered by payer, else by sold-to.
  const byCustomer = q.unpaidOnly ? `${payerOf('i')} = ?` : 'i.customer_id = ?';
  const where = new Where().when(q.customerId, byCustomer, q.customerId);
  if (q.unpaidOnly) where.add("i.total > i.paid + i.credited AND i.status = 'posted'");
  const search = q.search.trim();
  const tail = documentNumberTail(search);
  let joinCustomers = false;
  if (/^INV\//i.test(search)) {
    const range = numberPrefix('i.number', search);
    where.add(range.sql, ...range.params);
  } else if (tail) {
    const exact = numberTail('i.number', 'INV', tail);
    where.add(exact.sql, ...exact.params);
  } else if (search) {
    addSearch(where, search, { table: 'customer_search', idColumn: 'i.customer_id' }, ['c.code', 'c.name']);
    joinCustomers = true;
  }
  // Newest first, driven by the invoices' own rowid; customers are joined for a name search only.
  const from = `invoices i${joinCustomers ? ' JOIN customers c ON c.id = i.customer_id' : ''}`;
  const sqlite = ctx.ledger.sqlite;
  const page = keysetPage(sqlite, { ...q, from, where, key: 'i.id', id: 'i.id', dir: 'desc' });
  const rows = sqlite
    .prepare(
      `SELECT i.id, i.number, i.invoice_date AS invoiceDate, i.due_date AS dueDate, c.name AS customerName, i.total, i.paid, i.credited, i.status,
              CASE WHEN i.status = 'posted' AND i.total > i.paid + i.credited AND i.due_date < ? THEN CAST(julianday(?) - julianday(i.due_date) AS INTEGER) ELSE 0 END AS daysOverdue
       FROM json_each(?) AS page JOIN invoices i ON i.id = page.value JOIN customers c ON c.id = i.customer_id`,
    )
    .all(today, today, JSON.stringify(page.ids)) as {
    id: number;
    number: string;
    invoiceDate: string;
    dueDate: string;
    customerName: string;
    total: number;
    paid: number;
    credited: number;
    status: string;
    daysOverdue: number;
  }[];
  return pageWith(page, rows);
}
