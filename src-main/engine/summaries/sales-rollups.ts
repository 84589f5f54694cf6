import type Database from 'better-sqlite3';
import { KEY, MEASURES, type Measure } from './daily-sales-sql';

/**
 * `sales_rollups` (ledger/schema/sales-rollups.ts): daily_sales summed per customer, per product and
 * for the whole business, by day, month, quarter and calendar year. A year of daily_sales is about as
 * many rows as a year of lines; a year of these is a handful of rows per customer (or product): a year
 * or quarter row less or plus the months and days at the range's ends (sales-rollups-read.ts).
 *
 * The posting transactions feed it from the same document SELECTs that feed daily_sales
 * (daily-sales.ts), in ONE statement per posting whatever the number of lines: the document's rows
 * are crossed with the twelve (dimension, grain) pairs and grouped. The rebuild sums daily_sales itself,
 * so a rollup is by construction the sum of the summary the property test checks against the lines.
 */
export const DIMENSIONS = { customer: 's.customer_id', product: 's.product_id', all: '0' } as const;
const quarterOf = (day: string) => `substr(${day}, 1, 5) || 'Q' || ((CAST(substr(${day}, 6, 2) AS INTEGER) + 2) / 3)`;
export const GRAINS = {
  day: 's.day',
  month: 'substr(s.day, 1, 7)',
  quarter: quarterOf('s.day'), // 2026-Q4
  year: 'substr(s.day, 1, 4)',
} as const;
export type Dimension = keyof typeof DIMENSIONS;
export type Grain = keyof typeof GRAINS;

const ALL_PAIRS = (Object.keys(DIMENSIONS) as Dimension[]).flatMap((d) =>
  (Object.keys(GRAINS) as Grain[]).map((g) => [d, g] as const),
);

/** The rollup pairs' `g.dimension` or `g.grain` turned into its key or period expression. */
const caseOf = (column: 'dimension' | 'grain', map: Record<string, string>) =>
  `CASE g.${column} ${Object.entries(map)
    .map(([k, v]) => `WHEN '${k}' THEN ${v}`)
    .join(' ')} END`;

/**
 * Adds @sign × the rows' measures into the rollups of `pairs`. `rows`: any SELECT with daily_sales's
 * key and measure columns (a document's sources, or daily_sales itself).
 */
export function rollupUpsertSql(
  rows: string,
  pairs: readonly (readonly [Dimension, Grain])[] = ALL_PAIRS,
  measures: readonly Measure[] = MEASURES,
): string {
  const g = pairs.map(([d, gr]) => `SELECT '${d}' AS dimension, '${gr}' AS grain`).join(' UNION ALL ');
  const cols = ['dimension', 'grain', 'period', 'key_id', ...measures];
  return `INSERT INTO sales_rollups (${cols.join(', ')})
    SELECT g.dimension, g.grain, ${caseOf('grain', GRAINS)}, ${caseOf('dimension', DIMENSIONS)},
           ${measures.map((m) => `@sign * sum(s.${m})`).join(', ')}
    FROM (${rows}) s CROSS JOIN (${g}) g WHERE true GROUP BY 1, 2, 3, 4
    ON CONFLICT (dimension, grain, period, key_id) DO UPDATE SET ${measures.map((m) => `${m} = ${m} + excluded.${m}`).join(', ')}`;
}

/** The document's sources as rows for rollupUpsertSql: the same SELECTs daily_sales is fed from. */
export const sourceRows = (sources: string[], measures: readonly Measure[] = MEASURES) =>
  `SELECT ${[...KEY, ...measures].join(', ')} FROM (${sources.join('\n UNION ALL ')})`;

const FINE = ALL_PAIRS.filter(([, g]) => g === 'day' || g === 'month');

/**
 * Payments received (not reversed) into the customer and 'all' rows' `received`, by received_on: what the
 * triggers on payments keep (migration rollup_receipt_triggers), for the rebuild, a ledger from before the
 * column, and the bench generator (its triggers are off while it loads).
 */
