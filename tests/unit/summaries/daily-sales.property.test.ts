import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deliveredValueSql } from '../../../src-main/engine/reports/billed-lines';
import { addDays } from '../../../src-shared/dates';
import { MEASURES } from '../../../src-main/engine/summaries/daily-sales-sql';
import { rebuildSql } from '../../../src-main/engine/summaries/daily-sales';
import { fillSalesRollupsIfEmpty, rebuildSalesRollupsOn } from '../../../src-main/engine/summaries/sales-rollups';
import { rollupDays, rollupRange } from '../../../src-main/engine/summaries/sales-rollups-read';
import { foldPendingRollups } from '../../../src-main/engine/summaries/pending-rollups';
import { startTestServer, type TestClient, type TestServer } from '../../support/test-server';
import { biscuit, retailer } from '../../support/fixtures';
import { buildWorld, pickEverything, setCompany, type World } from '../../support/world';

/**
 * Random histories through the API — orders placed, cancelled, partly and fully delivered, invoiced over
 * several notes, invoices cancelled, credit notes, counter sales — on business days that often cross
 * midnight IST. After each history the summary must equal (1) a rebuild from scratch and (2) the same
 * figures computed here from the lines by SQL that shares nothing with the summary's, to the paisa;
 * and the reports read from the summary must equal the same reports read from the lines.
 */
let server: TestServer;
let admin: TestClient;
let world: World;
let customers: number[];
let products: number[];
let clock = Date.parse('2026-11-01T18:20:00Z');

beforeAll(async () => {
  server = await startTestServer();
  admin = await server.admin();
  world = await buildWorld(admin, { creditLimit: 1_00_00_000_00 });
  // Invoices raised separately, so one invoice can take several notes (of several orders) days later.
  await setCompany(admin, { invoiceFlow: 'before_dispatch', invoiceCancelDays: 3 });
  const other = await admin.ok(
    'customers.create',
    retailer({ code: 'RT0002', name: 'Nashik Stores', creditLimit: 1_00_00_000_00, gstin: '' }),
  );
  customers = [world.customerId, other.id];
  const cup = (await admin.ok('products.create', biscuit({ sku: 'CUP-1', name: 'Cup', barcodes: [], price: 333 }))).id;
  products = [world.glucose, world.cream, cup];
  await admin.ok('inventory.receive', {
    warehouseId: world.warehouseId,
    lines: products.map((productId) => ({ productId, batchNo: 'BIG', expiresOn: '2028-01-01', quantity: 1_000_000 })),
  });
  // Free goods: every 10 glucose earn a cup, so billed lines include free ones.
  await admin.ok('schemes.create', {
    code: 'G10',
    name: 'Glucose 10+1 cup',
    rule: {
      kind: 'free_goods',
      buyProductId: world.glucose,
      buyQuantity: 10,
      getProductId: cup,
      getQuantity: 1,
      repeat: true,
    },
  });
}, 60_000);
afterAll(() => server.close());

const step = fc.record({
  // minutes to move the clock; 18:30 UTC is midnight IST, and small steps land on either side of it
  advance: fc.oneof(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 60, max: 2 * 24 * 60 })),
  action: fc.oneof(
    fc.record({
      kind: fc.constant('place' as const),
      customer: fc.nat(1),
      lines: fc.array(fc.record({ product: fc.nat(2), quantity: fc.integer({ min: 1, max: 25 }) }), {
        minLength: 1,
        maxLength: 3,
      }),
    }),
    fc.record({ kind: fc.constant('cancel' as const), pick: fc.nat() }),
    fc.record({ kind: fc.constant('deliver' as const), pick: fc.nat(), half: fc.boolean() }),
    fc.record({ kind: fc.constant('invoice' as const), customer: fc.nat(1) }),
    fc.record({ kind: fc.constant('cancelInvoice' as const), pick: fc.nat() }),
    fc.record({ kind: fc.constant('creditNote' as const), pick: fc.nat(), restock: fc.boolean() }),
    fc.record({ kind: fc.constant('counter' as const), product: fc.nat(2), quantity: fc.integer({ min: 1, max: 12 }) }),
    // A receipt dated today or a few days back (rollup receipts count on received_on), and a bounced one reversed.
    fc.record({
      kind: fc.constant('pay' as const),
      customer: fc.nat(1),
      daysBack: fc.nat(40),
      amount: fc.integer({ min: 1, max: 5_000_00 }),
    }),
    fc.record({ kind: fc.constant('reversePayment' as const), pick: fc.nat() }),
  ),
});
type Step = typeof step extends fc.Arbitrary<infer T> ? T : never;

