import { beforeAll, describe, expect, it } from 'vitest';
import stat1 from '../../fixtures/sqlite-stat1-M.json';
import type { EngineContext } from '../../../src-main/engine/context';
import { runReport, type ReportId } from '../../../src-main/engine/reports/report-registry';
import { periodFilters, type ReportFilters } from '../../../src-main/engine/reports/report-types';
import { engineContext } from '../../support/engine';
import { loadStatistics, recordPlans } from '../../support/query-plans';

/**
 * The order-flow reports' plans at M-like statistics (tests/fixtures/sqlite-stat1-M.json, plus what
 * ANALYZE said of order_milestones on the M ledger): each reads the milestone table by its own index,
 * in the report's order, and never the orders table or every order line.
 */
let ctx: EngineContext;
let plans: string[] = [];
const milestoneStats = [
  { tbl: 'order_milestones', idx: 'order_milestones_undelivered_idx', stat: '102320 10232' },
  { tbl: 'order_milestones', idx: 'order_milestones_paid_idx', stat: '102320 286' },
  { tbl: 'order_milestones', idx: 'order_milestones_delivered_idx', stat: '102320 286' },
  { tbl: 'order_milestones', idx: 'order_milestones_delivered_required_idx', stat: '102320 286 3' },
  { tbl: 'order_milestones', idx: 'order_milestones_paid_stages_idx', stat: '100000 201 126 87 69' },
];
const year: ReportFilters = periodFilters('2025-11-22', '2026-11-22');

beforeAll(() => {
  ctx = engineContext();
  plans = recordPlans(ctx.ledger.sqlite, /FROM (order_milestones|delivery_notes d)/);
});

const planOf = (report: ReportId, f: Partial<ReportFilters> = {}) => {
  plans.length = 0;
  runReport(ctx, report, { ...year, ...f }, null);
  return plans.join(' | ');
};

// Before PRAGMA optimize has seen the new table (a ledger just upgraded), and after.
describe.each([
  ['without statistics for the milestones', stat1],
  ['with M statistics for the milestones', [...stat1, ...milestoneStats]],
])('order-flow report plans at M, %s', (_, stats) => {
  beforeAll(() => loadStatistics(ctx.ledger.sqlite, stats));

  it('on-time delivery walks the fully-delivered index in its own order', () => {
    for (const f of [{}, { customerId: 7 }]) {
      const plan = planOf('on_time_delivery', f);
      expect(plan).toMatch(/SEARCH m USING INDEX order_milestones_delivered_idx \(fully_delivered_on>\? AND/);
      expect(plan).not.toMatch(/TEMP B-TREE FOR ORDER BY|\borders\b/);
    }
    // With no filter the figures read only the two dates' index (not the rows), counted per date pair in its
    // order; the one sort is of those pairs' days late (a few hundred), not of the year's orders.
    const [figures, page] = planOf('on_time_delivery').split(' | ');
    expect(figures).toBe(
      'CO-ROUTINE (subquery-1); SEARCH m USING COVERING INDEX order_milestones_delivered_required_idx ' +
        '(fully_delivered_on>? AND fully_delivered_on<?); SCAN (subquery-1); USE TEMP B-TREE FOR GROUP BY',
    );
    expect(page).toMatch(/SEARCH m USING INDEX order_milestones_delivered_idx \(fully_delivered_on>\? AND/);
    // One product's few orders drive instead, each order's milestone row found by its key.
    const plan = planOf('on_time_delivery', { productId: 3 });
    expect(plan).toMatch(/SEARCH m USING (INTEGER PRIMARY KEY|INDEX order_milestones_delivered_idx)/);
    expect(plan).not.toMatch(/SCAN m\b|\borders\b/);
  });

  it('order-to-cash walks the fully-paid index in its own order', () => {
    for (const f of [{}, { warehouseId: 1 }]) {
      const plan = planOf('order_to_cash', f);
      expect(plan).toMatch(/SEARCH m USING INDEX order_milestones_paid_idx \(fully_paid_on>\? AND/);
      expect(plan).not.toMatch(/TEMP B-TREE FOR ORDER BY|\borders\b/);
    }
    // With no filter the figures read only the four dates' index, counted per date tuple in its order; the one
    // sort is of those tuples' day counts (a few hundred to a few thousand), not of the year's orders.
    const [figures] = planOf('order_to_cash').split(' | ');
    expect(figures).toBe(
      'CO-ROUTINE (subquery-1); SEARCH m USING COVERING INDEX order_milestones_paid_stages_idx ' +
        '(fully_paid_on>? AND fully_paid_on<?); SCAN (subquery-1); USE TEMP B-TREE FOR GROUP BY',
    );
  });

  it('pending orders read only the lines of orders still owing goods', () => {
    for (const f of [{}, { productId: 3 }, { brand: 'Sunrise' }]) {
      const plan = planOf('pending_orders', f);
      expect(plan).toMatch(/^SEARCH m USING INDEX order_milestones_undelivered_idx \(undelivered_since<\?\)/);
      expect(plan).toMatch(/SEARCH ol USING INDEX order_lines_order_no_uq \(order_id=\?\)/);
      // Oldest first in the index's order: the read stops at the 5,000th line, nothing sorted.
      expect(plan).not.toMatch(/\borders\b|TEMP B-TREE/);
    }
  });

  it('the delivery register reads notes in id order and each order from its milestone row', () => {
    const plan = planOf('delivery_register');
    expect(plan).toMatch(/^SCAN d; SEARCH m USING INTEGER PRIMARY KEY/);
    expect(plan).not.toMatch(/TEMP B-TREE FOR ORDER BY|\borders\b/);
  });
});
