import { sql } from 'drizzle-orm';
import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';

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
    /** confirmed orders (cancelled later or not): lines' quantity and total, orders on their first line */
    confirmedOrders: integer('confirmed_orders').notNull().default(0),
    confirmedQty: integer('confirmed_qty').notNull().default(0),
    confirmedValue: integer('confirmed_value').notNull().default(0),
    /** confirmed and not cancelled: orders and order totals (with round-off) on the first line */
    bookedOrders: integer('booked_orders').notNull().default(0),
    bookedQty: integer('booked_qty').notNull().default(0),
    bookedValue: integer('booked_value').notNull().default(0),
    /** scheme benefit on booked lines: free goods at price (gross) and line discounts */
    freeGoodsValue: integer('free_goods_value').notNull().default(0),
    discountValue: integer('discount_value').notNull().default(0),
    /** confirmed orders cancelled on this day, at line totals */
    cancelledOrders: integer('cancelled_orders').notNull().default(0),
    cancelledQty: integer('cancelled_qty').notNull().default(0),
    cancelledValue: integer('cancelled_value').notNull().default(0),
    /** delivered units and their share of the line total (cumulative rounding, as the backlog counts it) */
    deliveredQty: integer('delivered_qty').notNull().default(0),
    deliveredValue: integer('delivered_value').notNull().default(0),
    /** posted invoices: invoices on their first line, and per product on its first line in each invoice */
    invoices: integer('invoices').notNull().default(0),
    productInvoices: integer('product_invoices').notNull().default(0),
    billedQty: integer('billed_qty').notNull().default(0),
    billedTaxable: integer('billed_taxable').notNull().default(0),
    billedTax: integer('billed_tax').notNull().default(0),
    /** line totals plus the invoice's round-off on its largest line: Σ = invoice totals */
    billedValue: integer('billed_value').notNull().default(0),
    billedCost: integer('billed_cost').notNull().default(0),
    billedCostedSales: integer('billed_costed_sales').notNull().default(0),
    billedUncostedLines: integer('billed_uncosted_lines').notNull().default(0),
    /** the free-goods part of the billed figures (product contribution leaves it out) */
    freeQty: integer('free_qty').notNull().default(0),
    freeTaxable: integer('free_taxable').notNull().default(0),
    freeCost: integer('free_cost').notNull().default(0),
    freeCostedSales: integer('free_costed_sales').notNull().default(0),
    freeUncostedLines: integer('free_uncosted_lines').notNull().default(0),
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
  confirmedOrders: integer('confirmed_orders').notNull().default(0),
  confirmedQty: integer('confirmed_qty').notNull().default(0),
  confirmedValue: integer('confirmed_value').notNull().default(0),
  bookedOrders: integer('booked_orders').notNull().default(0),
  bookedQty: integer('booked_qty').notNull().default(0),
  bookedValue: integer('booked_value').notNull().default(0),
  freeGoodsValue: integer('free_goods_value').notNull().default(0),
  discountValue: integer('discount_value').notNull().default(0),
  cancelledOrders: integer('cancelled_orders').notNull().default(0),
  cancelledQty: integer('cancelled_qty').notNull().default(0),
  cancelledValue: integer('cancelled_value').notNull().default(0),
});