const all = <T>(sql: string, ...params: unknown[]) => server.ledger.sqlite.prepare(sql).all(...params) as T[];
const pickOf = <T>(rows: T[], n: number): T | undefined => rows[n % Math.max(1, rows.length)];

async function run(s: Step): Promise<void> {
  // Snap small steps to just before midnight IST so they cross it.
  clock += s.advance * 60_000;
  if (s.advance <= 3)
    clock = Math.floor(clock / 86_400_000) * 86_400_000 + (18 * 60 + 29) * 60_000 + s.advance * 30_000;
  server.setNow(new Date(clock));
  // Days pass: the session would expire, so sign in again as a clerk coming back would.
  await admin.ok('auth.login', { username: 'admin', password: 'correct-horse' });
  const a = s.action;
  const orders = all<{ id: number }>("SELECT id FROM orders WHERE status <> 'cancelled' ORDER BY id");
  if (a.kind === 'place') {
    await admin.call('orders.place', {
      customerId: customers[a.customer]!,
      warehouseId: world.warehouseId,
      paymentType: 'credit',
      lines: a.lines.map((l) => ({ productId: products[l.product]!, quantity: l.quantity })),
    });
  } else if (a.kind === 'cancel') {
    const o = pickOf(orders, a.pick);
    if (o) await admin.call('orders.cancel', { id: o.id, reason: 'changed their mind' });
  } else if (a.kind === 'deliver') {
    const o = pickOf(orders, a.pick);
    if (!o) return;
    await pickEverything(admin, world.warehouseId, [o.id]).catch(() => undefined);
    const stock = await admin.call('deliveryNotes.deliverable', { orderId: o.id });
    const picked = (stock.status === 200 ? stock.body : []) as { reservationId: number; quantity: number }[];
    if (picked.length === 0) return;
    const lines = a.half
      ? picked.map((r) => ({ reservationId: r.reservationId, quantity: Math.ceil(r.quantity / 2) }))
      : null;
    await admin.call('deliveryNotes.post', { orderId: o.id, lines });
  } else if (a.kind === 'invoice') {
    const notes = all<{ id: number }>(
      'SELECT id FROM delivery_notes WHERE invoice_id IS NULL AND customer_id = ?',
      customers[a.customer]!,
    );
    if (notes.length) await admin.call('invoices.post', { deliveryNoteIds: notes.map((n) => n.id) });
  } else if (a.kind === 'cancelInvoice') {
    const i = pickOf(all<{ id: number }>("SELECT id FROM invoices WHERE status = 'posted' ORDER BY id"), a.pick);
    if (i) await admin.call('invoices.cancel', { id: i.id, reason: 'wrong prices charged' });
  } else if (a.kind === 'creditNote') {
    const line = pickOf(
      all<{ id: number; invoiceId: number }>(
        "SELECT il.id, il.invoice_id AS invoiceId FROM invoice_lines il JOIN invoices i ON i.id = il.invoice_id WHERE i.status = 'posted' ORDER BY il.id",
      ),
      a.pick,
    );
    if (line)
      await admin.call('creditNotes.post', {
        invoiceId: line.invoiceId,
        kind: a.restock ? 'return' : 'price_difference',
        reason: 'damaged in transit',
        lines: [{ invoiceLineId: line.id, quantity: a.restock ? 1 : 0, taxable: a.restock ? 0 : 100 }],
      });
  } else if (a.kind === 'pay') {
    const today = new Date(clock + 330 * 60_000).toISOString().slice(0, 10);
    await admin.call('payments.record', {
      customerId: customers[a.customer]!,
      receivedOn: addDays(today, -a.daysBack),
      mode: 'bank',
      amount: a.amount,
    });
  } else if (a.kind === 'reversePayment') {
    const p = pickOf(all<{ id: number }>('SELECT id FROM payments WHERE reversed_on IS NULL ORDER BY id'), a.pick);
    if (p) await admin.call('payments.reverse', { id: p.id, reason: 'cheque bounced' });
  } else {
    await admin.call('counter.sale', {
      customerId: customers[0]!,
      warehouseId: world.warehouseId,
      lines: [{ productId: products[a.product]!, quantity: a.quantity }],
      payment: { mode: 'upi', tendered: 0, reference: '' },
    });
  }
}

