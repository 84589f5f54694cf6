import type Database from 'better-sqlite3';
import { MEASURES } from '../../src-main/engine/summaries/daily-sales-sql';
import { DEFAULT_TIME_ZONE, dateInTimeZone } from '../../src-shared/dates';
import { batchedInsert } from './batched-insert';

/**
 * The generator's summaries (daily_sales, sales_rollups, order_milestones), summed in JS while the orders are
 * written instead of by the app's SQL rebuilds afterwards, which take most of an hour at L. They must be what
 * the rebuilds give (rebuildDailySalesOn, rebuildSalesRollupsOn, rebuildOrderMilestones): the generator's test
 * compares them row for row at S, so this file cannot drift from the app's summary semantics unnoticed.
 *
 * It knows only the generator's shapes: one delivery note carrying every line in full, at most one invoice
 * carrying every line (no charges, no round-off, every line costed), one payment settling it, no free goods, no
 * discounts, no dispatch notes, no returns.
 */
export interface SummaryLine {
  productId: number;
  quantity: number;
  taxable: number;
  tax: number;
  total: number;
  /** cost of goods of the invoiced line */
  cost: number;
}

export interface SummaryOrder {
  orderId: number;
  number: string;
  customerId: number;
  warehouseId: number;
  clerkId: number;
  status: string;
  paymentStatus: string;
  orderDate: string;
  requiredDate: string;
  confirmedAt: string;
  cancelledAt: string | null;
  total: number;
  lines: SummaryLine[];
  /** the delivery note's posting instant: every line delivered in full */
  deliveredAt: string | null;
  /** the posted invoice's date: every line billed */
  invoiceDate: string | null;
  /** the day the payment settling the invoice was received */
  paidOn: string | null;
}

/**
 * The measures these shapes can make other than 0; the rest are left to the columns' default (0), which saves a
 * third of each row's binding. A measure missing here cannot be `put` (its type says so).
 */
const WRITTEN = [
  'confirmed_orders',
  'confirmed_qty',
  'confirmed_value',
  'booked_orders',
  'booked_qty',
  'booked_value',
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
] as const satisfies readonly (typeof MEASURES)[number][];
const at = Object.fromEntries(WRITTEN.map((m, i) => [m, i])) as Record<(typeof WRITTEN)[number], number>;
/** Adds to one measure of a summary row. */
const put = (m: number[], measure: (typeof WRITTEN)[number], value: number) => {
  m[at[measure]] = m[at[measure]]! + value;
};
const OPEN = new Set(['confirmed', 'processing', 'picked', 'partially_delivered']);
const quarterOf = (month: string) => `${month.slice(0, 5)}Q${Math.floor((Number(month.slice(5, 7)) + 2) / 3)}`;

interface DayRow {
  key: number;
  customerId: number;
  productId: number;
  warehouseId: number;
  clerkId: number;
  m: number[];
}

