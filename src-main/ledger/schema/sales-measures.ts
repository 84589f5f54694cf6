import { integer } from 'drizzle-orm/sqlite-core';

/**
 * The measures daily_sales and its rollups share (sales-summary.ts, sales-rollups.ts), each meaning the same in
 * every table that has it. Orders' measures are apart: the pending rollup rows carry only those.
 */
export const orderMeasureColumns = () => ({
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
});

/** What delivery notes and invoices add: delivered, billed, and the free-goods part of billed. */
export const deliveredAndBilledColumns = () => ({
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
});
