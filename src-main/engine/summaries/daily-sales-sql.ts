/**
 * What each posted document contributes to `daily_sales`, as SQL over the ledger's own lines. The
 * posting transactions and the rebuild use these same SELECTs, so the summary cannot drift from
 * what a rebuild would give. Each source yields the key columns and some of MEASURES; `scope` is
 * a condition on the source's document (orders `o`, delivery notes `d`, invoices `i`).
 */
export const KEY = ['day', 'customer_id', 'product_id', 'warehouse_id', 'clerk_id'] as const;

export const MEASURES = [
  'confirmed_orders',
  'confirmed_qty',
  'confirmed_value',
  'booked_orders',
  'booked_qty',
  'booked_value',
  'free_goods_value',
  'discount_value',
  'cancelled_orders',
  'cancelled_qty',
  'cancelled_value',
  'delivered_qty',
  'delivered_value',
  'invoices',
  'product_invoices',
  'billed_qty',
  'billed_taxable',
  'billed_tax',
  'billed_value',
  'billed_cost',
  'billed_costed_sales',
  'billed_uncosted_lines',
  'free_qty',
  'free_taxable',
  'free_cost',
  'free_costed_sales',
  'free_uncosted_lines',
] as const;
export type Measure = (typeof MEASURES)[number];

const orderKey =
  'o.customer_id AS customer_id, ol.product_id AS product_id, o.warehouse_id AS warehouse_id, coalesce(o.created_by, 0) AS clerk_id';

/** One SELECT giving every measure: those the source has, 0 for the rest. */
function source(day: string, from: string, measures: Partial<Record<Measure, string>>): string {
  const values = MEASURES.map((m) => `${measures[m] ?? '0'} AS ${m}`).join(', ');
  return `SELECT ${day} AS day, ${orderKey}, ${values} FROM ${from}`;
}

// An order's first line carries its order-level figures (counted once, whatever is grouped).
const firstLine = '(ol.id = (SELECT min(x.id) FROM order_lines x WHERE x.order_id = o.id))';
const notCancelled = "(o.status <> 'cancelled')";

const confirmedMeasures: Partial<Record<Measure, string>> = {
  confirmed_orders: firstLine,
  confirmed_qty: 'ol.quantity',
  confirmed_value: 'ol.total',
  booked_orders: `${firstLine} * ${notCancelled}`,
  booked_qty: `ol.quantity * ${notCancelled}`,
  booked_value: `${firstLine} * ${notCancelled} * o.total`,
  free_goods_value: `ol.is_free * ${notCancelled} * ol.gross`,
  discount_value: `${notCancelled} * ol.discount`,
};
const cancelledMeasures: Partial<Record<Measure, string>> = {
  cancelled_orders: firstLine,
  cancelled_qty: 'ol.quantity',
  cancelled_value: 'ol.total',
};

/** A confirmed order: confirmed (and booked unless cancelled) on its confirm day, cancelled on its cancel day. */
export function orderSources(scope: string): string[] {
  const lines = `order_lines ol JOIN orders o ON o.id = ol.order_id WHERE o.confirmed_at IS NOT NULL AND ${scope}`;
  return [
    source('business_date(o.confirmed_at)', lines, confirmedMeasures),
    source('business_date(o.cancelled_at)', `${lines} AND o.cancelled_at IS NOT NULL`, cancelledMeasures),
  ];
}

/**
 * Delivered units, each delivery note line valued at its share of the order line's total by
 * cumulative rounding over the line's deliveries (reports/billed-lines.ts, deliveredValueSql).
 * `scope` picks orders; with `oneNote`, only the lines of delivery note @note count (the window
 * still runs over all the order's deliveries, so earlier notes' shares are taken into account).
 */
export function deliverySource(scope: string, oneNote = false): string {
  const lines = `(SELECT dl.quantity, dl.delivery_note_id, d.posted_at, dl.order_line_id,
                         sum(dl.quantity) OVER (PARTITION BY dl.order_line_id ORDER BY dl.id) AS upto
                  FROM delivery_note_lines dl JOIN delivery_notes d ON d.id = dl.delivery_note_id
                  WHERE d.order_id IN (SELECT o.id FROM orders o WHERE ${scope})) dn
     JOIN order_lines ol ON ol.id = dn.order_line_id JOIN orders o ON o.id = ol.order_id
     ${oneNote ? 'WHERE dn.delivery_note_id = @note' : ''}`;
  return source('business_date(dn.posted_at)', lines, deliveredMeasures);
}