/** The summary without rows whose figures all came back to nothing (an order booked, then cancelled…). */
function summaryRows() {
  const nonZero = MEASURES.map((m) => `${m} <> 0`).join(' OR ');
  return all(
    `SELECT * FROM daily_sales WHERE ${nonZero} ORDER BY day, customer_id, product_id, warehouse_id, clerk_id`,
  );
}

/** Rebuilds inside a transaction that is then rolled back, so the incremental summary carries on being tested. */
function rebuiltRows() {
  let rows: unknown[] = [];
  const rollback = new Error('roll back');
  try {
    server.ledger.sqlite.transaction(() => {
      server.ledger.sqlite.prepare('DELETE FROM daily_sales').run();
      server.ledger.sqlite.prepare(rebuildSql).run({ sign: 1 });
      rows = summaryRows();
      throw rollback;
    })();
  } catch (e) {
    if (e !== rollback) throw e;
  }
  return rows;
}

/** The rollups without rows that came back to nothing, in key order. */
function rollupRows() {
  const nonZero = [...MEASURES, 'received'].map((m) => `${m} <> 0`).join(' OR ');
  return all(`SELECT * FROM sales_rollups WHERE ${nonZero} ORDER BY dimension, grain, period, key_id`);
}

/** The rollups as kept by the postings equal a rebuild from daily_sales (rolled back afterwards). */
function rebuiltRollups() {
  let rows: unknown[] = [];
  const rollback = new Error('roll back');
  try {
    server.ledger.sqlite.transaction(() => {
      rebuildSalesRollupsOn(server.ledger.sqlite);
      rows = rollupRows();
      throw rollback;
    })();
  } catch (e) {
    if (e !== rollback) throw e;
  }
  return rows;
}

/**
 * A ledger kept before the quarter and year grains existed gets them at open, and one from before the received
 * column its payments: the same rows the postings and the payments' triggers keep.
 */
function rollupsFilledAtOpen() {
  let rows: unknown[] = [];
  const rollback = new Error('roll back');
  try {
    server.ledger.sqlite.transaction(() => {
      server.ledger.sqlite.prepare("DELETE FROM sales_rollups WHERE grain IN ('quarter', 'year')").run();
      server.ledger.sqlite.prepare('UPDATE sales_rollups SET received = 0').run();
      expect(fillSalesRollupsIfEmpty(server.ledger.sqlite)).toBe(true);
      rows = rollupRows();
      throw rollback;
    })();
  } catch (e) {
    if (e !== rollback) throw e;
  }
  return rows;
}

