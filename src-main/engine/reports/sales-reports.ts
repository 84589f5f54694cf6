import { businessToday } from '../business-date';
import { payerOf } from '../customers/parties';
import type { EngineContext } from '../context';
import { BILLED, billedLinesCte } from './billed-lines';
import { orderFilters } from './report-filters';
import { col, sumColumns, type ReportFilters, type ReportResult, type ReportRow } from './report-types';
import { seesCost } from '../margin/hide-cost';
import { addMarginColumns, marginSql } from '../margin/report-margin';
import { productContributionFromSummary, salesRowsFromSummary } from '../summaries/daily-sales-reports';
import {
  customerFiguresFromRollups,
  productContributionFromRollups,
  salesRowsFromRollups,
} from '../summaries/sales-rollups-reports';
import { schemesFromDays, type SchemeRow } from '../summaries/order-summaries-read';

const groups = {
  customer: { key: 'c.id', label: "c.name || ' (' || c.code || ')'", title: 'Customer' },
  product: { key: 'p.id', label: "p.sku || ' ' || p.name", title: 'Product' },
  brand: { key: 'p.brand', label: "coalesce(nullif(p.brand, ''), '(no brand)')", title: 'Brand' },
  category: { key: 'p.category', label: "coalesce(nullif(p.category, ''), '(no category)')", title: 'Category' },
  geography: {
    key: 'c.bill_state_code || c.bill_city',
    label: "c.bill_city || ', ' || c.bill_state_code",
    title: 'City, state',
  },
  clerk: { key: 'o.created_by', label: "coalesce(u.display_name, '—')", title: 'Clerk' },
} as const;

/** Billed sales (invoice lines in the period) grouped the way the owner asks. */
export function salesPerformance(ctx: EngineContext, f: ReportFilters): ReportResult {
  const g = groups[f.groupBy];
  const where = orderFilters(f, { lines: true }).add('i.invoice_date BETWEEN ? AND ?', f.from, f.to).add(BILLED);
  const billed = billedLinesCte(f.from, f.to);
  const withCost = seesCost(ctx);
  // The coarsest summary that keeps what the filters ask about: rollups, then daily sales, then the lines.
  const rows =
    salesRowsFromRollups(ctx, f, g, withCost) ??
    salesRowsFromSummary(ctx, f, g, withCost) ??
    (ctx.ledger.sqlite
      .prepare(
        `WITH ${billed.sql}
       SELECT ${g.label} AS name, count(DISTINCT i.id) AS invoices, sum(il.quantity) AS units, sum(il.taxable) AS taxable, sum(il.cgst + il.sgst + il.igst) AS tax,
              sum(il.value) AS value${withCost ? `, ${marginSql()}` : ''}
       FROM billed_lines il JOIN invoices i ON i.id = il.invoice_id JOIN order_lines ol ON ol.id = il.order_line_id JOIN orders o ON o.id = ol.order_id
       JOIN customers c ON c.id = o.customer_id JOIN products p ON p.id = il.product_id LEFT JOIN users u ON u.id = o.created_by
       ${where.sql} GROUP BY ${g.key} ORDER BY value DESC, ${g.key} LIMIT 5000`,
      )
      .all(...billed.params, ...where.params) as Record<string, number | string>[]);
  const columns = [
    col('name', g.title),
    col('invoices', 'Invoices', 'int'),
    col('units', 'Units', 'int'),
    col('taxable', 'Taxable', 'money'),
    col('tax', 'GST', 'money'),
    col('value', 'Billed', 'money'),
  ];
  const totals = sumColumns(columns, rows);
  const notes = [
    'Sales are billed sales: posted invoices dated in the period. Billed includes GST and each invoice’s round-off (counted on its largest line), so it adds up to the invoice totals.',
  ];
  if (withCost) addMarginColumns(columns, rows, totals, notes);
  return { title: `Sales by ${g.title.toLowerCase()}`, columns, rows, totals, drill: null, notes };
}

/** Per customer: booked, billed, paid and what is still owed. */
export function customerPerformance(ctx: EngineContext, f: ReportFilters): ReportResult {
  // Customers with an order (any date) that the filters keep: a seek per customer into orders_customer_idx.
  const where = orderFilters(f, { lines: false }).add('o.customer_id = c.id');
  const today = businessToday(ctx);
  const withCost = seesCost(ctx);
  // Booked, billed, the margin on what was billed and the payments received (not reversed), per customer, from
  // the customer rollup: a year is a row or two per customer (booked on the confirm day, not cancelled; billed =
  // posted invoice totals; received on the receipt's date).
  const figures = customerFiguresFromRollups(ctx, f);
  // What is owed is the payer's (a retailer's distributor may pay for it): summed once per payer over the open
  // invoices only (invoices_open_idx: settled invoices add nothing), then set beside each customer's row.
  const owed = new Map(
    (
      ctx.ledger.sqlite
        .prepare(
          `SELECT ${payerOf('i')} AS payerId, sum(total - paid - credited) AS outstanding,
                  sum(CASE WHEN i.due_date < ? THEN total - paid - credited ELSE 0 END) AS overdue
           FROM invoices i INDEXED BY invoices_open_idx
           WHERE i.status = 'posted' AND i.total <> i.paid + i.credited GROUP BY 1`,
        )
        .all(today) as { payerId: number; outstanding: number; overdue: number }[]
    ).map((o) => [o.payerId, o]),
  );
  const rows = ctx.ledger.sqlite
    .prepare(
      `SELECT c.id AS customerId, c.code, c.name,${withCost ? ' m.cost, m.costedSales, m.unknownCost,' : ''}
              coalesce(m.booked, 0) AS booked, coalesce(m.billed, 0) AS billed,
              coalesce(m.received, 0) AS received,
              0 AS outstanding, 0 AS overdue
       FROM customers c LEFT JOIN ${figures.sql} m ON m.customer_id = c.id WHERE EXISTS (SELECT 1 FROM orders o ${where.sql})
       ORDER BY billed DESC LIMIT 5000`,
    )
    .all(...figures.params, ...where.params) as Record<string, number | string>[];
  for (const row of rows) {
    const o = owed.get(row.customerId as number);
    if (o) Object.assign(row, { outstanding: o.outstanding, overdue: o.overdue });
  }
  const columns = [
    col('code', 'Code'),
    col('name', 'Customer'),
    col('booked', 'Booked', 'money'),
    col('billed', 'Billed', 'money'),
    col('received', 'Received', 'money'),
    col('outstanding', 'Outstanding', 'money'),
    col('overdue', 'Overdue', 'money'),
  ];
  const totals = sumColumns(columns, rows);
  const notes = ['Outstanding and overdue are as of today, whatever the period.'];
  if (withCost) addMarginColumns(columns, rows, totals, notes);
  return {
    title: 'Customer performance',
    columns,
    rows,
    totals,
    drill: { key: 'customerId', kind: 'customer' },
    notes,
  };
}

