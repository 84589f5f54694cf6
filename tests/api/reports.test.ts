import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdfText } from '../support/pdf-text';
import { startTestServer, type TestClient, type TestServer } from '../support/test-server';
import { buildWorld, pickEverything, setCompany, type World } from '../support/world';

let server: TestServer;
let admin: TestClient;
let world: World;
const range = { from: '2026-11-20', to: '2026-11-22' };

/**
 * Three days of business, figures worked out by hand:
 * 20th: A (10 glucose, ₹118.00, wanted 21st), B (4 tea, ₹210.00, wanted 21st), C (2 tea, ₹105.00) confirmed.
 * 21st: A delivered in full and invoiced; B half delivered; C cancelled.
 * 22nd: B's other half delivered and invoiced; A paid.
 */
beforeAll(async () => {
  server = await startTestServer();
  admin = await server.admin();
  world = await buildWorld(admin);
  // B's two notes go on one invoice, so this distributor invoices before dispatch.
  await setCompany(admin, { invoiceFlow: 'before_dispatch' });
  const place = (productId: number, quantity: number) =>
    admin.ok('orders.place', {
      customerId: world.customerId,
      warehouseId: world.warehouseId,
      paymentType: 'credit',
      requiredDate: '2026-11-21',
      lines: [{ productId, quantity }],
    });
  server.setToday('2026-11-20');
  const a = await place(world.glucose, 10);
  const b = await place(world.tea, 4);
  const c = await place(world.tea, 2);
  server.setToday('2026-11-21');
  await pickEverything(admin, world.warehouseId, [a.id, b.id]);
  const dnA = await admin.ok('deliveryNotes.post', { orderId: a.id });
  const teaB = (await admin.ok('deliveryNotes.deliverable', { orderId: b.id }))[0];
  await admin.ok('deliveryNotes.post', { orderId: b.id, lines: [{ reservationId: teaB.reservationId, quantity: 2 }] });
  await admin.ok('orders.cancel', { id: c.id, reason: 'customer cancelled' });
  await admin.ok('invoices.post', { deliveryNoteIds: [dnA.id] });
  server.setToday('2026-11-22');
  const dnB2 = await admin.ok('deliveryNotes.post', { orderId: b.id });
  const dnB1 = (await admin.ok('billing.toInvoice', {})).find(
    (n: { orderNumber: string; id: number }) => n.orderNumber === b.number && n.id !== dnB2.id,
  );
  await admin.ok('invoices.post', { deliveryNoteIds: [dnB1.id, dnB2.id] });
  await admin.ok('payments.record', {
    customerId: world.customerId,
    receivedOn: '2026-11-22',
    mode: 'cash',
    amount: 118_00,
  });
}, 30_000);
afterAll(() => server.close());

const run = (report: string, filters: Record<string, unknown> = {}) =>
  admin.ok('reports.run', { report: report as 'order_summary', filters: { ...range, ...filters } });

describe('reports against hand-computed figures', () => {
  it('booking, billing and backlog by day, across a partial delivery and a cancellation', async () => {
    const r = await run('booking_billing_backlog', { period: 'day' });
    expect(r.rows).toEqual([
      { period: '2026-11-20', booked: 328_00, billed: 0, backlog: 433_00 },
      { period: '2026-11-21', booked: 0, billed: 118_00, backlog: 105_00 },
      { period: '2026-11-22', booked: 0, billed: 210_00, backlog: 0 },
    ]);
    expect(r.totals).toMatchObject({ booked: 328_00, billed: 328_00, backlog: 0 });
  });

  it('on-time delivery counts a partly delivered order when its last delivery is made', async () => {
    const r = await run('on_time_delivery');
    expect(r.rows.map((x: { number: string; actual: string; delay: number }) => [x.actual, x.delay])).toEqual([
      ['2026-11-21', 0],
      ['2026-11-22', 1],
    ]);
    expect(r.totals).toMatchObject({ onTime: 5_000, delay: 0.5 });
    // Figures over every order, and one page of rows (200 at a time; here all of them).
    expect(r.page).toEqual({ total: 2, next: null });
    const figures = Object.fromEntries(r.summary.map((f: { key: string; value: number }) => [f.key, f.value]));
    expect(figures).toMatchObject({ orders: 2, onTime: 1, onTimePct: 5_000, medianDelay: 0.5, late1to2: 1 });
    // The next page starts after the cursor given: here, after the first row.
    const first = r.rows[0] as { orderId: number; actual: string };
    const rest = await admin.ok('reports.run', {
      report: 'on_time_delivery',
      filters: range,
      after: { key: first.actual, id: first.orderId },
    });
    expect(rest.rows).toEqual([r.rows[1]]);
    expect(rest.summary).toEqual(r.summary);
  });

  it('order-to-cash medians per stage for orders paid in the period', async () => {
    const r = await run('order_to_cash');
    expect(r.rows).toHaveLength(1);
    expect(r.totals).toMatchObject({ toDeliver: 1, toInvoice: 0, toPay: 1, total: 2 });
    expect(r.page).toEqual({ total: 1, next: null });
    expect(r.summary).toContainEqual({ key: 'medianTotal', label: 'Median order to cash', value: 2, type: 'days' });
  });

  it('sales by customer, order summary and pending orders', async () => {
    const sales = await run('sales_performance', { groupBy: 'customer' });
    expect(sales.rows).toEqual([
      expect.objectContaining({
        name: 'Sharma Traders (RT0001)',
        invoices: 2,
        units: 14,
        taxable: 300_00,
        tax: 28_00,
        value: 328_00,
      }),
    ]);
    const summary = await run('order_summary');
    expect(
      summary.rows.map((x: { status: string; orders: number; value: number }) => [x.status, x.orders, x.value]),
    ).toEqual([
      ['invoiced', 2, 328_00],
      ['cancelled', 1, 105_00],
    ]);
    expect((await run('pending_orders')).rows).toEqual([]);
    const byBrand = await run('sales_performance', { groupBy: 'brand' });
    expect(byBrand.rows.map((x: { name: string; value: number }) => [x.name, x.value])).toEqual([
      ['Amrut', 210_00],
      ['Sunrise', 118_00],
    ]);
  });

  it('filters narrow every figure: a product filter keeps only its orders', async () => {
    const r = await run('booking_billing_backlog', { period: 'day', productId: world.glucose });
    expect(r.rows.map((x: { booked: number; billed: number }) => [x.booked, x.billed])).toEqual([
      [118_00, 0],
      [0, 118_00],
      [0, 0],
    ]);
  });
});

