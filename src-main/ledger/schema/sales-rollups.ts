import { sql } from 'drizzle-orm';
import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { deliveredAndBilledColumns, orderMeasureColumns } from './sales-measures';

/**
 * `daily_sales` (sales-summary.ts) rolled up coarser, so a year report reads a few hundred thousand
 * rows at most, not one per line: the same figures per customer, per product or for the whole
 * business (`dimension` 'customer' | 'product' | 'all'; `key_id` the customer's or product's id,
 * 0 for 'all'), each by business day, month, calendar quarter and calendar year (`grain` 'day' |
 * 'month' | 'quarter' | 'year'; `period` '2026-11-22', '2026-11', '2026-Q4' or '2026'). A period range
 * reads the coarsest rows it covers, less or plus the finer ones at its ends (sales-rollups-read.ts). Kept in the same posting statement batch as daily_sales (engine/summaries/sales-rollups.ts),
 * one statement per posting; every measure means what it means in daily_sales.
 */
export const salesRollups = sqliteTable(
  'sales_rollups',
  {
    dimension: text('dimension', { enum: ['customer', 'product', 'all'] }).notNull(),
    grain: text('grain', { enum: ['day', 'month', 'quarter', 'year'] }).notNull(),
    period: text('period').notNull(),
    keyId: integer('key_id').notNull(),
    ...orderMeasureColumns(),
    ...deliveredAndBilledColumns(),
    /**
     * Payments received (not reversed) on this day, customer and 'all' rows only: not a daily_sales measure
     * (a payment has no product). Kept by triggers on `payments` (custom migration sales_rollup_receipts).
     */
    received: integer('received').notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.dimension, t.grain, t.period, t.keyId] }),
    // A month's products by paid-for taxable value, largest first: the dashboard reads its top few and stops
    // (dashboard-rollups.ts) instead of sorting every product sold in the month.
    index('sales_rollups_product_month_idx')
      .on(t.period, sql`(billed_taxable - free_taxable) DESC`, t.keyId)
      .where(sql`dimension = 'product' AND grain = 'month'`),
  ],
);

/**
 * What confirmed and cancelled orders added to the customer and product rollups since they were last
 * folded in: the order's rows at day × customer × product, already signed. A confirm writes these few
 * rows next to each other instead of 40-odd rollup rows spread over as many pages; an idle timer folds
 * them into `sales_rollups` in one statement (engine/summaries/pending-rollups.ts), and every read of a
 * customer or product range adds the rows not yet folded, so a report never waits for the fold.
 * The 'all' rollup (four rows on hot pages) is still kept in the posting itself.
 */
export const salesRollupsPending = sqliteTable('sales_rollups_pending', {
  id: integer('id').primaryKey(),
  day: text('day').notNull(),
  customerId: integer('customer_id').notNull(),
  productId: integer('product_id').notNull(),
  ...orderMeasureColumns(),
});