export function addReceiptsToRollupsOn(
  sqlite: Database.Database,
  grains: readonly Grain[] = ['day', 'month', 'quarter', 'year'],
) {
  const pairs = grains.flatMap((g) => [`SELECT 'customer' AS dimension, '${g}' AS grain`, `SELECT 'all', '${g}'`]);
  sqlite
    .prepare(
      `INSERT INTO sales_rollups (dimension, grain, period, key_id, received)
       SELECT g.dimension, g.grain, ${caseOf('grain', GRAINS)}, ${caseOf('dimension', { customer: 's.customer_id', all: '0' })}, sum(s.amount)
       FROM (SELECT received_on AS day, customer_id, amount FROM payments WHERE reversed_on IS NULL) s
         CROSS JOIN (${pairs.join(' UNION ALL ')}) g WHERE true GROUP BY 1, 2, 3, 4
       ON CONFLICT (dimension, grain, period, key_id) DO UPDATE SET received = received + excluded.received`,
    )
    .run();
}

/**
 * Quarter and year rows summed from the month rows (a month row is the sum of its days, so these are
 * too): a few hundred thousand rows to read instead of every row of daily_sales again.
 */
function fillCoarseGrainsFromMonths(sqlite: Database.Database): void {
  const cols = ['dimension', 'grain', 'period', 'key_id', ...MEASURES, 'received'].join(', ');
  const sums = [...MEASURES, 'received'].map((m) => `sum(${m})`).join(', ');
  for (const [grain, period] of [
    ['quarter', quarterOf('period')],
    ['year', 'substr(period, 1, 4)'],
  ])
    sqlite
      .prepare(
        `INSERT INTO sales_rollups (${cols}) SELECT dimension, '${grain}', ${period}, key_id, ${sums}
         FROM sales_rollups WHERE grain = 'month' GROUP BY dimension, 3, key_id`,
      )
      .run();
}

/** Recomputes `sales_rollups` from `daily_sales`: days and months one pair at a time, then the coarser grains. */
export function rebuildSalesRollupsOn(sqlite: Database.Database): { rows: number } {
  sqlite.prepare('DELETE FROM sales_rollups').run();
  // daily_sales already holds what the pending rows would add (pending-rollups.ts).
  sqlite.prepare('DELETE FROM sales_rollups_pending').run();
  for (const pair of FINE) sqlite.prepare(rollupUpsertSql('SELECT * FROM daily_sales', [pair])).run({ sign: 1 });
  addReceiptsToRollupsOn(sqlite, ['day', 'month']);
  fillCoarseGrainsFromMonths(sqlite);
  return sqlite.prepare('SELECT count(*) AS rows FROM sales_rollups').get() as { rows: number };
}

/**
 * At open: a ledger whose daily_sales was filled before the rollups existed (or by a bulk loader)
 * gets them once, as the other summaries do; one filled before the quarter and year grains existed
 * gets those from its month rows, one from before the received column its payments. Call after fillDailySalesIfEmpty.
 */
export function fillSalesRollupsIfEmpty(sqlite: Database.Database): boolean {
  if (!sqlite.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'sales_rollups'").get())
    return false;
  const row = sqlite
    .prepare(
      `SELECT NOT EXISTS (SELECT 1 FROM sales_rollups) AND EXISTS (SELECT 1 FROM daily_sales) AS needed,
              EXISTS (SELECT 1 FROM sales_rollups WHERE dimension = 'all' AND grain = 'month')
              AND NOT EXISTS (SELECT 1 FROM sales_rollups WHERE dimension = 'all' AND grain = 'year') AS coarse,
              EXISTS (SELECT 1 FROM payments WHERE reversed_on IS NULL)
              AND NOT EXISTS (SELECT 1 FROM sales_rollups WHERE dimension = 'all' AND grain = 'year' AND received <> 0)
              AS receipts`,
    )
    .get() as { needed: number; coarse: number; receipts: number };
  if (row.needed === 1) sqlite.transaction(() => rebuildSalesRollupsOn(sqlite))();
  else if (row.coarse === 1 || row.receipts === 1)
    sqlite.transaction(() => {
      if (row.coarse === 1) fillCoarseGrainsFromMonths(sqlite);
      // A ledger from before the received column (its triggers keep it from now on).
      if (row.receipts === 1) addReceiptsToRollupsOn(sqlite);
    })();
  else return false;
  return true;
}