describe('the dashboard', () => {
  it('counts orders by stage with their values and shows what is owed', async () => {
    const d = await admin.ok('dashboard.get', { trend: 'day' });
    const tile = (key: string) => d.tiles.find((t: { key: string }) => t.key === key);
    expect(tile('delivered')).toMatchObject({ count: 2, value: 328_00 });
    expect(tile('cancelled')).toMatchObject({ count: 1, value: 105_00 });
    expect(d).toMatchObject({ outstanding: 210_00, salesToday: 210_00, salesMonth: 328_00 });
    expect(d.trend).toEqual([
      { period: '2026-11-21', billed: 118_00 },
      { period: '2026-11-22', billed: 210_00 },
    ]);
    expect(d.topCustomers[0]).toMatchObject({ name: 'Sharma Traders', billed: 328_00 });
    expect(d.activity[0].message).toMatch(/RCPT|received|Invoice/);
  });
});

describe('the assistant over the API', () => {
  it('answers with the list it understood, and an export when asked', async () => {
    const overdue = await admin.ok('assistant.ask', { question: 'unpaid invoices of Sharma Traders' });
    expect(overdue.understood).toEqual(['unpaid invoices', 'customer: Sharma Traders (RT0001)']);
    expect(overdue.invoices).toEqual([expect.objectContaining({ customer: 'Sharma Traders', due: 210_00 })]);
    const excel = await admin.ok('assistant.ask', { question: 'sales by brand this month as excel' });
    expect(excel.report.rows.map((r: { name: string }) => r.name)).toEqual(['Amrut', 'Sunrise']);
    expect(excel.file.filename).toMatch(/\.xlsx$/);
    const nonsense = await admin.ok('assistant.ask', { question: 'what is the meaning of life' });
    expect(nonsense.orders).toBeNull();
    expect(nonsense.suggestions.length).toBeGreaterThan(0);
  });

  it('keeps to the user’s permissions', async () => {
    const clerk = await server.as('warehouse_clerk');
    expect((await clerk.call('assistant.ask', { question: 'overdue invoices' })).status).toBe(403);
  });
});

describe('exports', () => {
  it('CSV parses back to the rows on screen, dates as dd-mm-yyyy', async () => {
    const report = await run('booking_billing_backlog', { period: 'day' });
    const file = await admin.ok('reports.export', {
      report: 'booking_billing_backlog',
      filters: { ...range, period: 'day' },
      format: 'csv',
    });
    const parsed = Papa.parse<string[]>(
      Buffer.from(file.base64, 'base64')
        .toString('utf8')
        .replace(/^\uFEFF/, ''),
      { skipEmptyLines: true },
    ).data;
    expect(parsed[0]).toEqual(['Period', 'Booked', 'Billed', 'Backlog at period end']);
    expect(parsed.slice(1)).toEqual(
      report.rows.map((r: { period: string; booked: number; billed: number; backlog: number }) => [
        r.period.split('-').reverse().join('-'),
        (r.booked / 100).toFixed(2),
        (r.billed / 100).toFixed(2),
        (r.backlog / 100).toFixed(2),
      ]),
    );
  });

  it('XLSX opens with the same totals', async () => {
    const file = await admin.ok('reports.export', {
      report: 'sales_performance',
      filters: { ...range, groupBy: 'brand' },
      format: 'xlsx',
    });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(file.base64, 'base64') as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    const last = sheet.getRow(sheet.rowCount);
    expect(last.getCell(1).value).toBe('Total');
    expect(last.getCell(6).value).toBe(328);
  });

  it('PDF carries the title, the rows and the totals', async () => {
    const file = await admin.ok('reports.export', {
      report: 'booking_billing_backlog',
      filters: { ...range, period: 'day' },
      format: 'pdf',
    });
    const { text } = pdfText({ filename: file.filename, base64: file.base64 });
    for (const s of ['BOOKING, BILLING AND BACKLOG', '21-11-2026', '433.00', '328.00', 'Total'])
      expect(text).toContain(s);
  });
});
