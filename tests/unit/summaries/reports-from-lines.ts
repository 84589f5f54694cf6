import { daysBetween } from '../../../src-shared/dates';
import { businessToday } from '../../../src-main/engine/business-date';
import type { EngineContext } from '../../../src-main/engine/context';
import { orderFilters } from '../../../src-main/engine/reports/report-filters';
import { col, sumColumns, type ReportFilters, type ReportResult } from '../../../src-main/engine/reports/report-types';

/**
 * The order-flow reports as they were computed from the ledger's lines before the order milestone
 * table existed (copied verbatim): the reference the milestone-based reports must equal, row for row.
 */

/** Requested against actual delivery for orders completed in the period. */
export function onTimeDeliveryFromLines(ctx: EngineContext, f: ReportFilters): ReportResult {
  const where = orderFilters(f, { lines: false });
  // Actual delivery: the confirmed delivery date where a dispatch recorded one, else the last delivery note's date.
  const rows = ctx.ledger.sqlite
    .prepare(
      `SELECT * FROM (
         SELECT o.id AS orderId, o.number, c.name AS customer, o.required_date AS requested,
                (SELECT max(coalesce(x.delivered_on, business_date(d.posted_at))) FROM delivery_notes d LEFT JOIN dispatch_notes x ON x.delivery_note_id = d.id WHERE d.order_id = o.id) AS actual
         FROM orders o JOIN customers c ON c.id = o.customer_id
         ${where.sql ? `${where.sql} AND` : 'WHERE'} o.status IN ('delivered', 'invoiced') AND o.required_date IS NOT NULL)
       WHERE actual BETWEEN ? AND ? ORDER BY actual, orderId`,
    )
    .all(...where.params, f.from, f.to) as {
    orderId: number;
    number: string;
    customer: string;
    requested: string;
    actual: string;
    delay?: number;
    onTime?: string;
  }[];
  let late = 0;
  let delaySum = 0;
  for (const r of rows) {
    r.delay = Math.max(0, daysBetween(r.requested, r.actual));
    r.onTime = r.delay === 0 ? 'yes' : 'no';
    if (r.delay > 0) late++;
    delaySum += r.delay;
  }
  const columns = [
    col('number', 'Order'),
    col('customer', 'Customer'),
    col('requested', 'Requested', 'date'),
    col('actual', 'Delivered', 'date'),
    col('delay', 'Days late', 'days'),
    col('onTime', 'On time'),
  ];
  const onTimeBps = rows.length ? Math.round(((rows.length - late) * 10_000) / rows.length) : 0;
  return {
    title: 'On-time delivery',
    columns,
    rows,
    totals: {
      number: rows.length,
      customer: null,
      requested: null,
      actual: null,
      delay: rows.length ? Math.round((delaySum * 100) / rows.length) / 100 : 0,
      onTime: onTimeBps,
    },
    drill: { key: 'orderId', kind: 'order' },
    notes: [
      `${rows.length} orders fully delivered in the period; ${(onTimeBps / 100).toFixed(1)}% on time; average delay ${rows.length ? (delaySum / rows.length).toFixed(1) : '0'} days.`,
      'A partly delivered order counts when its last delivery is made.',
    ],
  };
}