/** Over ranges that cut months in every way, a rollup range sums to what daily_sales gives for those days. */
function compareRollupRanges() {
  const sums =
    'sum(billed_value) AS v, sum(booked_value) AS b, sum(invoices) AS n, sum(product_invoices) AS pn, sum(received) AS r';
  const days = rollupDays(server.ledger.sqlite);
  for (const [from, to] of [
    ['2026-09-20', '2026-11-10'], // payments dated back
    ['2026-10-25', '2026-12-31'],
    ['2026-11-02', '2026-11-29'],
    ['2026-11-16', '2026-11-16'],
    ['2026-10-31', '2026-12-01'],
    ['2026-11-03', '2027-01-30'],
    ['2026-01-01', '2026-12-31'], // a calendar year: its year row
    ['2026-04-01', '2027-03-31'], // a financial year: the year less a quarter, plus a quarter
    ['2025-11-22', '2026-11-22'], // a year to date: the year less the days and month not yet come
    ['2026-10-01', '2026-12-31'], // a quarter
  ] as const)
    for (const [dimension, key] of [
      ['customer', 'customer_id'],
      ['product', 'product_id'],
      ['all', '0'],
    ] as const) {
      const measures = ['billed_value', 'booked_value', 'invoices', 'product_invoices', 'received'] as const;
      // As asked, and stretched over the days before the first and after the last posting (rollupDays).
      const [range, stretched] = [
        rollupRange(dimension, from, to, measures),
        rollupRange(dimension, from, to, measures, days),
      ];
      const fromRollups = all(
        `SELECT key_id AS k, ${sums} FROM ${range.sql} s GROUP BY key_id HAVING v <> 0 OR b <> 0 OR n <> 0 OR pn <> 0 OR r <> 0 ORDER BY 1`,
        ...range.params,
      );
      expect(
        all(
          `SELECT key_id AS k, ${sums} FROM ${stretched.sql} s GROUP BY key_id HAVING v <> 0 OR b <> 0 OR n <> 0 OR pn <> 0 OR r <> 0 ORDER BY 1`,
          ...stretched.params,
        ),
        `${dimension} ${from}..${to} stretched`,
      ).toEqual(fromRollups);
      // daily_sales, and the payments for received (a product has none).
      const fromSummary = all(
        `SELECT k, ${sums} FROM (
           SELECT ${key} AS k, billed_value, booked_value, invoices, product_invoices, 0 AS received
           FROM daily_sales WHERE day BETWEEN @from AND @to
           UNION ALL SELECT ${dimension === 'customer' ? 'customer_id' : '0'}, 0, 0, 0, 0, amount FROM payments
           WHERE ${dimension === 'product' ? 'false' : 'true'} AND reversed_on IS NULL AND received_on BETWEEN @from AND @to)
         GROUP BY 1 HAVING v <> 0 OR b <> 0 OR n <> 0 OR pn <> 0 OR r <> 0 ORDER BY 1`,
        { from, to },
      );
      expect(fromRollups, `${dimension} ${from}..${to}`).toEqual(fromSummary);
    }
}

