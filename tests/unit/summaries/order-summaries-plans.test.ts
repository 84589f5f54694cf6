import { beforeAll, describe, expect, it } from 'vitest';
import stat1 from '../../fixtures/sqlite-stat1-M.json';
import type { EngineContext } from '../../../src-main/engine/context';
import { customerOrders, orderSummary } from '../../../src-main/engine/reports/order-reports';
import { periodFilters } from '../../../src-main/engine/reports/report-types';
import { schemePerformance } from '../../../src-main/engine/reports/sales-reports';
import { engineContext } from '../../support/engine';
import { loadStatistics, recordPlans, type Statistic } from '../../support/query-plans';

/**
 * At M-like statistics, customer orders over the bench's year reads the customer-month rows a seek per customer
 * and the days at the year's ends from orders_date_customer_idx alone, never the wide order rows; the order
 * summary and scheme performance read their day rows by a range of dates.
 */
// What ANALYZE wrote for these on the M bench ledger (100,000 orders, 5,000 customers, 62,191 customer-months).
const extra: Statistic[] = [
  { tbl: 'customer_order_months', idx: 'sqlite_autoindex_customer_order_months_1', stat: '62191 13 1' },
  { tbl: 'orders', idx: 'orders_date_customer_idx', stat: '100000 274 1 1 1' },
];

let ctx: EngineContext;
let plans: string[];
beforeAll(() => {
  ctx = engineContext();
  loadStatistics(ctx.ledger.sqlite, [...stat1.filter((s) => !extra.some((e) => e.idx === s.idx)), ...extra]);
  plans = recordPlans(ctx.ledger.sqlite, /FROM (orders|parts|order_day_statuses)\s|scheme_id <> 0/);
});

describe('order reports over a year read their summaries and a covering index', () => {
  it('customer orders: month rows a seek per customer, the ends from the covering index', () => {
    plans.length = 0;
    customerOrders(ctx, periodFilters('2025-11-23', '2026-11-22'));
    expect(plans).toHaveLength(2);
    // The first and last order date, to stretch the period over the days without orders: two seeks, no scan.
    expect(plans[0]).toBe(
      'SCAN CONSTANT ROW; SCALAR SUBQUERY 1; SEARCH orders USING COVERING INDEX orders_date_customer_idx; ' +
        'SCALAR SUBQUERY 2; SEARCH orders USING COVERING INDEX orders_date_customer_idx',
    );
    const plan = plans[1]!;
    expect(plan).toContain('SCAN c; SEARCH m USING PRIMARY KEY (customer_id=? AND month>? AND month<?)');
    // Nov 23–30 added, Nov 23–30 of this year taken away, and the customers who ordered in them: all in the index.
    expect(
      plan.match(/SEARCH orders USING COVERING INDEX orders_date_customer_idx \(order_date>\? AND order_date<\?\)/g),
    ).toHaveLength(3);
    expect(plan).toContain(
      'SEARCH o USING INDEX orders_customer_idx (customer_id=? AND order_date>? AND order_date<?)',
    );
    expect(plan).not.toMatch(/SCAN (orders|o)\b/);
  });

  it('order summary and scheme performance: their day rows in the period', () => {
    plans.length = 0;
    orderSummary(ctx, periodFilters('2025-11-23', '2026-11-22'));
    expect(plans).toEqual([
      expect.stringMatching(
        /^SEARCH order_day_statuses USING INDEX sqlite_autoindex_order_day_statuses_1 \(order_date>\? AND order_date<\?\)/,
      ),
    ]);
    plans.length = 0;
    schemePerformance(ctx, periodFilters('2025-11-23', '2026-11-22'));
    expect(plans).toEqual([
      expect.stringMatching(
        /^SEARCH scheme_days USING INDEX sqlite_autoindex_scheme_days_1 \(order_date>\? AND order_date<\?\)/,
      ),
    ]);
  });
});
