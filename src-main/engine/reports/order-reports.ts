import { businessToday } from '../business-date';
import type { EngineContext } from '../context';
import { orderFilters } from './report-filters';
import { col, sumColumns, type ReportFilters, type ReportResult } from './report-types';
import { customerOrdersFromMonths, orderSummaryFromDays } from '../summaries/order-summaries-read';

const statusOrder =
  "CASE o.status WHEN 'draft' THEN 0 WHEN 'pending_approval' THEN 1 WHEN 'confirmed' THEN 2 WHEN 'processing' THEN 3 WHEN 'picked' THEN 4 WHEN 'partially_delivered' THEN 5 WHEN 'delivered' THEN 6 WHEN 'invoiced' THEN 7 ELSE 8 END";

/** Orders in the period by status: how many and what value. */
export function orderSummary(ctx: EngineContext, f: ReportFilters): ReportResult {
  // Unfiltered, from the day-and-status summary; any filter reads the orders (one customer's cheaply, through
  // orders_customer_idx; a type, place, warehouse, clerk or product still reads the period's orders).
  const where = orderFilters(f, { lines: false }).add('o.order_date BETWEEN ? AND ?', f.from, f.to);
  const rows =
    orderSummaryFromDays(ctx, f) ??
    (ctx.ledger.sqlite
      .prepare(
        `SELECT o.status, count(*) AS orders, sum(o.total) AS value FROM orders o JOIN customers c ON c.id = o.customer_id ${where.sql} GROUP BY o.status ORDER BY min(${statusOrder}), o.status`,
      )
      .all(...where.params) as { status: string; orders: number; value: number }[]);
  const columns = [col('status', 'Status'), col('orders', 'Orders', 'int'), col('value', 'Value', 'money')];
  return {
    title: 'Order summary',
    columns,
    rows,
    totals: sumColumns(columns, rows),
    drill: null,
    notes: ['By order date; value includes GST.'],
  };
}

/** Each customer's orders in the period. */
export function customerOrders(ctx: EngineContext, f: ReportFilters): ReportResult {
  // By period and customer, from the customer-month summary (and the days at the period's ends); by warehouse,
  // clerk or what was ordered, from the orders.
  const where = orderFilters(f, { lines: false })
    .add('o.order_date BETWEEN ? AND ?', f.from, f.to)
    .add("o.status <> 'draft'");
  const rows =
    customerOrdersFromMonths(ctx, f) ??
    (ctx.ledger.sqlite
      .prepare(
        `SELECT c.id AS customerId, c.code, c.name, c.bill_city AS city, count(*) AS orders, sum(CASE WHEN o.status = 'cancelled' THEN 1 ELSE 0 END) AS cancelled,
              sum(CASE WHEN o.status = 'cancelled' THEN 0 ELSE o.total END) AS value, max(o.order_date) AS lastOrder
       FROM orders o JOIN customers c ON c.id = o.customer_id ${where.sql} GROUP BY c.id ORDER BY value DESC, c.id LIMIT 5000`,
      )
      .all(...where.params) as Record<string, number | string>[]);
  const columns = [
    col('code', 'Code'),
    col('name', 'Customer'),
    col('city', 'City'),
    col('orders', 'Orders', 'int'),
    col('cancelled', 'Cancelled', 'int'),
    col('value', 'Value (not cancelled)', 'money'),
    col('lastOrder', 'Last order', 'date'),
  ];
  return {
    title: 'Customer orders',
    columns,
    rows,
    totals: sumColumns(columns, rows),
    drill: { key: 'customerId', kind: 'customer' },
    notes: [],
  };
}