/** Figures by (day, customer) from the summary and, independently, from the documents and their lines. */
function compareWithLines() {
  // Payments received, not reversed, by the day they were received: the customer day rollups against the payments.
  expect(
    all(
      `SELECT period AS day, key_id AS c, received AS v FROM sales_rollups
       WHERE dimension = 'customer' AND grain = 'day' AND received <> 0 ORDER BY 1, 2`,
    ),
  ).toEqual(
    all(
      `SELECT received_on AS day, customer_id AS c, sum(amount) AS v FROM payments WHERE reversed_on IS NULL
       GROUP BY 1, 2 ORDER BY 1, 2`,
    ),
  );
  const fromSummary = (cols: string, where = '1') =>
    all(
      `SELECT day, customer_id AS c, ${cols} FROM daily_sales WHERE ${where} GROUP BY day, customer_id HAVING ${cols
        .split(',')
        .map((c) => c.replace(/ AS \w+$/, '').trim() + ' <> 0')
        .join(' OR ')} ORDER BY 1, 2`,
    );
  const billed = all(
    "SELECT invoice_date AS day, customer_id AS c, count(*) AS n, sum(total) AS v FROM invoices WHERE status = 'posted' GROUP BY 1, 2 ORDER BY 1, 2",
  );
  expect(fromSummary('sum(invoices) AS n, sum(billed_value) AS v')).toEqual(billed);
  const billedLines =
    all(`SELECT i.invoice_date AS day, i.customer_id AS c, sum(il.quantity) AS q, sum(il.taxable) AS t,
      sum(il.cgst + il.sgst + il.igst) AS g, sum(il.is_free * il.quantity) AS f, sum(coalesce(il.cost, 0)) AS k
    FROM invoice_lines il JOIN invoices i ON i.id = il.invoice_id WHERE i.status = 'posted' GROUP BY 1, 2 ORDER BY 1, 2`);
  expect(
    fromSummary(
      'sum(billed_qty) AS q, sum(billed_taxable) AS t, sum(billed_tax) AS g, sum(free_qty) AS f, sum(billed_cost) AS k',
    ),
  ).toEqual(billedLines);
  const booked =
    all(`SELECT business_date(confirmed_at) AS day, customer_id AS c, count(*) AS n, sum(total) AS v FROM orders
    WHERE confirmed_at IS NOT NULL AND status <> 'cancelled' GROUP BY 1, 2 ORDER BY 1, 2`);
  expect(fromSummary('sum(booked_orders) AS n, sum(booked_value) AS v')).toEqual(booked);
  const lineSums = '(SELECT sum(total) FROM order_lines WHERE order_id = o.id)';
  const confirmed =
    all(`SELECT business_date(o.confirmed_at) AS day, o.customer_id AS c, count(*) AS n, sum(${lineSums}) AS v
    FROM orders o WHERE o.confirmed_at IS NOT NULL GROUP BY 1, 2 ORDER BY 1, 2`);
  expect(fromSummary('sum(confirmed_orders) AS n, sum(confirmed_value) AS v')).toEqual(confirmed);
  const cancelled =
    all(`SELECT business_date(o.cancelled_at) AS day, o.customer_id AS c, count(*) AS n, sum(${lineSums}) AS v
    FROM orders o WHERE o.confirmed_at IS NOT NULL AND o.cancelled_at IS NOT NULL GROUP BY 1, 2 ORDER BY 1, 2`);
  expect(fromSummary('sum(cancelled_orders) AS n, sum(cancelled_value) AS v')).toEqual(cancelled);
  const delivered =
    all(`SELECT business_date(dv.posted_at) AS day, o.customer_id AS c, sum(dl.quantity) AS q, sum(dv.value) AS v
    FROM (${deliveredValueSql}) dv JOIN orders o ON o.id = dv.order_id JOIN delivery_note_lines dl ON dl.id = dv.id
    GROUP BY 1, 2 ORDER BY 1, 2`);
  expect(fromSummary('sum(delivered_qty) AS q, sum(delivered_value) AS v')).toEqual(delivered);
}

