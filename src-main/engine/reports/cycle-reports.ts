import { daysBetween } from '../../../src-shared/dates';
import type { EngineContext } from '../context';
import type { Where } from '../list-query';
import { orderFilters } from './report-filters';
import {
  figure,
  histogramFigures,
  nextCursor,
  pageWhere,
  sqlDays,
  type Histogram,
  type ReportPage,
} from './report-page';
import { col, type ReportFilters, type ReportResult } from './report-types';

/** The customer join, only where a filter reads the customer: the figures scan a year of orders. */
const milestonesFrom = (where: Where) =>
  `order_milestones m${/\bc\./.test(where.sql) ? ' JOIN customers c ON c.id = m.customer_id' : ''}`;

/**
 * Requested against actual delivery for orders completed in the period. The figures come from the
 * (delivered, requested) index alone, grouped by date pair then by days late; the rows are one page.
 */
export function onTimeDelivery(ctx: EngineContext, f: ReportFilters, page: ReportPage = 'all'): ReportResult {
  const { sqlite } = ctx.ledger;
  const where = orderFilters(f, { lines: false, milestones: true })
    .add('m.fully_delivered_on BETWEEN ? AND ?', f.from, f.to)
    .add('m.required_date IS NOT NULL');
  // Counted per (delivered, requested) pair first, in the covering index's order with no sort: a year
  // has a few hundred pairs whatever its orders, so the days late are worked out a few hundred times.
  const late = `max(0, ${sqlDays('r', 'd')})`;
  const h: Histogram = new Map(
    (
      sqlite
        .prepare(
          `SELECT ${late} AS v, sum(n) AS n FROM (SELECT m.fully_delivered_on AS d, m.required_date AS r, count(*) AS n
             FROM ${milestonesFrom(where)} ${where.sql} GROUP BY 1, 2) GROUP BY v`,
        )
        .all(...where.params) as { v: number; n: number }[]
    ).map((r) => [r.v, r.n]),
  );
  const delays = histogramFigures(h);
  const onTime = h.get(0) ?? 0;
  const onTimeBps = delays.n ? Math.round((onTime * 10_000) / delays.n) : 0;
  // Actual delivery (order_milestones.fully_delivered_on): the confirmed delivery date where a dispatch
  // recorded one, else the last delivery note's date; set once the order is delivered or invoiced.
  const p = pageWhere(where, 'm.fully_delivered_on', 'm.order_id', page);
  const rows = sqlite
    .prepare(
      `SELECT m.order_id AS orderId, m.number, c.name AS customer, m.required_date AS requested,
              m.fully_delivered_on AS actual
       FROM order_milestones m JOIN customers c ON c.id = m.customer_id
       ${p.sql} ORDER BY m.fully_delivered_on, m.order_id LIMIT ?`,
    )
    .all(...p.params) as { orderId: number; number: string; customer: string; requested: string; actual: string }[];
  const next = nextCursor(rows, page, (r) => ({ key: r.actual, id: r.orderId }));
  const shown = rows.map((r) => {
    const delay = Math.max(0, daysBetween(r.requested, r.actual));
    return { ...r, delay, onTime: delay === 0 ? 'yes' : 'no' };
  });
  return {
    title: 'On-time delivery',
    columns: [
      col('number', 'Order'),
      col('customer', 'Customer'),
      col('requested', 'Requested', 'date'),
      col('actual', 'Delivered', 'date'),
      col('delay', 'Days late', 'days'),
      col('onTime', 'On time'),
    ],
    rows: shown,
    totals: {
      number: delays.n,
      customer: null,
      requested: null,
      actual: null,
      delay: delays.average ?? 0,
      onTime: onTimeBps,
    },
    drill: { key: 'orderId', kind: 'order' },
    notes: [
      `${delays.n} orders fully delivered in the period; ${(onTimeBps / 100).toFixed(1)}% on time; average delay ${delays.n ? (delays.sum / delays.n).toFixed(1) : '0'} days.`,
      'A partly delivered order counts when its last delivery is made.',
    ],
    summary: [
      figure('orders', 'Orders delivered', delays.n),
      figure('onTime', 'On time', onTime),
      figure('onTimePct', 'On time %', onTimeBps, 'pct'),
      figure('averageDelay', 'Average days late', delays.average, 'days'),
      figure('medianDelay', 'Median days late', delays.median, 'days'),
      figure('late1to2', '1–2 days late', delays.count(1, 2)),
      figure('late3to7', '3–7 days late', delays.count(3, 7)),
      figure('late8plus', 'Over a week late', delays.count(8, Infinity)),
    ],
    ...(page === 'all' ? {} : { page: { total: delays.n, next } }),
  };
}

/**
 * Order → delivery → invoice → payment, in days, for orders paid in the period; medians per stage.
 * The figures come from a GROUP BY over the three stages' days (the total is their sum).
 */
