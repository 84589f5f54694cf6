import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/**
 * How many orders are in each status and what they are worth, so the dashboard's order tiles read a
 * dozen rows instead of scanning every order of every year. Kept by triggers on `orders` (custom
 * migration order_status_count_triggers): an order's status changes in a dozen places, a trigger
 * sees them all. Filled at open when empty (engine/summaries/order-status-counts.ts), rebuilt by
 * `npm run rebuild:summaries`.
 */
export const orderStatusCounts = sqliteTable('order_status_counts', {
  status: text('status').primaryKey(),
  orders: integer('orders').notNull().default(0),
  /** the sum of orders.total (paise) */
  value: integer('value').notNull().default(0),
});