/** A report read from the summary equals the same report read from the lines (a warehouse filter, here a no-op, forces the lines). */
async function compareReports() {
  const filters = { from: '2026-10-25', to: '2026-12-31' };
  const read = async (report: string, extra: Record<string, unknown>) =>
    (await admin.ok('reports.run', { report: report as 'order_summary', filters: { ...filters, ...extra } })) as {
      rows: unknown[];
      totals: unknown;
    };
  // Rollups against lines (a warehouse filter), and rollups against daily sales (a customer-type filter that
  // every customer passes, which the product rollup cannot answer).
  for (const [report, extra] of [
    ['sales_performance', { groupBy: 'customer' }],
    ['sales_performance', { groupBy: 'geography' }],
    ['sales_performance', { groupBy: 'product' }],
    ['booking_billing_backlog', { period: 'day' }],
    ['booking_billing_backlog', { period: 'week' }],
  ] as const) {
    const summary = await read(report, extra);
    const lines = await read(report, { ...extra, warehouseId: world.warehouseId });
    expect(summary.rows, `${report} ${JSON.stringify(extra)}`).toEqual(lines.rows);
    expect(summary.totals).toEqual(lines.totals);
  }
  const product = await read('product_contribution', {});
  const bySummary = await read('product_contribution', { customerType: 'retailer' });
  expect(product.rows).toEqual(bySummary.rows);
  expect(product.totals).toEqual(bySummary.totals);
  // Customer performance's booked, billed and received against the documents themselves, over the period and
  // over one that the payments dated back fall into.
  for (const period of [filters, { from: '2026-09-28', to: '2026-11-03' }]) {
    const customers = (await admin.ok('reports.run', { report: 'customer_performance', filters: period })).rows as {
      customerId: number;
      booked: number;
      billed: number;
      received: number;
    }[];
    for (const c of customers) {
      const [doc] = all<{ booked: number; billed: number; received: number }>(
        `SELECT (SELECT coalesce(sum(total), 0) FROM orders WHERE customer_id = @c AND confirmed_at IS NOT NULL
                   AND status <> 'cancelled' AND business_date(confirmed_at) BETWEEN @from AND @to) AS booked,
                (SELECT coalesce(sum(total), 0) FROM invoices WHERE customer_id = @c AND status = 'posted'
                   AND invoice_date BETWEEN @from AND @to) AS billed,
                (SELECT coalesce(sum(amount), 0) FROM payments WHERE customer_id = @c AND reversed_on IS NULL
                   AND received_on BETWEEN @from AND @to) AS received`,
        { c: c.customerId, ...period },
      );
      expect({ booked: c.booked, billed: c.billed, received: c.received }).toEqual(doc);
    }
  }
  // The dashboard's billing against the invoices table, as it read it before the rollups.
  const d = (await admin.ok('dashboard.get', { trend: 'week' })) as {
    today: string;
    salesToday: number;
    salesMonth: number;
    trend: unknown[];
    topCustomers: unknown[];
  };
  const monthStart = `${d.today.slice(0, 7)}-01`;
  const [sales] = all<{ today: number; month: number }>(
    `SELECT coalesce(sum(CASE WHEN invoice_date = ? THEN total END), 0) AS today, coalesce(sum(total), 0) AS month
     FROM invoices WHERE status = 'posted' AND invoice_date >= ?`,
    d.today,
    monthStart,
  );
  expect({ today: d.salesToday, month: d.salesMonth }).toEqual(sales);
  expect(d.trend).toEqual(
    all(
      `SELECT strftime('%Y-W%W', invoice_date) AS period, sum(total) AS billed FROM invoices
       WHERE status = 'posted' AND invoice_date >= date(?, '-83 days') GROUP BY period ORDER BY period`,
      d.today,
    ),
  );
  expect(d.topCustomers).toEqual(
    all(
      `SELECT c.id, c.name, sum(i.total) AS billed FROM invoices i JOIN customers c ON c.id = i.customer_id
       WHERE i.status = 'posted' AND i.invoice_date >= ? GROUP BY c.id ORDER BY billed DESC, c.id LIMIT 8`,
      monthStart,
    ),
  );
}

