import path from 'node:path';
import { parseArgs } from 'node:util';
import type { EngineContext } from '../src-main/engine/context';
import { rebuildDailySales } from '../src-main/engine/summaries/daily-sales';
import { rebuildSalesRollupsOn } from '../src-main/engine/summaries/sales-rollups';
import { rebuildOrderStatusCountsOn } from '../src-main/engine/summaries/order-status-counts';
import { rebuildOrderSummariesOn } from '../src-main/engine/summaries/order-summaries';
import { rebuildOrderMilestones } from '../src-main/engine/summaries/order-milestones';
import { rebuildReceivablesByDueDateOn } from '../src-main/engine/summaries/receivables-by-due-date';
import { openLedger } from '../src-main/ledger/open-ledger';
import { defaultDatabasePath } from '../src-main/paths/app-paths';

/**
 * `npm run rebuild:summaries -- --db PATH`: recomputes every summary table from the ledger's lines,
 * all in one transaction (a reader sees the old summary or the new one, never half of each).
 */
const { values } = parseArgs({ options: { db: { type: 'string' } } });
const file = path.resolve(values.db ?? defaultDatabasePath());
const ledger = openLedger(file);
const ctx: EngineContext = { ledger, actor: null, now: () => new Date() };

const count = (table: string) => (ledger.sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

// Every summary's rebuild, in order.
const rebuilds: { name: string; run: (ctx: EngineContext) => { rows: number } }[] = [
  { name: 'daily_sales', run: rebuildDailySales },
  // After daily_sales: the rollups are its sums.
  { name: 'sales_rollups', run: (c) => rebuildSalesRollupsOn(c.ledger.sqlite) },
  {
    name: 'order_milestones',
    run: (c) => {
      rebuildOrderMilestones(c);
      return { rows: count('order_milestones') };
    },
  },
  { name: 'order_status_counts', run: (c) => rebuildOrderStatusCountsOn(c.ledger.sqlite) },
  { name: 'receivables_by_due_date', run: (c) => rebuildReceivablesByDueDateOn(c.ledger.sqlite) },
  { name: 'order summaries', run: (c) => rebuildOrderSummariesOn(c.ledger.sqlite) },
];

const t0 = performance.now();
const results = ledger.sqlite.transaction(() => rebuilds.map((r) => ({ name: r.name, ...r.run(ctx) })))();
ledger.close();
for (const r of results) console.log(`${r.name}: ${r.rows} rows`);
console.log(
  `Rebuilt ${results.length} summar${results.length === 1 ? 'y' : 'ies'} of ${file} in ${Math.round(performance.now() - t0)} ms`,
);