const deliveredMeasures: Partial<Record<Measure, string>> = {
  delivered_qty: 'dn.quantity',
  delivered_value: `(2 * ol.total * dn.upto + ol.quantity) / (2 * ol.quantity)
      - (2 * ol.total * (dn.upto - dn.quantity) + ol.quantity) / (2 * ol.quantity)`,
};

/**
 * Posted invoice lines on the invoice date. `value` is the line total plus the invoice's round-off
 * on its largest line (ties: the first), as billed_lines counts it, so Σ value = Σ invoice totals.
 * The invoice's charges (freight: a service, no product of its own) ride on that line too, taxable and tax
 * with them, so the register's taxable and tax still equal the invoices' and GSTR-1's.
 */
export function invoiceSource(scope: string): string {
  const charge = (x: string) =>
    `(SELECT coalesce(sum(${x}), 0) FROM invoice_charges ch WHERE ch.invoice_id = il.invoice_id)`;
  const lines = `(SELECT il.*, inv.invoice_date, inv.round_off, ${charge('ch.taxable')} AS charge_taxable,
                         ${charge('ch.cgst + ch.sgst + ch.igst')} AS charge_tax, ${charge('ch.total')} AS charge_value,
                         row_number() OVER (PARTITION BY il.invoice_id ORDER BY il.id) AS nth,
                         row_number() OVER (PARTITION BY il.invoice_id, il.product_id ORDER BY il.id) AS nthOfProduct,
                         row_number() OVER (PARTITION BY il.invoice_id ORDER BY il.total DESC, il.id) AS bySize
                  FROM invoice_lines il JOIN invoices inv ON inv.id = il.invoice_id
                  WHERE il.invoice_id IN (SELECT i.id FROM invoices i WHERE ${scope})) il
     JOIN order_lines ol ON ol.id = il.order_line_id JOIN orders o ON o.id = ol.order_id`;
  return source('il.invoice_date', lines, invoicedMeasures);
}

const free = (x: string) => `CASE WHEN il.is_free THEN ${x} ELSE 0 END`;
const invoicedMeasures: Partial<Record<Measure, string>> = {
  invoices: '(il.nth = 1)',
  product_invoices: '(il.nthOfProduct = 1)',
  billed_qty: 'il.quantity',
  billed_taxable: 'il.taxable + (il.bySize = 1) * il.charge_taxable',
  billed_tax: 'il.cgst + il.sgst + il.igst + (il.bySize = 1) * il.charge_tax',
  billed_value: 'il.total + (il.bySize = 1) * (il.round_off + il.charge_value)',
  billed_cost: 'coalesce(il.cost, 0)',
  billed_costed_sales: 'CASE WHEN il.cost IS NOT NULL THEN il.taxable ELSE 0 END',
  billed_uncosted_lines: '(il.cost IS NULL)',
  free_qty: free('il.quantity'),
  free_taxable: free('il.taxable'),
  free_cost: free('coalesce(il.cost, 0)'),
  free_costed_sales: free('CASE WHEN il.cost IS NOT NULL THEN il.taxable ELSE 0 END'),
  free_uncosted_lines: free('(il.cost IS NULL)'),
};

/**
 * The measures each kind of posting can change. Its upserts sum and set only these: a confirm then
 * leaves the billed columns (and the index on the billed taxable) alone, and sums 11 columns, not 27.
 */
const measuresOf = (...maps: Partial<Record<Measure, string>>[]) =>
  MEASURES.filter((m) => maps.some((map) => m in map));
export const ORDER_MEASURES = measuresOf(confirmedMeasures, cancelledMeasures);
export const DELIVERY_MEASURES = measuresOf(deliveredMeasures);
export const INVOICE_MEASURES = measuresOf(invoicedMeasures);

/** Adds (sign 1) or takes away (sign −1) what the sources give to `measures`, in one UPSERT. */
export function upsertSql(sources: string[], measures: readonly Measure[] = MEASURES): string {
  const cols = [...KEY, ...measures];
  return `INSERT INTO daily_sales (${cols.join(', ')})
    SELECT ${KEY.join(', ')}, ${measures.map((m) => `@sign * sum(${m})`).join(', ')}
    FROM (${sources.join('\n UNION ALL ')}) WHERE true GROUP BY ${KEY.join(', ')}
    ON CONFLICT (${KEY.join(', ')}) DO UPDATE SET ${measures.map((m) => `${m} = ${m} + excluded.${m}`).join(', ')}`;
}
