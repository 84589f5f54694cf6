import { beforeAll, describe, expect, it } from 'vitest';
import type { EngineContext } from '../../src-main/engine/context';
import type { Cursor } from '../../src-main/engine/keyset';
import { listAudit } from '../../src-main/engine/audit';
import { listInvoices } from '../../src-main/engine/billing/billing-lists';
import { listProducts, type ProductListInput } from '../../src-main/engine/catalog/list-products';
import { listCustomers, type CustomerListInput } from '../../src-main/engine/customers/list-customers';
import { listPayments } from '../../src-main/engine/payments/reverse-payment';
import { generateLedger } from '../bench/generate-ledger';
import { tempDbPath } from '../support/test-server';

/**
 * Every keyset-paged list, on a generated S ledger (thousands of rows, names, prices and cities that
 * repeat): walking by `after: next` visits each row once in the list's order, walking back by
 * `before: prev` visits them again in reverse, and a jump near the end (read backwards) is the same
 * slice as the SQL order says.
 */
let ctx: EngineContext;
beforeAll(() => {
  const ledger = generateLedger(tempDbPath(), 'S');
  ctx = { ledger, actor: { id: 1, username: 'admin', displayName: 'Admin', role: 'admin' }, now: () => new Date() };
}, 60_000);

type Page = { rows: { id: number }[]; total: number; prev: Cursor | null; next: Cursor | null };
type Read = (at: { offset?: number; limit: number; after?: Cursor | null; before?: Cursor | null }) => Page;

function checkWalks(read: Read, expected: number[], limit: number): void {
  const forwards: number[] = [];
  let page = read({ limit });
  expect(page.total).toBe(expected.length);
  let last = page;
  while (page.rows.length > 0) {
    forwards.push(...page.rows.map((r) => r.id));
    last = page;
    page = read({ limit, after: page.next });
  }
  expect(forwards).toEqual(expected);
  const backwards: number[] = [...last.rows.map((r) => r.id)].reverse();
  page = read({ limit, before: last.prev });
  while (page.rows.length > 0) {
    backwards.push(...[...page.rows.map((r) => r.id)].reverse());
    page = read({ limit, before: page.prev });
  }
  expect(backwards).toEqual([...expected].reverse());
  const near = Math.max(0, expected.length - limit - 3);
  expect(read({ offset: near, limit }).rows.map((r) => r.id)).toEqual(expected.slice(near, near + limit));
}

const ids = (sql: string) => (ctx.ledger.sqlite.prepare(sql).all() as { id: number }[]).map((r) => r.id);

describe('keyset-paged lists walk every row once, both ways', () => {
  it('invoices, newest first', () => {
    const read: Read = (at) => listInvoices(ctx, { search: '', customerId: null, unpaidOnly: false, offset: 0, ...at });
    checkWalks(read, ids('SELECT id FROM invoices ORDER BY id DESC'), 450);
  });
  it('one customer’s unpaid invoices', () => {
    const unpaid = "total > paid + credited AND status = 'posted'";
    const [customerId] = ids(
      `SELECT customer_id AS id FROM invoices WHERE ${unpaid} GROUP BY 1 ORDER BY count(*) DESC`,
    );
    const read: Read = (at) =>
      listInvoices(ctx, { search: '', customerId: customerId!, unpaidOnly: true, offset: 0, ...at });
    const expected = ids(`SELECT id FROM invoices WHERE customer_id = ${customerId} AND ${unpaid} ORDER BY id DESC`);
    expect(expected.length).toBeGreaterThan(1);
    checkWalks(read, expected, 1);
  });
  it('receipts and the audit trail, newest first', () => {
    checkWalks(
      (at) => listPayments(ctx, { customerId: null, offset: 0, ...at }),
      ids('SELECT id FROM payments ORDER BY id DESC'),
      400,
    );
    checkWalks(
      (at) => listAudit(ctx, { entity: 'order', entityId: null, offset: 0, ...at }),
      ids("SELECT id FROM audit_log WHERE entity = 'order' ORDER BY id DESC"),
      500,
    );
  });
  for (const [sort, column] of [
    ['name', 'name'],
    ['city', 'bill_city'],
    ['creditLimit', 'credit_limit'],
  ] as const)
    for (const dir of ['asc', 'desc'] as const)
      it(`customers by ${sort} ${dir}`, () => {
        const base: CustomerListInput = {
          search: '',
          type: '',
          status: '',
          stateCode: '',
          city: '',
          assignedUserId: null,
          sort,
          dir,
          offset: 0,
          limit: 0,
        };
        checkWalks(
          (at) => listCustomers(ctx, { ...base, ...at }),
          ids(`SELECT id FROM customers ORDER BY ${column} ${dir}, id ${dir}`),
          60,
        );
      });
  for (const [sort, column] of [
    ['brand', 'brand'],
    ['price', 'price'],
  ] as const)
    for (const dir of ['asc', 'desc'] as const)
      it(`products by ${sort} ${dir}, also within a search`, () => {
        const base: ProductListInput = {
          search: '',
          brand: '',
          category: '',
          status: '',
          sort,
          dir,
          offset: 0,
          limit: 0,
        };
        checkWalks(
          (at) => listProducts(ctx, { ...base, ...at }),
          ids(`SELECT id FROM products ORDER BY ${column} ${dir}, id ${dir}`),
          70,
        );
        checkWalks(
          (at) => listProducts(ctx, { ...base, search: 'masala', ...at }),
          ids(`SELECT id FROM products WHERE name LIKE '%Masala%' ORDER BY ${column} ${dir}, id ${dir}`),
          9,
        );
      });
});
