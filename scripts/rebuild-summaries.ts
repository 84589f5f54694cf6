import path from 'node:path';
import { parseArgs } from 'node:util';
import type { EngineContext } from '../src-main/engine/context';
import { rebuildDailySales } from '../src-main/engine/summaries/daily-sales';
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

// Every summary's rebuild, in order. MERGE: the per-order milestones' rebuildOrderMilestones goes here.
const rebuilds: { name: string; run: (ctx: EngineContext) => { rows: number } }[] = [
  { name: 'daily_sales', run: rebuildDailySales },
];

const t0 = performance.now();
const results = ledger.sqlite.transaction(() => rebuilds.map((r) => ({ name: r.name, ...r.run(ctx) })))();
ledger.close();
for (const r of results) console.log(`${r.name}: ${r.rows} rows`);
console.log(
  `Rebuilt ${results.length} summar${results.length === 1 ? 'y' : 'ies'} of ${file} in ${Math.round(performance.now() - t0)} ms`,
);
