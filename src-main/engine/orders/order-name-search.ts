import type Database from 'better-sqlite3';
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
 * The count of a name search with no other filter, exact up to SEARCH_COUNTED_UP_TO (the first
 * statement); beyond, estimated (the second): the first orders read, customer by customer along
 * orders_customer_idx in id order, give the orders per customer, times the matching customers.
 */
export function cappedCountSql(search: { onOrders: Where; onCustomers: Where }): {
  capped: { sql: string; params: unknown[] };
  estimate: { sql: string; params: unknown[] };
} {
  const join = /\bc\./.test(search.onOrders.sql) ? ' JOIN customers c ON c.id = o.customer_id' : '';
  const first = `SELECT o.customer_id FROM orders o${join} ${search.onOrders.sql} LIMIT ${SEARCH_COUNTED_UP_TO + 1}`;
  const customers = `SELECT count(*) FROM customers c ${search.onCustomers.sql}`;
  return {
    capped: { sql: `SELECT count(*) AS n FROM (${first})`, params: search.onOrders.params },
    estimate: {
      sql: `SELECT CAST(round(p.n * (${customers}) / ((${customers} AND c.id <= p.last) - 0.5)) AS INTEGER) AS n
            FROM (SELECT count(*) AS n, max(customer_id) AS last FROM (${first})) p`,
      params: [...search.onOrders.params, ...search.onCustomers.params, ...search.onCustomers.params],
    },
  };
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
