import { beforeAll, describe, expect, it } from 'vitest';
import stat1 from '../fixtures/sqlite-stat1-M.json';
import type { EngineContext } from '../../src-main/engine/context';
import { listAudit } from '../../src-main/engine/audit';
import { listInvoices } from '../../src-main/engine/billing/billing-lists';
import { listProducts, type ProductListInput } from '../../src-main/engine/catalog/list-products';
import { listCustomers, type CustomerListInput } from '../../src-main/engine/customers/list-customers';
import { listPayments } from '../../src-main/engine/payments/reverse-payment';
import { engineContext } from '../support/engine';
import { loadStatistics, recordPlans } from '../support/query-plans';

/**
 * The plans of every keyset-paged list at M-like statistics (as list-orders-plans.test.ts does for
 * orders): each page is read from the listed table's own index, with no sort of the whole table and
 * no join a shown column could be read later for. A plan that scans or sorts fails here first.
 */
let ctx: EngineContext;
let plans: string[] = [];

beforeAll(() => {
  ctx = engineContext();
  loadStatistics(ctx.ledger.sqlite, stat1);
  plans = recordPlans(ctx.ledger.sqlite, / AS sortKey FROM /);
});

const planOf = (read: () => unknown) => {
  plans.length = 0;
  read();
  expect(plans).toHaveLength(1);
  return plans[0]!;
};
const cursor = { key: 500, id: 500 };
const invoices = (q: object) =>
  planOf(() => listInvoices(ctx, { search: '', customerId: null, unpaidOnly: false, offset: 0, limit: 100, ...q }));
const customers = (q: Partial<CustomerListInput>) =>
  planOf(() =>
    listCustomers(ctx, {
      search: '',
      type: '',
      status: '',
      stateCode: '',
      city: '',
      assignedUserId: null,
      sort: 'name',
      dir: 'asc',
      offset: 0,
      limit: 100,
      ...q,
    }),
  );
const products = (q: Partial<ProductListInput>) =>
  planOf(() =>
    listProducts(ctx, {
      search: '',
      brand: '',
      category: '',
      status: '',
      sort: 'name',
      dir: 'asc',
      offset: 0,
      limit: 100,
      ...q,
    }),
  );

describe('list plans at M-like statistics', () => {
  it('invoices: newest first by rowid, a cursor seeks it, no customers and no sort', () => {
    expect(invoices({})).toMatch(/^SCAN i$/);
    expect(invoices({ after: cursor })).toMatch(/SEARCH i USING INTEGER PRIMARY KEY \(rowid<\?\)/);
    expect(invoices({ before: cursor })).not.toMatch(/TEMP B-TREE|customers/);
  });
  it('invoices: a document number is a range (or, as a bare number, equalities) on the number index', () => {
    expect(invoices({ search: 'INV/26-27/00012' })).toMatch(
      /SEARCH i USING (COVERING )?INDEX invoices_number_unique \(number>\? AND number<\?\)/,
    );
    expect(invoices({ search: '123' })).toMatch(
      /SEARCH i USING (COVERING )?INDEX invoices_number_unique \(number=\?\)/,
    );
  });
  it('invoices: one customer’s are read from the customer index', () => {
    expect(invoices({ customerId: 7 })).toMatch(/invoices_customer_idx \(customer_id=\?/);
  });
  it('receipts: newest first by rowid, one customer’s from the customer index', () => {
    const list = (q: object) => planOf(() => listPayments(ctx, { customerId: null, offset: 0, limit: 100, ...q }));
    expect(list({})).toMatch(/^SCAN p$/);
    expect(list({ after: cursor })).toMatch(/SEARCH p USING INTEGER PRIMARY KEY \(rowid<\?\)/);
    expect(list({ customerId: 7 })).toMatch(/payments_customer_idx \(customer_id=\?/);
  });
  it('audit trail: newest first by rowid, one record’s from the entity index', () => {
    const list = (q: object) =>
      planOf(() => listAudit(ctx, { entity: '', entityId: null, offset: 0, limit: 100, ...q }));
    expect(list({})).toMatch(/^SCAN a$/);
    expect(list({ after: cursor })).toMatch(/SEARCH a USING INTEGER PRIMARY KEY \(rowid<\?\)/);
    expect(list({ entity: 'order', entityId: 7 })).toMatch(/audit_entity_idx \(entity=\? AND entity_id=\?\)/);
  });
  it('customers: by name or code along that index, a cursor seeks it', () => {
    expect(customers({})).toMatch(/SCAN c USING (COVERING )?INDEX customers_name_idx/);
    expect(customers({ sort: 'code', dir: 'desc' })).toMatch(/customers_code_unique/);
    expect(customers({ after: { key: 'Patil', id: 9 } })).toMatch(
      /SEARCH c USING (COVERING )?INDEX customers_name_idx \(name>\?\)/,
    );
    for (const q of [{}, { sort: 'code' as const }, { after: { key: 'Patil', id: 9 } }])
      expect(customers(q)).not.toMatch(/TEMP B-TREE/);
  });
  it('products: by name, SKU or brand along that index, a cursor seeks it', () => {
    expect(products({})).toMatch(/SCAN p USING (COVERING )?INDEX products_name_idx/);
    expect(products({ sort: 'sku' })).toMatch(/products_sku_unique/);
    expect(products({ before: { key: 'Tara', id: 9 } })).toMatch(
      /SEARCH p USING (COVERING )?INDEX products_name_idx \(name<\?\)/,
    );
    for (const q of [{}, { sort: 'sku' as const }, { sort: 'brand' as const }, { after: { key: 'Tara', id: 9 } }])
      expect(products(q)).not.toMatch(/TEMP B-TREE/);
  });
});
