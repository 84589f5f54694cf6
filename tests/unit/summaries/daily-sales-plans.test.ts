import { describe, expect, it } from 'vitest';
import { reports } from '../../../src-main/engine/reports/report-registry';
import { periodFilters, type ReportFilters } from '../../../src-main/engine/reports/report-types';
import { dashboard } from '../../../src-main/engine/dashboard/dashboard';
import { engineContext } from '../../support/engine';
import { preparedDuring } from '../../support/query-plans';

const year: ReportFilters = periodFilters('2025-11-22', '2026-11-22');

/** Every statement a call prepares, with its query plan. */
function plansOf(run: (ctx: ReturnType<typeof engineContext>) => void) {
  const ctx = engineContext();
  const { sqlite } = ctx.ledger;
  const seen = preparedDuring(sqlite, () => run(ctx));
  const prepare = sqlite.prepare.bind(sqlite);
  return seen.map((sql) => {
    const named = [...new Set(sql.match(/@\w+/g) ?? [])].map((n) => [n.slice(1), null]);
    const positional = new Array(sql.split('?').length - 1).fill(null);
    const args = named.length ? [Object.fromEntries(named), ...positional] : positional;
    const plan = prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...args) as { detail: string }[];
    return { sql, plan: plan.map((r) => r.detail).join('\n') };
  });
}

const rollupSeek =
  /SEARCH sales_rollups USING INDEX sqlite_autoindex_sales_rollups_1 \(dimension=\? AND grain=\? AND period/;

describe('year reports and the dashboard read the summaries, not a year of lines', () => {
  for (const name of [
    'sales_performance',
    'product_contribution',
    'customer_performance',
    'booking_billing_backlog',
  ] as const)
    it(`${name} seeks a period range of sales_rollups and reads no daily_sales, invoice or delivery note lines`, () => {
      const plans = plansOf((ctx) => reports[name].run(ctx, year));
      const all = plans.map((p) => p.plan).join('\n');
      expect(all).toMatch(rollupSeek);
      expect(all).not.toMatch(/daily_sales|invoice_lines|delivery_note_lines|order_lines/);
    });

  it('a customer filter on a product report reads daily sales by its day key, not the lines', () => {
    const plans = plansOf((ctx) => reports.product_contribution.run(ctx, { ...year, customerType: 'retailer' }));
    const all = plans.map((p) => p.plan).join('\n');
    expect(all).toMatch(/daily_sales/);
    expect(all).not.toMatch(/invoice_lines|order_lines/);
  });

  it('the dashboard reads billing from the rollups by their key, and the last events first', () => {
    const plans = plansOf((ctx) => dashboard(ctx, { trend: 'day' }));
    const all = plans.map((p) => p.plan).join('\n');
    const rollups = plans.filter((p) => p.sql.includes('sales_rollups'));
    // billing by day, top customers, the later-month probe; the month's top products by their own index
    expect(rollups.length).toBe(4);
    for (const p of rollups.filter((x) => !x.sql.includes('INDEXED BY')))
      expect(p.plan.replace('COVERING INDEX', 'INDEX')).toMatch(rollupSeek);
    expect(rollups.find((x) => x.sql.includes('INDEXED BY'))!.plan).toMatch(/sales_rollups_product_month_idx/);
    expect(all).not.toMatch(/invoice_lines|daily_sales/);
    const events = plans.find((p) => p.sql.includes('order_events'))!;
    expect(events.plan).toMatch(/SCAN order_events/);
    expect(events.plan).not.toMatch(/SCAN (o|c)\b/);
  });

  it('a filter the summary cannot answer exactly still reads the lines (same figures, slower)', () => {
    const plans = plansOf((ctx) => reports.sales_performance.run(ctx, { ...year, groupBy: 'brand' }));
    expect(plans.map((p) => p.plan).join('\n')).toMatch(/invoice_lines/);
  });
});
