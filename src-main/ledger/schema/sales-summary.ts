import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';

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
  },
  (t) => [
    primaryKey({ columns: [t.day, t.customerId, t.productId, t.warehouseId, t.clerkId] }),
    index('daily_sales_customer_idx').on(t.customerId, t.day),
  ],
);
