import { beforeAll, describe, expect, it } from 'vitest';
import stat1 from '../../fixtures/sqlite-stat1-M.json';
import type { EngineContext } from '../../../src-main/engine/context';
import { dashboard } from '../../../src-main/engine/dashboard/dashboard';
import { reports } from '../../../src-main/engine/reports/report-registry';
import { periodFilters } from '../../../src-main/engine/reports/report-types';
import { productsBilledSince } from '../../../src-main/engine/summaries/dashboard-rollups';
import { engineContext } from '../../support/engine';
import { loadStatistics, preparedDuring, type Statistic } from '../../support/query-plans';

/**
 * The dashboard and customer performance at M-like statistics read what is still owed from the open
 * invoices' index alone, the month's top products from their own index without sorting every product,
 * received from the customer rollups, and "has an order" as a seek per customer, not a scan of orders.
 */
// What PRAGMA optimize wrote for these tables on the M bench ledger (58,799 invoices, 14,699 open).
const extra: Statistic[] = [
  { tbl: 'sales_rollups', idx: 'sales_rollups_product_month_idx', stat: '256179 1001 2 1' },
  { tbl: 'sales_rollups', idx: 'sqlite_autoindex_sales_rollups_1', stat: '1844441 501 334 3 1' },
  { tbl: 'invoices', idx: 'invoices_open_idx', stat: '14699 20 1 1 1 1 1 1' },
  // Orders that applied a scheme: few in the bench ledger, a share of the month's orders in a real one.
  { tbl: 'orders', idx: 'orders_with_schemes_idx', stat: '2000 20' },
];

let ctx: EngineContext;
beforeAll(() => {
  ctx = engineContext();
  loadStatistics(ctx.ledger.sqlite, [...stat1.filter((s) => !extra.some((e) => e.idx === s.idx)), ...extra]);
});

/** The plan of every statement a call prepares (run with nulls: only the plan matters). */
function plansOf(run: () => void): { sql: string; plan: string }[] {
  const { sqlite } = ctx.ledger;
  const seen = preparedDuring(sqlite, run);
  const prepare = sqlite.prepare.bind(sqlite);
  return seen.map((sql) => {
    const named = [...new Set(sql.match(/@\w+/g) ?? [])].map((n) => [n.slice(1), null]);
    const positional = new Array(sql.split('?').length - 1).fill(null);
    const args = named.length ? [Object.fromEntries(named), ...positional] : positional;
    const plan = prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...args) as { detail: string }[];
    return { sql, plan: plan.map((r) => r.detail).join('\n') };
  });
}

describe('open invoices, the month’s top products and customer performance use their indexes', () => {
  it('the dashboard reads outstanding from the open invoices only and the top products without a sort', () => {
    const plans = plansOf(() => dashboard(ctx, { trend: 'day' }));
    // What is owed: the per-due-date summary the invoice triggers keep, a few hundred rows.
    const money = plans.find((p) => p.sql.includes('AS outstanding'))!;
    expect(money.plan).toBe('SCAN receivables_by_due_date');
    // Scheme cost: the month's orders that applied a scheme, from their own index, not the month's every order.
    const schemes = plans.find((p) => p.sql.includes('AS cost'))!;
    expect(schemes.plan).toMatch(/^SEARCH o USING INDEX orders_with_schemes_idx \(order_date>\?\)/);
    const top = plans.find((p) => p.sql.includes('INDEXED BY sales_rollups_product_month_idx'))!;
    expect(top.plan).toMatch(/SEARCH sales_rollups USING INDEX sales_rollups_product_month_idx \(period=\?\)/);
    expect(top.plan).not.toMatch(/TEMP B-TREE/);
  });

  it('customer performance reads the open invoices once per payer, the customer rollups, and seeks each first order', () => {
    const plans = plansOf(() => reports.customer_performance.run(ctx, periodFilters('2025-12-05', '2026-11-22')));
    const owed = plans.find((p) => p.sql.includes('AS payerId'))!.plan;
    expect(owed).toMatch(/SCAN i USING COVERING INDEX invoices_open_idx/);
    const main = plans.find((p) => p.sql.includes('AS received'))!.plan;
    // Booked, billed and received from the rollup rows of the range's pieces, no payment read.
    expect(main).not.toMatch(/invoices|payments/);
    expect(main).toMatch(
      /SEARCH sales_rollups USING INDEX sqlite_autoindex_sales_rollups_1 \(dimension=\? AND grain=\? AND period>\? AND period<\?\)/,
    );
    expect(main).toMatch(/SEARCH o EXISTS USING COVERING INDEX orders_customer_idx \(customer_id=\?\)/);
    expect(main).not.toMatch(/LIST SUBQUERY|SCAN o\b|SCAN i\b/);
  });
});

