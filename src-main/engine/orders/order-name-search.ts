import type Database from 'better-sqlite3';
import { cachedCount } from '../keyset';
import { Where, addSearch } from '../list-query';

/**
 * Searching orders by a customer's name. A name many customers share ("Sharma Sharma": 2,800
 * customers and 140k orders of a 1M-order ledger) cost most of its time counting every match and
 * sorting them all by date for one page; these two choices keep it to a few thousand index steps.
 */

/** Matches counted one by one up to here; past it the list says "about N" (docs/PERFORMANCE.md). */
export const SEARCH_COUNTED_UP_TO = 20_000;

/** The search's conditions on orders (`on` is the orders' customer column) and on customers alone. */
export function nameSearch(search: string, on: string): { onOrders: Where; onCustomers: Where } {
  const onOrders = new Where();
  addSearch(onOrders, search, { table: 'customer_search', idColumn: on }, ['c.code', 'c.name']);
  const onCustomers = new Where();
  addSearch(onCustomers, search, { table: 'customer_search', idColumn: 'c.id' }, ['c.code', 'c.name']);
  return { onOrders, onCustomers };
}

/**
 * The count of a name search with no other filter, exact up to SEARCH_COUNTED_UP_TO; past it
 * estimated from the orders read so far, which go customer by customer in id order along
 * orders_customer_idx: orders per customer read (the last one only partly), times the customers.
 */
export function countNameSearch(
  sqlite: Database.Database,
  search: { onOrders: Where; onCustomers: Where },
): { n: number; estimated: boolean } {
  const join = /\bc\./.test(search.onOrders.sql) ? ' JOIN customers c ON c.id = o.customer_id' : '';
  const first = cachedCount(
    sqlite,
    `SELECT count(*) AS n, max(customer_id) AS last
     FROM (SELECT o.customer_id FROM orders o${join} ${search.onOrders.sql} LIMIT ${SEARCH_COUNTED_UP_TO + 1})`,
    search.onOrders.params,
  );
  if (first.n <= SEARCH_COUNTED_UP_TO) return first;
  const customers = cachedCount(
    sqlite,
    `SELECT count(*) AS n, sum(c.id <= ?) AS reached FROM customers c ${search.onCustomers.sql}`,
    [first.row.last, ...search.onCustomers.params],
  );
  const reached = Number(customers.row.reached);
  return { n: Math.round((first.n * customers.n) / Math.max(reached - 0.5, 0.5)), estimated: true };
}

/**
 * Whether a page by date is read by walking the date index newest first, keeping the searched
 * customers' orders (about rows × orders ÷ matches steps), rather than collecting every match and
 * sorting it (matches steps). Only for many matches: for a rarer name the walk would be the longer.
 */
export function walkDates(sqlite: Database.Database, matches: number, rows: number): boolean {
  if (matches <= SEARCH_COUNTED_UP_TO) return false;
  // The last order id stands in for the number of orders (ids are never reused).
  const orders = (sqlite.prepare('SELECT max(id) AS n FROM orders').get() as { n: number | null }).n ?? 0;
  return 2 * rows * orders < matches * matches;
}
