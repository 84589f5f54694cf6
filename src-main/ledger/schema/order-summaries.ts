import { integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/**
 * Small per-period counts of orders, so the year's order reports read a few thousand rows instead of the
 * year's orders. All three are kept by triggers on `orders` (and `order_lines` for free goods; custom
 * migration order_summary_triggers) as `order_status_counts` is: an order's status changes in a dozen
 * places, a trigger sees them all. Filled at open when empty and rebuilt by `npm run rebuild:summaries`
 * (engine/summaries/order-summaries.ts).
 */

/** Orders and their value (orders.total, paise) per order date and status: the order summary report. */
export const orderDayStatuses = sqliteTable(
  'order_day_statuses',
  {
    orderDate: text('order_date').notNull(),
    status: text('status').notNull(),
    orders: integer('orders').notNull().default(0),
    value: integer('value').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.orderDate, t.status] })],
);

/**
 * Per customer and order month (`month` '2026-11'), the customer orders report's figures over orders
 * that are not drafts: how many, how many cancelled, the value of those not cancelled, the last order date.
 */
export const customerOrderMonths = sqliteTable(
  'customer_order_months',
  {
    customerId: integer('customer_id').notNull(),
    month: text('month').notNull(),
    orders: integer('orders').notNull().default(0),
    cancelled: integer('cancelled').notNull().default(0),
    value: integer('value').notNull().default(0),
    lastOrder: text('last_order'),
  },
  (t) => [primaryKey({ columns: [t.customerId, t.month] })],
);

/**
 * Per order date and scheme, over orders that count for the scheme report (confirmed onwards, not
 * cancelled): orders that applied it, the benefit their schemes JSON records, those orders' totals, and
 * the free lines it gave at price (order_lines.gross). `scheme_id` 0 holds the orders that applied none.
 */
export const schemeDays = sqliteTable(
  'scheme_days',
  {
    orderDate: text('order_date').notNull(),
    schemeId: integer('scheme_id').notNull(),
    name: text('name').notNull().default(''),
    orders: integer('orders').notNull().default(0),
    benefit: integer('benefit').notNull().default(0),
    orderValue: integer('order_value').notNull().default(0),
    freeGoods: integer('free_goods').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.orderDate, t.schemeId] })],
);
