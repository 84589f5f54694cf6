import { beforeAll, describe, expect, it } from 'vitest';
import stat1 from '../../fixtures/sqlite-stat1-M.json';
import type { EngineContext } from '../../../src-main/engine/context';
import { listOrders, type OrderListInput } from '../../../src-main/engine/orders/list-orders';
import { engineContext } from '../../support/engine';
import { orderListInput } from '../../support/order-list-input';
import { loadStatistics, recordPlans } from '../../support/query-plans';

/**
 * The orders list's plans at M-like statistics (the sqlite_stat1 PRAGMA optimize wrote on a
 * generated M ledger, loaded into a small one: the statistics, not the rows). A plan that drives
 * the list from customers, or sorts the whole table, fails here before a customer waits for it.
 */
let ctx: EngineContext;
let plans: string[] = [];
const base = orderListInput();

beforeAll(() => {
  ctx = engineContext();
  loadStatistics(ctx.ledger.sqlite, stat1);
  // The plan for the values the list binds, recorded as the page is read.
  plans = recordPlans(ctx.ledger.sqlite, /^\s*SELECT o\.id, /);
});

const planOf = (q: Partial<OrderListInput>) => {
  plans.length = 0;
  listOrders(ctx, { ...base, ...q });
  return plans.join(' | ');
};

describe('orders list plans at M-like statistics', () => {
  it('the whole list by date walks the date index, no sort and no customers', () => {
    const plan = planOf({});
    expect(plan).toMatch(/SCAN o USING (COVERING )?INDEX orders_date_idx/);
    expect(plan).not.toMatch(/TEMP B-TREE|customers|SCAN c/);
  });
  it('one status uses the status index in date order', () => {
    expect(planOf({ statuses: ['draft'] })).toMatch(/INDEX orders_status_idx \(status=\?/);
  });
  it('a document number is a range on the number index', () => {
    expect(planOf({ search: 'SO/26-27/00012' })).toMatch(
      /SEARCH o USING INDEX orders_number_unique \(number>\? AND number<\?\)/,
    );
  });
  it('a customer search starts from the customer index, then each customer’s orders', () => {
    expect(planOf({ search: 'sharma' })).toMatch(/orders_customer_idx/);
  });
});

describe('orders list cursor plans at M-like statistics', () => {
  it('the next page, newest first, seeks the date index at the cursor instead of walking it from the end', () => {
    const plan = planOf({ after: { key: '2026-05-01', id: 50_000 } });
    expect(plan).toMatch(/SEARCH o USING (COVERING )?INDEX orders_date_idx \(order_date<\?\)/);
    expect(planOf({ before: { key: '2026-05-01', id: 50_000 }, dir: 'asc' })).toMatch(
      /SEARCH o USING (COVERING )?INDEX orders_date_idx \(order_date<\?\)/,
    );
  });
});