export function summaryWriter(db: Database.Database) {
  const days = new Map<string, Map<number, DayRow>>();
  const flushed = new Set<string>();
  const businessDays = new Map<string, string>();
  const businessDate = (instant: string) => {
    let d = businessDays.get(instant);
    if (d === undefined) {
      d = dateInTimeZone(new Date(instant), DEFAULT_TIME_ZONE);
      businessDays.set(instant, d);
    }
    return d;
  };
  const dailySales = batchedInsert(
    db,
    `INSERT INTO daily_sales (day, customer_id, product_id, warehouse_id, clerk_id, ${WRITTEN.join(', ')})`,
    `(${Array(5 + WRITTEN.length)
      .fill('?')
      .join(', ')})`,
  );
  const rollups = batchedInsert(
    db,
    `INSERT INTO sales_rollups (dimension, grain, period, key_id, ${WRITTEN.join(', ')})`,
    `(${Array(4 + WRITTEN.length)
      .fill('?')
      .join(', ')})`,
  );
  const milestones = batchedInsert(
    db,
    `INSERT INTO order_milestones (order_id, number, customer_id, warehouse_id, created_by, status, payment_status,
       order_date, required_date, confirmed_at, confirmed_on, first_delivered_at, first_delivered_on, last_delivered_at,
       last_delivered_on, fully_delivered_on, first_invoiced_on, fully_invoiced_on, fully_paid_on, invoiced_value,
       open_lines, undelivered_since)`,
    `(${Array(22).fill('?').join(', ')})`,
  );

  const row = (day: string, o: SummaryOrder, productId: number): number[] => {
    if (flushed.has(day)) throw new Error(`Order ${o.number} reaches ${day}, already written: orders out of order`);
    let rows = days.get(day);
    if (!rows) days.set(day, (rows = new Map()));
    // customers < 2^20, products < 2^20, warehouses < 2^6, clerks < 2^6: an exact integer below 2^53, in key order
    const key = ((o.customerId * 2 ** 20 + productId) * 64 + o.warehouseId) * 64 + o.clerkId;
    let r = rows.get(key);
    if (!r) {
      r = { key, customerId: o.customerId, productId, warehouseId: o.warehouseId, clerkId: o.clerkId, m: [] };
      r.m = Array(WRITTEN.length).fill(0) as number[];
      rows.set(key, r);
    }
    return r.m;
  };

  /** Adds a row's measures into the sums of `id` in `map`. */
  const into = (map: Map<number, number[]>, id: number, m: number[]) => {
    let sums = map.get(id);
    if (!sums) map.set(id, (sums = Array(WRITTEN.length).fill(0) as number[]));
    for (let i = 0; i < m.length; i++) sums[i] = sums[i]! + m[i]!;
  };
  /** Rollup sums by `dimension|grain|period`, then key id: months as the days go, quarters and years at the end. */
  const coarse = new Map<string, Map<number, number[]>>();
  const coarseOf = (dimension: string, grain: string, period: string) => {
    const id = `${dimension}|${grain}|${period}`;
    let map = coarse.get(id);
    if (!map) coarse.set(id, (map = new Map()));
    return map;
  };

  /** Writes a finished day: its daily_sales rows in key order, its day rollups, and folds it into the months. */
  const writeDay = (day: string) => {
    const rows = [...days.get(day)!.values()].sort((a, b) => a.key - b.key);
    days.delete(day);
    flushed.add(day);
    const all = Array(WRITTEN.length).fill(0) as number[];
    const byCustomer = new Map<number, number[]>();
    const byProduct = new Map<number, number[]>();
    for (const r of rows) {
      dailySales.addRow([day, r.customerId, r.productId, r.warehouseId, r.clerkId], r.m);
      for (let i = 0; i < r.m.length; i++) all[i] = all[i]! + r.m[i]!;
      into(byCustomer, r.customerId, r.m);
      into(byProduct, r.productId, r.m);
    }
    const month = day.slice(0, 7);
    const write = (dimension: string, map: Map<number, number[]>) => {
      const months = coarseOf(dimension, 'month', month);
      for (const id of [...map.keys()].sort((a, b) => a - b)) {
        rollups.addRow([dimension, 'day', day, id], map.get(id)!);
        into(months, id, map.get(id)!);
      }
    };
    write('all', new Map([[0, all]]));
    write('customer', byCustomer);
    write('product', byProduct);
  };

  return {
    /** One order's figures. Orders come in order of their first day: days before it are written out. */
    add(o: SummaryOrder): void {
      const confirmedOn = businessDate(o.confirmedAt);
      for (const day of [...days.keys()]) if (day < confirmedOn) writeDay(day);
      const notCancelled = o.status === 'cancelled' ? 0 : 1;
      const deliveredOn = o.deliveredAt === null ? null : businessDate(o.deliveredAt);
      const seen = new Set<number>();
      o.lines.forEach((l, n) => {
        const first = n === 0 ? 1 : 0;
        const c = row(confirmedOn, o, l.productId);
        put(c, 'confirmed_orders', first);
        put(c, 'confirmed_qty', l.quantity);
        put(c, 'confirmed_value', l.total);
        put(c, 'booked_orders', first * notCancelled);
        put(c, 'booked_qty', l.quantity * notCancelled);
        put(c, 'booked_value', first * notCancelled * o.total);
        if (o.cancelledAt !== null) {
          const x = row(businessDate(o.cancelledAt), o, l.productId);
          put(x, 'cancelled_orders', first);
          put(x, 'cancelled_qty', l.quantity);
          put(x, 'cancelled_value', l.total);
        }
        if (deliveredOn !== null) {
          const d = row(deliveredOn, o, l.productId);
          put(d, 'delivered_qty', l.quantity);
          // the cumulative-rounding share of one delivery carrying the whole line (SQL integer division)
          const share = (upto: number) => Math.floor((2 * l.total * upto + l.quantity) / (2 * l.quantity));
          put(d, 'delivered_value', share(l.quantity) - share(0));
        }
        if (o.invoiceDate !== null) {
          const b = row(o.invoiceDate, o, l.productId);
          put(b, 'invoices', first);
          put(b, 'product_invoices', seen.has(l.productId) ? 0 : 1);
          seen.add(l.productId);
          put(b, 'billed_qty', l.quantity);
          put(b, 'billed_taxable', l.taxable);
          put(b, 'billed_tax', l.tax);
          put(b, 'billed_value', l.total);
          put(b, 'billed_cost', l.cost);
          put(b, 'billed_costed_sales', l.taxable);
        }
      });
      const delivered = o.status === 'delivered' || o.status === 'invoiced';
      const openLines = deliveredOn === null ? o.lines.length : 0;
      milestones.add(
        o.orderId,
        o.number,
        o.customerId,
        o.warehouseId,
        o.clerkId,
        o.status,
        o.paymentStatus,
        o.orderDate,
        o.requiredDate,
        o.confirmedAt,
        confirmedOn,
        o.deliveredAt,
        deliveredOn,
        o.deliveredAt,
        deliveredOn,
        delivered ? deliveredOn : null,
        o.invoiceDate,
        o.status === 'invoiced' ? o.invoiceDate : null,
        o.paymentStatus === 'paid' ? o.paidOn : null,
        o.invoiceDate === null ? 0 : o.lines.reduce((sum, l) => sum + l.total, 0),
        openLines,
        OPEN.has(o.status) && openLines > 0 ? o.orderDate : null,
      );
    },
    /** Writes the days still held, then the month, quarter and year rollups in key order. */
    finish(): void {
      for (const day of [...days.keys()].sort()) writeDay(day);
      for (const [id, months] of [...coarse]) {
        const [dimension, , month] = id.split('|') as [string, string, string];
        const quarters = coarseOf(dimension, 'quarter', quarterOf(month));
        const years = coarseOf(dimension, 'year', month.slice(0, 4));
        for (const [key, m] of months) {
          into(quarters, key, m);
          into(years, key, m);
        }
      }
      // in the primary key's order: dimension, grain, period (none contains '|'), key id
      for (const id of [...coarse.keys()].sort()) {
        const [dimension, grain, period] = id.split('|');
        const sums = coarse.get(id)!;
        for (const key of [...sums.keys()].sort((a, b) => a - b))
          rollups.addRow([dimension, grain, period, key], sums.get(key)!);
      }
      dailySales.flush();
      rollups.flush();
      milestones.flush();
    },
  };
}