/** Each product's share of billed taxable value in the period. */
export function productContribution(ctx: EngineContext, f: ReportFilters): ReportResult {
  const withCost = seesCost(ctx);
  // From the product rollup (or, filtered by customer, place or clerk, the daily sales summary): billed
  // lines less their free-goods part, per product.
  const rows = (productContributionFromRollups(ctx, f, withCost) ??
    productContributionFromSummary(ctx, f, withCost)) as unknown as {
    productId: number;
    sku: string;
    name: string;
    brand: string;
    units: number;
    taxable: number;
    share?: number;
  }[] as ({ taxable: number; share?: number } & ReportRow)[];
  const total = rows.reduce((s, r) => s + r.taxable, 0);
  // Shares in basis points of the total, so the column is exact integers like everything else.
  for (const r of rows) r.share = total ? Math.round((r.taxable * 10_000) / total) : 0;
  const columns = [
    col('sku', 'SKU'),
    col('name', 'Product'),
    col('brand', 'Brand'),
    col('units', 'Units', 'int'),
    col('taxable', 'Taxable', 'money'),
    col('share', 'Share', 'pct'),
  ];
  const totals = { ...sumColumns(columns, rows), share: rows.length ? 10_000 : 0 };
  const notes = ['Free goods are left out; share is of billed taxable value.'];
  if (withCost) addMarginColumns(columns, rows, totals, notes);
  return { title: 'Product contribution', columns, rows, totals, drill: { key: 'productId', kind: 'product' }, notes };
}

/** What each scheme gave away, and how orders with it compare with orders without. */
export function schemePerformance(ctx: EngineContext, f: ReportFilters): ReportResult {
  // Unfiltered, from the day-and-scheme summary; filtered, from the orders and their schemes JSON.
  const { rows, without } = schemesFromDays(ctx, f) ?? schemesFromOrders(ctx, f);
  const avgWithout = without.n ? Math.round(without.v / without.n) : 0;
  for (const r of rows) {
    r.avgWith = Math.round(r.orderValue / r.orders);
    r.lift = avgWithout ? Math.round(((r.avgWith - avgWithout) * 10_000) / avgWithout) : 0;
  }
  const columns = [
    col('scheme', 'Scheme'),
    col('orders', 'Orders', 'int'),
    col('benefit', 'Benefit given', 'money'),
    col('freeGoods', 'Free goods at price', 'money'),
    col('avgWith', 'Average order with it', 'money'),
    col('lift', 'Lift vs orders without', 'pct'),
  ];
  return {
    title: 'Scheme performance',
    columns,
    rows,
    totals: { ...sumColumns(columns, rows), avgWith: null },
    drill: null,
    notes: [`Orders without any scheme averaged ${avgWithout / 100} rupees; lift compares with that.`],
  };
}

/** Per scheme and the orders without any, from the orders in the period that the filters keep. */
function schemesFromOrders(
  ctx: EngineContext,
  f: ReportFilters,
): { rows: SchemeRow[]; without: { n: number; v: number } } {
  const where = orderFilters(f, { lines: false })
    .add('o.order_date BETWEEN ? AND ?', f.from, f.to)
    .add("o.status NOT IN ('draft', 'pending_approval', 'cancelled')");
  const { sqlite } = ctx.ledger;
  const rows = sqlite
    .prepare(
      `SELECT json_extract(s.value, '$.schemeId') AS schemeId, json_extract(s.value, '$.name') AS scheme, count(*) AS orders, sum(json_extract(s.value, '$.benefit')) AS benefit,
              sum(o.total) AS orderValue,
              coalesce((SELECT sum(ol.gross) FROM order_lines ol JOIN orders o3 ON o3.id = ol.order_id WHERE ol.is_free = 1 AND ol.scheme_id = json_extract(s.value, '$.schemeId')
                        AND o3.order_date BETWEEN ? AND ? AND o3.status NOT IN ('draft', 'pending_approval', 'cancelled')), 0) AS freeGoods
       FROM orders o JOIN customers c ON c.id = o.customer_id, json_each(o.schemes, '$.applied') s ${where.sql} GROUP BY schemeId ORDER BY benefit DESC, schemeId`,
    )
    .all(f.from, f.to, ...where.params) as SchemeRow[];
  const without = sqlite
    .prepare(
      `SELECT count(*) AS n, coalesce(sum(o.total), 0) AS v FROM orders o JOIN customers c ON c.id = o.customer_id ${where.sql} AND json_array_length(o.schemes, '$.applied') = 0`,
    )
    .get(...where.params) as { n: number; v: number };
  return { rows, without };
}