/** Every order line not yet delivered, with how long the customer has waited. */
export function pendingOrders(ctx: EngineContext, f: ReportFilters): ReportResult {
  const today = businessToday(ctx);
  // The milestone row says which orders still owe goods (confirmed, not all delivered), since when;
  // only their lines are read (CROSS JOIN: milestones drive, whatever the statistics say of products).
  // Oldest first is the undelivered index's own order (undelivered_since is the order date, the key breaks
  // ties) and each order's lines come by line number, so no sort: the read stops at the 5,000th line
  // instead of sorting every open line (209k at L).
  const where = orderFilters(f, { lines: true, milestones: true })
    .add('m.undelivered_since <= ?', f.to)
    .add('ol.quantity > ol.delivered');
  const rows = ctx.ledger.sqlite
    .prepare(
      `SELECT m.order_id AS orderId, m.number, m.order_date AS orderDate, m.required_date AS requiredDate, c.name AS customer, p.sku, p.name AS product,
              ol.quantity - ol.delivered AS open, ol.backordered AS backordered, ol.total - (2 * ol.total * ol.delivered + ol.quantity) / (2 * ol.quantity) AS value,
              CAST(julianday(?) - julianday(m.order_date) AS INTEGER) AS age
       FROM order_milestones m CROSS JOIN order_lines ol ON ol.order_id = m.order_id JOIN customers c ON c.id = m.customer_id JOIN products p ON p.id = ol.product_id
       ${where.sql} ORDER BY m.undelivered_since, m.order_id, ol.line_no LIMIT 5000`,
    )
    .all(today, ...where.params) as Record<string, number | string>[];
  const columns = [
    col('number', 'Order'),
    col('orderDate', 'Ordered', 'date'),
    col('requiredDate', 'Wanted by', 'date'),
    col('customer', 'Customer'),
    col('sku', 'SKU'),
    col('product', 'Product'),
    col('open', 'Open qty', 'int'),
    col('backordered', 'Backordered', 'int'),
    col('value', 'Open value', 'money'),
    col('age', 'Age', 'days'),
  ];
  return {
    title: 'Pending orders and backorders',
    columns,
    rows,
    totals: sumColumns(columns, rows),
    drill: { key: 'orderId', kind: 'order' },
    notes: [
      'Age counts days since the order date. Open value: the line’s total less the share its delivered units carry (as backlog counts it).',
    ],
  };
}

/** Delivery notes posted in the period. */
export function deliveryRegister(ctx: EngineContext, f: ReportFilters): ReportResult {
  const where = orderFilters(f, { lines: false, milestones: true }).add(
    'business_date(d.posted_at) BETWEEN ? AND ?',
    f.from,
    f.to,
  );
  // Notes in id order, stopping at the 5,000th in the period; each note's order is read from its narrow
  // milestone row (number, customer, warehouse, clerk) rather than the wide orders table.
  const rows = ctx.ledger.sqlite
    .prepare(
      `SELECT d.id AS deliveryNoteId, d.number, business_date(d.posted_at) AS date, m.number AS orderNumber, c.name AS customer, w.code AS warehouse,
              (SELECT sum(quantity) FROM delivery_note_lines WHERE delivery_note_id = d.id) AS units, d.packages, coalesce(i.number, '') AS invoice
       FROM delivery_notes d CROSS JOIN order_milestones m ON m.order_id = d.order_id JOIN customers c ON c.id = d.customer_id
         JOIN warehouses w ON w.id = d.warehouse_id LEFT JOIN invoices i ON i.id = d.invoice_id
       ${where.sql} ORDER BY d.id LIMIT 5000`,
    )
    .all(...where.params) as Record<string, number | string>[];
  const columns = [
    col('number', 'Delivery note'),
    col('date', 'Date', 'date'),
    col('orderNumber', 'Order'),
    col('customer', 'Customer'),
    col('warehouse', 'From'),
    col('units', 'Units', 'int'),
    col('packages', 'Packages', 'int'),
    col('invoice', 'Invoice'),
  ];
  return {
    title: 'Delivery notes register',
    columns,
    rows,
    totals: sumColumns(columns, rows),
    drill: { key: 'deliveryNoteId', kind: 'delivery_note' },
    notes: [],
  };
}
