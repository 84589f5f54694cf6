import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { deliveredAndBilledColumns, orderMeasureColumns } from './sales-measures';

/**
 * Sales per business day × customer × product × warehouse × clerk, kept in the posting transactions
 * (src-main/engine/summaries/daily-sales.ts) so reports and the dashboard read a day range of this
 * instead of joining a year of lines. Each figure sits on the day its event happened: booked and
 * confirmed on the confirm day, cancelled on the cancel day, delivered on the delivery note's day,
 * billed on the invoice date. Order- and invoice-level figures (order totals, invoice counts) sit on
 * the document's first line, so they add up without counting a document twice.
 * `clerk_id` 0: an order nobody is recorded as creating.
 */
export const dailySales = sqliteTable(
  'daily_sales',
  {
    day: text('day').notNull(),
    customerId: integer('customer_id').notNull(),
    productId: integer('product_id').notNull(),
    warehouseId: integer('warehouse_id').notNull(),
    clerkId: integer('clerk_id').notNull(),
    ...orderMeasureColumns(),
    ...deliveredAndBilledColumns(),
  },
  (t) => [
    primaryKey({ columns: [t.day, t.customerId, t.productId, t.warehouseId, t.clerkId] }),
    index('daily_sales_customer_idx').on(t.customerId, t.day),
  ],
);
