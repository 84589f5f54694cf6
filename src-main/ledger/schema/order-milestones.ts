import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { orders } from './orders';

/**
 * One row per order: when it reached each milestone, and what the order-flow reports filter and show
 * beside those dates, so a year's on-time, order-to-cash, pending and delivery registers read one
 * narrow row per order instead of 4–5 lookups per line. Kept in the posting transactions by
 * engine/summaries/order-milestones.ts (refreshOrderMilestones); rebuildOrderMilestones recomputes it
 * from the ledger. Dates (`_on`) are business dates in the company's time zone; instants (`_at`) are UTC.
 */
export const orderMilestones = sqliteTable(
  'order_milestones',
  {
    orderId: integer('order_id')
      .primaryKey()
      .references(() => orders.id),
    number: text('number'),
    customerId: integer('customer_id').notNull(),
    warehouseId: integer('warehouse_id').notNull(),
    /** the clerk who took the order (orders.created_by) */
    createdBy: integer('created_by'),
    status: text('status').notNull(),
    paymentStatus: text('payment_status').notNull(),
    orderDate: text('order_date').notNull(),
    /** the date the customer asked for (orders.required_date) */
    requiredDate: text('required_date'),
    confirmedAt: text('confirmed_at'),
    confirmedOn: text('confirmed_on'),
    /** first and last delivery note posted (any delivery note of the order) */
    firstDeliveredAt: text('first_delivered_at'),
    firstDeliveredOn: text('first_delivered_on'),
    lastDeliveredAt: text('last_delivered_at'),
    lastDeliveredOn: text('last_delivered_on'),
    /**
     * Once the order is delivered or invoiced: the day its last goods reached the customer (the date a
     * dispatch confirmed, else the delivery note's posting date). Null while anything is still to go.
     */
    fullyDeliveredOn: text('fully_delivered_on'),
    /** the earliest posted invoice carrying its goods */
    firstInvoicedOn: text('first_invoiced_on'),
    /** once the order is invoiced: its latest posted invoice's date */
    fullyInvoicedOn: text('fully_invoiced_on'),
    /** once the order is paid: the latest receipt (not reversed) settling its invoices */
    fullyPaidOn: text('fully_paid_on'),
    /**
     * The order's lines' totals on posted invoices: the credit check counts an open order for what is not yet
     * invoiced (total − this) without reading its invoice lines.
     */
    invoicedValue: integer('invoiced_value').notNull().default(0),
    /** order lines with units still to deliver */
    openLines: integer('open_lines').notNull().default(0),
    /** the order date while the order is confirmed and owes goods (pending and backorders); else null */
    undeliveredSince: text('undelivered_since'),
  },
  (t) => [
    index('order_milestones_delivered_idx').on(t.fullyDeliveredOn),
    // On-time's figures (a GROUP BY over a year's days late) read only this index, never the table rows;
    // kept apart from the one above, whose (fully_delivered_on, order_id) order the rows' paging uses.
    index('order_milestones_delivered_required_idx').on(t.fullyDeliveredOn, t.requiredDate),
    index('order_milestones_paid_idx').on(t.fullyPaidOn),
    // Order-to-cash's figures count orders per (paid, ordered, delivered, invoiced) date tuple from this index
    // alone, a few hundred to a few thousand tuples a year; apart from the one above, whose order the rows' paging uses.
    index('order_milestones_paid_stages_idx').on(t.fullyPaidOn, t.orderDate, t.firstDeliveredOn, t.firstInvoicedOn),
    index('order_milestones_undelivered_idx').on(t.undeliveredSince),
  ],
);