describe('receivables ageing reads the open invoices only', () => {
  it('from the open invoices’ index alone (date and payer are in it), grouped per payer before the customer', () => {
    for (const customerId of [null, 7]) {
      const plans = plansOf(() =>
        reports.receivables_ageing.run(ctx, periodFilters('2026-11-22', '2026-11-22', { customerId })),
      );
      const plan = plans.find((p) => p.sql.includes('AS d31'))!.plan;
      expect(plan).toMatch(/SCAN v USING COVERING INDEX invoices_open_idx/);
      expect(plan).toMatch(/SEARCH c USING INTEGER PRIMARY KEY/);
      expect(plan).not.toMatch(/SCAN v\n|SCAN v$|SCAN c\b/);
    }
  });
});

describe('the month’s top products from the index equal the sum over every product', () => {
  const row = (
    c: EngineContext,
    dim: string,
    period: string,
    key: number,
    qty: number,
    free: number,
    t: number,
    ft: number,
  ) =>
    c.ledger.sqlite
      .prepare(
        `INSERT INTO sales_rollups (dimension, grain, period, key_id, billed_qty, free_qty, billed_taxable, free_taxable)
         VALUES (?, 'month', ?, ?, ?, ?, ?, ?)`,
      )
      .run(dim, period, key, qty, free, t, ft);
  /** The sum over every product, as the dashboard computed it before the index. */
  const slow = (c: EngineContext, top: number) => {
    const sums = c.ledger.sqlite
      .prepare(
        `SELECT key_id, sum(billed_taxable - free_taxable) FROM sales_rollups WHERE dimension = 'product'
         AND grain = 'month' AND period >= '2026-11' GROUP BY key_id HAVING sum(billed_qty) > sum(free_qty)
         ORDER BY 2 DESC, key_id`,
      )
      .raw()
      .all() as [number, number][];
    return {
      ids: sums.slice(0, top).map((s) => s[0]),
      others: sums.length > top ? sums.slice(top).reduce((s, x) => s + x[1], 0) : null,
    };
  };
  const fast = (c: EngineContext, top: number) => {
    const r = productsBilledSince(c, '2026-11-01', top);
    return { ids: r.top.map((p) => p.id), others: r.others };
  };

  it('names the largest (ties by id), sums the rest from the month row, and leaves out free-only products', () => {
    const c = engineContext();
    // paid-for taxable: 1 → 5000, 2 → 3000 (a free unit of 100), 3 → free goods only, 4 → 3000 (ties with 2)
    row(c, 'product', '2026-11', 1, 10, 0, 5000, 0);
    row(c, 'product', '2026-11', 2, 5, 1, 3100, 100);
    row(c, 'product', '2026-11', 3, 2, 2, 100, 100);
    row(c, 'product', '2026-11', 4, 7, 0, 3000, 0);
    row(c, 'product', '2026-10', 1, 99, 0, 99_999, 0);
    row(c, 'all', '2026-11', 0, 24, 3, 11_200, 200);
    expect(fast(c, 2)).toEqual(slow(c, 2));
    expect(fast(c, 2)).toEqual({ ids: [1, 2], others: 3000 });
    expect(fast(c, 3)).toEqual({ ids: [1, 2, 4], others: null });
    // a later-dated month: the sum over both months, as before
    row(c, 'product', '2026-12', 4, 1, 0, 4000, 0);
    row(c, 'all', '2026-12', 0, 1, 0, 4000, 0);
    expect(fast(c, 1)).toEqual(slow(c, 1));
    expect(fast(c, 1)).toEqual({ ids: [4], others: 5000 + 3000 });
  });
});