export function orderToCash(ctx: EngineContext, f: ReportFilters, page: ReportPage = 'all'): ReportResult {
  const { sqlite } = ctx.ledger;
  const where = orderFilters(f, { lines: false, milestones: true }).add(
    'm.fully_paid_on BETWEEN ? AND ?',
    f.from,
    f.to,
  );
  // Counted per (paid, ordered, delivered, invoiced) date tuple first, in order_milestones_paid_stages_idx's
  // order with no sort and no table row (unless a filter reads one): the stages' days are then worked out per
  // tuple, a few hundred to a few thousand a year, instead of per order.
  const groups = sqlite
    .prepare(
      `SELECT ${sqlDays('o', 'dl')} AS d, ${sqlDays('dl', 'inv')} AS i, ${sqlDays('inv', 'paid')} AS p, sum(n) AS n
       FROM (SELECT m.fully_paid_on AS paid, m.order_date AS o, m.first_delivered_on AS dl, m.first_invoiced_on AS inv,
                    count(*) AS n
             FROM ${milestonesFrom(where)} ${where.sql} GROUP BY 1, 2, 3, 4)
       GROUP BY d, i, p`,
    )
    .all(...where.params) as { d: number; i: number; p: number; n: number }[];
  const stages = { toDeliver: new Map(), toInvoice: new Map(), toPay: new Map(), total: new Map() } as Record<
    'toDeliver' | 'toInvoice' | 'toPay' | 'total',
    Histogram
  >;
  const add = (h: Histogram, v: number, n: number) => h.set(v, (h.get(v) ?? 0) + n);
  for (const { d, i, p, n } of groups) {
    add(stages.toDeliver, d, n);
    add(stages.toInvoice, i, n);
    add(stages.toPay, p, n);
    add(stages.total, d + i + p, n);
  }
  const fig = {
    toDeliver: histogramFigures(stages.toDeliver),
    toInvoice: histogramFigures(stages.toInvoice),
    toPay: histogramFigures(stages.toPay),
    total: histogramFigures(stages.total),
  };
  // Milestones as the order's lines give them: first delivery note, first posted invoice, and (once
  // paid) the latest receipt, not reversed, settling its invoices.
  const pw = pageWhere(where, 'm.fully_paid_on', 'm.order_id', page);
  const rows = sqlite
    .prepare(
      `SELECT m.order_id AS orderId, m.number, c.name AS customer, m.order_date AS ordered,
              m.first_delivered_on AS delivered, m.first_invoiced_on AS invoiced, m.fully_paid_on AS paid
       FROM order_milestones m JOIN customers c ON c.id = m.customer_id
       ${pw.sql} ORDER BY m.fully_paid_on, m.order_id LIMIT ?`,
    )
    .all(...pw.params) as {
    orderId: number;
    number: string;
    customer: string;
    ordered: string;
    delivered: string;
    invoiced: string;
    paid: string;
  }[];
  const next = nextCursor(rows, page, (r) => ({ key: r.paid, id: r.orderId }));
  const shown = rows.map((r) => ({
    ...r,
    toDeliver: daysBetween(r.ordered, r.delivered),
    toInvoice: daysBetween(r.delivered, r.invoiced),
    toPay: daysBetween(r.invoiced, r.paid),
    total: daysBetween(r.ordered, r.paid),
  }));
  const total = fig.total;
  return {
    title: 'Order-to-cash cycle',
    columns: [
      col('number', 'Order'),
      col('customer', 'Customer'),
      col('ordered', 'Ordered', 'date'),
      col('toDeliver', 'Days to deliver', 'days'),
      col('toInvoice', 'Days to invoice', 'days'),
      col('toPay', 'Days to be paid', 'days'),
      col('total', 'Order to cash', 'days'),
    ],
    rows: shown,
    totals: {
      number: total.n,
      customer: null,
      ordered: null,
      toDeliver: fig.toDeliver.median,
      toInvoice: fig.toInvoice.median,
      toPay: fig.toPay.median,
      total: total.median,
    },
    drill: { key: 'orderId', kind: 'order' },
    notes: ['Orders fully paid in the period. The total line shows the median of each stage, in days.'],
    summary: [
      figure('orders', 'Orders paid', total.n),
      figure('averageToDeliver', 'Average days to deliver', fig.toDeliver.average, 'days'),
      figure('averageToInvoice', 'Average days to invoice', fig.toInvoice.average, 'days'),
      figure('averageToPay', 'Average days to be paid', fig.toPay.average, 'days'),
      figure('averageTotal', 'Average order to cash', total.average, 'days'),
      figure('medianTotal', 'Median order to cash', total.median, 'days'),
      figure('within15', 'Cash within 15 days', total.count(-Infinity, 15)),
      figure('within30', '16–30 days', total.count(16, 30)),
      figure('within60', '31–60 days', total.count(31, 60)),
      figure('over60', 'Over 60 days', total.count(61, Infinity)),
    ],
    ...(page === 'all' ? {} : { page: { total: total.n, next } }),
  };
}
