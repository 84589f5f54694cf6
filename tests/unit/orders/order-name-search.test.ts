import { beforeAll, describe, expect, it } from 'vitest';
import stat1 from '../../fixtures/sqlite-stat1-M.json';
import type { EngineContext } from '../../../src-main/engine/context';
import { listOrders } from '../../../src-main/engine/orders/list-orders';
import { SEARCH_COUNTED_UP_TO } from '../../../src-main/engine/orders/order-name-search';
import { engineContext } from '../../support/engine';
import { orderListInput } from '../../support/order-list-input';
import { loadStatistics, recordPlans } from '../../support/query-plans';

/**
 * A name many customers share: past SEARCH_COUNTED_UP_TO matches the total is an estimate (shown as
 * "about") and the page walks the date index; the rows must be exactly the ones the plain query gives.
 */
let ctx: EngineContext;
let plans: string[] = [];
const base = orderListInput();
const sharmaOrders = SEARCH_COUNTED_UP_TO + 1500;

beforeAll(() => {
  ctx = engineContext();
  const { sqlite } = ctx.ledger;
  sqlite.prepare("INSERT INTO warehouses (code, name, state_code, city) VALUES ('WH1', 'Main', '27', 'Pune')").run();
  const customer = sqlite.prepare(
    "INSERT INTO customers (code, name, type, bill_state_code, created_at, updated_at) VALUES (?, ?, 'retailer', '27', 'x', 'x')",
  );
  // 30 Sharmas (ids 1–30) and 10 Patels (31–40).
  for (let c = 1; c <= 40; c++) customer.run(`C${c}`, c <= 30 ? `Sharma Traders ${c}` : `Patel Stores ${c}`);
  const order = sqlite.prepare(
    "INSERT INTO orders (number, status, customer_id, warehouse_id, order_date, total, created_at) VALUES (?, 'confirmed', ?, 1, ?, 100, 'x')",
  );
  sqlite.transaction(() => {
    for (let o = 1; o <= sharmaOrders + 3000; o++) {
      const customerId = o <= sharmaOrders ? 1 + (o % 30) : 31 + (o % 10);
      const day = new Date(Date.UTC(2024, 0, 1) + (o % 700) * 86_400_000).toISOString().slice(0, 10);
      order.run(`SO/26-27/${String(o).padStart(6, '0')}`, customerId, day);
    }
  })();
  loadStatistics(sqlite, stat1);
  plans = recordPlans(sqlite, /^\s*SELECT o\.id, /);
});

/** The page as the plain query gives it: every match sorted by date, newest first. */
function expected(customers: [number, number], after?: { key: string; id: number }): number[] {
  const rows = ctx.ledger.sqlite
    .prepare(
      `SELECT id FROM orders WHERE customer_id BETWEEN ? AND ?
       ${after ? 'AND (order_date, id) < (?, ?)' : ''} ORDER BY order_date DESC, id DESC LIMIT 100`,
    )
    .all(...customers, ...(after ? [after.key, after.id] : [])) as { id: number }[];
  return rows.map((r) => r.id);
}

describe('searching orders by a name many customers share', () => {
  it('estimates the total past the cap, says so, and walks the date index for exactly the right rows', () => {
    plans.length = 0;
    const first = listOrders(ctx, { ...base, search: 'sharma traders' });
    expect(first.totalEstimated).toBe(true);
    expect(Math.abs(first.total - sharmaOrders) / sharmaOrders).toBeLessThan(0.05);
    expect(plans.join(' | ')).toMatch(/SCAN o USING COVERING INDEX orders_date_customer_idx/);
    expect(first.rows.map((r) => r.id)).toEqual(expected([1, 30]));
    const next = listOrders(ctx, { ...base, search: 'sharma traders', after: first.next });
    expect(next.rows.map((r) => r.id)).toEqual(expected([1, 30], first.next as { key: string; id: number }));
  });

  it('counts a rarer name exactly and reads it from the customer index', () => {
    plans.length = 0;
    const page = listOrders(ctx, { ...base, search: 'patel stores' });
    expect(page).toMatchObject({ total: 3000, totalEstimated: false });
    expect(plans.join(' | ')).toMatch(/orders_customer_idx/);
    expect(page.rows.map((r) => r.id)).toEqual(expected([31, 40]));
  });

  it('counts exactly when another filter narrows the search', () => {
    const page = listOrders(ctx, { ...base, search: 'sharma traders', status: 'confirmed' });
    expect(page).toMatchObject({ total: sharmaOrders, totalEstimated: false });
  });
});