const median = (xs: number[]) => {
  if (xs.length === 0) return null;
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

/** Order → delivery → invoice → payment, in days, for orders paid in the period; medians per stage. */
export function orderToCashFromLines(ctx: EngineContext, f: ReportFilters): ReportResult {
  const where = orderFilters(f, { lines: false });
  const rows = ctx.ledger.sqlite
    .prepare(
      `SELECT * FROM (
         SELECT o.id AS orderId, o.number, c.name AS customer, o.order_date AS ordered,
                (SELECT min(business_date(d.posted_at)) FROM delivery_notes d WHERE d.order_id = o.id) AS delivered,
                (SELECT min(i.invoice_date) FROM invoices i WHERE i.status = 'posted' AND i.id IN (SELECT il.invoice_id FROM invoice_lines il JOIN order_lines ol ON ol.id = il.order_line_id WHERE ol.order_id = o.id)) AS invoiced,
                (SELECT max(p.received_on) FROM payment_allocations a JOIN payments p ON p.id = a.payment_id
                   WHERE p.reversed_on IS NULL AND a.invoice_id IN (SELECT il.invoice_id FROM invoice_lines il JOIN order_lines ol ON ol.id = il.order_line_id WHERE ol.order_id = o.id)) AS paid
         FROM orders o JOIN customers c ON c.id = o.customer_id ${where.sql ? `${where.sql} AND` : 'WHERE'} o.payment_status = 'paid')
       WHERE paid BETWEEN ? AND ? ORDER BY paid, orderId`,
    )
    .all(...where.params, f.from, f.to) as {
    orderId: number;
    number: string;
    customer: string;
    ordered: string;
    delivered: string;
    invoiced: string;
    paid: string;
    toDeliver?: number;
    toInvoice?: number;
    toPay?: number;
    total?: number;
  }[];
  for (const r of rows) {
    r.toDeliver = daysBetween(r.ordered, r.delivered);
    r.toInvoice = daysBetween(r.delivered, r.invoiced);
    r.toPay = daysBetween(r.invoiced, r.paid);
    r.total = daysBetween(r.ordered, r.paid);
  }
  const columns = [
    col('number', 'Order'),
    col('customer', 'Customer'),
    col('ordered', 'Ordered', 'date'),
    col('toDeliver', 'Days to deliver', 'days'),
    col('toInvoice', 'Days to invoice', 'days'),
    col('toPay', 'Days to be paid', 'days'),
    col('total', 'Order to cash', 'days'),
  ];
  const totals = {
    number: rows.length,
    customer: null,
    ordered: null,
    toDeliver: median(rows.map((r) => r.toDeliver!)),
    toInvoice: median(rows.map((r) => r.toInvoice!)),
    toPay: median(rows.map((r) => r.toPay!)),
    total: median(rows.map((r) => r.total!)),
  };
  return {
    title: 'Order-to-cash cycle',
    columns,
    rows,
    totals,
    drill: { key: 'orderId', kind: 'order' },
    notes: ['Orders fully paid in the period. The total line shows the median of each stage, in days.'],
  };
}

/** Every order line not yet delivered, with how long the customer has waited. */
export function pendingOrdersFromLines(ctx: EngineContext, f: ReportFilters): ReportResult {
  const today = businessToday(ctx);
  const where = orderFilters(f, { lines: true })
    .add("o.status IN ('confirmed', 'processing', 'picked', 'partially_delivered')")
    .add('ol.quantity > ol.delivered')
    .add('o.order_date <= ?', f.to);
  const rows = ctx.ledger.sqlite
    .prepare(
      `SELECT o.id AS orderId, o.number, o.order_date AS orderDate, o.required_date AS requiredDate, c.name AS customer, p.sku, p.name AS product,
              ol.quantity - ol.delivered AS open, ol.backordered AS backordered, ol.total - (2 * ol.total * ol.delivered + ol.quantity) / (2 * ol.quantity) AS value,
              CAST(julianday(?) - julianday(o.order_date) AS INTEGER) AS age
       FROM order_lines ol JOIN orders o ON o.id = ol.order_id JOIN customers c ON c.id = o.customer_id JOIN products p ON p.id = ol.product_id
       ${where.sql} ORDER BY age DESC, o.id, ol.line_no LIMIT 5000`,
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
export function deliveryRegisterFromLines(ctx: EngineContext, f: ReportFilters): ReportResult {
  const where = orderFilters(f, { lines: false }).add('business_date(d.posted_at) BETWEEN ? AND ?', f.from, f.to);
  const rows = ctx.ledger.sqlite
    .prepare(
      `SELECT d.id AS deliveryNoteId, d.number, business_date(d.posted_at) AS date, o.number AS orderNumber, c.name AS customer, w.code AS warehouse,
              (SELECT sum(quantity) FROM delivery_note_lines WHERE delivery_note_id = d.id) AS units, d.packages, coalesce(i.number, '') AS invoice
       FROM delivery_notes d JOIN orders o ON o.id = d.order_id JOIN customers c ON c.id = d.customer_id JOIN warehouses w ON w.id = d.warehouse_id
       LEFT JOIN invoices i ON i.id = d.invoice_id ${where.sql} ORDER BY d.id LIMIT 5000`,
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