describe('the daily sales summary and its rollups over random histories', () => {
  it('equal a rebuild, the figures recomputed from the lines, and the reports read from the lines', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 3, maxLength: 10 }), async (steps) => {
        for (const s of steps) await run(s);
        expect(summaryRows()).toEqual(rebuiltRows());
        // Ranges and reports add the orders' rollup rows not yet folded (whether the idle timer ran or not)…
        compareRollupRanges();
        await compareReports();
        // …and once folded, the rollups are exactly a rebuild.
        foldPendingRollups(server.ledger.sqlite);
        expect(rollupRows()).toEqual(rebuiltRollups());
        compareWithLines();
        compareRollupRanges();
      }),
      { numRuns: 12 },
    );
    // One fixed history too, so every kind of posting happens whatever the random ones did: free goods billed,
    // a partial delivery, an invoice cancelled and raised again, a credit note, a confirmed order cancelled, a
    // counter sale. `pick` counts from the start of what is open now, so each step takes the newest one.
    const lastOf = (sql: string) => all<{ n: number }>(sql)[0]!.n - 1;
    const newestOrder = () => lastOf("SELECT count(*) AS n FROM orders WHERE status <> 'cancelled'");
    const fixed: (() => Step['action'])[] = [
      () => ({ kind: 'place', customer: 0, lines: [{ product: 0, quantity: 10 }] }),
      () => ({ kind: 'deliver', pick: newestOrder(), half: false }),
      () => ({ kind: 'invoice', customer: 0 }),
      () => ({ kind: 'place', customer: 0, lines: [{ product: 1, quantity: 8 }] }),
      () => ({ kind: 'deliver', pick: newestOrder(), half: true }),
      () => ({ kind: 'invoice', customer: 0 }),
      () => ({ kind: 'cancelInvoice', pick: lastOf("SELECT count(*) AS n FROM invoices WHERE status = 'posted'") }),
      () => ({ kind: 'invoice', customer: 0 }),
      () => ({
        kind: 'creditNote',
        pick: lastOf(
          "SELECT count(*) AS n FROM invoice_lines il JOIN invoices i ON i.id = il.invoice_id WHERE i.status = 'posted'",
        ),
        restock: true,
      }),
      () => ({ kind: 'place', customer: 1, lines: [{ product: 2, quantity: 3 }] }),
      () => ({ kind: 'cancel', pick: newestOrder() }),
      () => ({ kind: 'counter', product: 0, quantity: 2 }),
      () => ({ kind: 'pay', customer: 1, daysBack: 20, amount: 1_234_00 }),
      () => ({ kind: 'pay', customer: 0, daysBack: 0, amount: 99_00 }),
      () => ({ kind: 'reversePayment', pick: lastOf('SELECT count(*) AS n FROM payments WHERE reversed_on IS NULL') }),
    ];
    for (const action of fixed) await run({ advance: 90, action: action() });
    expect(summaryRows()).toEqual(rebuiltRows());
    compareRollupRanges();
    foldPendingRollups(server.ledger.sqlite);
    expect(rollupRows()).toEqual(rebuiltRollups());
    expect(rollupRows()).toEqual(rollupsFilledAtOpen());
    expect(all("SELECT 1 FROM sales_rollups WHERE grain = 'year'").length).toBeGreaterThan(0);
    compareWithLines();
    compareRollupRanges();
    await compareReports();
    // The histories did what they were meant to: every kind of posting happened at least once.
    const count = (sql: string) => all<{ n: number }>(sql)[0]!.n;
    expect(
      count("SELECT count(*) AS n FROM orders WHERE status = 'cancelled' AND confirmed_at IS NOT NULL"),
    ).toBeGreaterThan(0);
    expect(count("SELECT count(*) AS n FROM orders WHERE status = 'partially_delivered'")).toBeGreaterThan(0);
    expect(count("SELECT count(*) AS n FROM invoices WHERE status = 'cancelled'")).toBeGreaterThan(0);
    expect(count('SELECT count(*) AS n FROM invoice_lines WHERE is_free = 1')).toBeGreaterThan(0);
    expect(count('SELECT count(*) AS n FROM credit_notes')).toBeGreaterThan(0);
    expect(count("SELECT count(*) AS n FROM orders WHERE reference = 'Counter'")).toBeGreaterThan(0);
    expect(count('SELECT count(*) AS n FROM payments WHERE reversed_on IS NOT NULL')).toBeGreaterThan(0);
    expect(
      count("SELECT count(*) AS n FROM sales_rollups WHERE dimension = 'customer' AND received <> 0"),
    ).toBeGreaterThan(0);
  }, 600_000);
});
