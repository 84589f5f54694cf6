import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reportIds } from '../../src-shared/contract/reports';
import { contract, type OperationName } from '../../src-shared/contract';
import { createApi, type Api } from '../../src-main/api/dispatch';
import { pdfText } from '../support/pdf-text';
import { startTestServer, TEST_TODAY, type TestClient, type TestServer } from '../support/test-server';
import { buildWorld, pickEverything, type World } from '../support/world';

/**
 * Heavy reads (reports, exports, PDFs, the dashboard) run in worker threads with their own
 * read-only connections. These tests use the real worker entry; a worker that holds each job
 * (holdMs) stands in for a year's report at L, so the checks are on ordering, not on timers.
 */
const range = { from: '2026-11-01', to: '2026-11-30' };

async function story(server: TestServer, admin: TestClient, world: World): Promise<{ invoiceId: number }> {
  server.setToday('2026-11-20');
  const place = (productId: number, quantity: number) =>
    admin.ok('orders.place', {
      customerId: world.customerId,
      warehouseId: world.warehouseId,
      paymentType: 'credit',
      requiredDate: '2026-11-21',
      lines: [{ productId, quantity }],
    });
  const a = await place(world.glucose, 10);
  const b = await place(world.tea, 4);
  await place(world.cream, 3);
  server.setToday('2026-11-21');
  await pickEverything(admin, world.warehouseId, [a.id, b.id]);
  // The default flow invoices a delivery note as the goods leave.
  await admin.ok('deliveryNotes.post', { orderId: a.id });
  const invoice = (await admin.ok('invoices.list', {})).rows[0];
  await admin.ok('payments.record', {
    customerId: world.customerId,
    receivedOn: '2026-11-21',
    mode: 'cash',
    amount: 50_00,
  });
  server.setToday('2026-11-22');
  return { invoiceId: invoice.id };
}

describe('heavy reads in a worker thread give the main thread’s answers', () => {
  let server: TestServer;
  let admin: TestClient;
  let inline: Api;
  let token: string;
  let invoiceId: number;

  beforeAll(async () => {
    server = await startTestServer({ readWorkers: 1 });
    admin = await server.admin();
    ({ invoiceId } = await story(server, admin, await buildWorld(admin)));
    // The same ledger through a dispatcher with no pool: every heavy read runs on this thread.
    inline = createApi(server.ledger, { log: () => {}, now: () => TEST_TODAY });
    const login = await inline.call('auth.login', { username: 'admin', password: 'correct-horse' });
    token = login.session!;
  }, 60_000);
  afterAll(() => server.close());

  const both = async (name: OperationName, input: unknown) => {
    const viaWorker = await admin.raw(name, input);
    const onMain = await inline.call(name, input, token);
    expect(contract[name].runs).toBe('worker');
    expect(viaWorker.status).toBe(onMain.status);
    return { viaWorker: viaWorker.body, onMain: onMain.body as any };
  };

  it.each(reportIds)('report %s', async (report) => {
    const { viaWorker, onMain } = await both('reports.run', { report, filters: range, sort: null });
    expect(viaWorker.rows.length + viaWorker.notes.length).toBeGreaterThan(0);
    expect(viaWorker).toEqual(onMain);
  });

  it('the dashboard, a CSV export of a report and of the orders list', async () => {
    for (const trend of ['day', 'month'] as const) {
      const { viaWorker, onMain } = await both('dashboard.get', { trend });
      expect(viaWorker).toEqual(onMain);
    }
    const report = await both('reports.export', { report: 'sales_performance', filters: range, format: 'csv' });
    expect(report.viaWorker).toEqual(report.onMain);
    const orders = await both('orders.export', { format: 'csv' });
    expect(orders.viaWorker).toEqual(orders.onMain);
  });

  it('an invoice PDF with the same text, and a refusal with the same error', async () => {
    const pdf = await both('documents.invoice', { id: invoiceId });
    expect(pdfText(pdf.viaWorker).text).toContain('TAX INVOICE');
    expect(pdfText(pdf.viaWorker).text).toEqual(pdfText(pdf.onMain).text);
    const missing = await both('documents.invoice', { id: 999_999 });
    expect(missing.viaWorker.error.code).toBe('not_found');
    expect(missing.viaWorker).toEqual(missing.onMain);
  });
});

describe('the main thread stays free while a worker is busy', () => {
  let server: TestServer;
  let admin: TestClient;

  beforeAll(async () => {
    server = await startTestServer({ readWorkers: 1, holdMs: 1500 });
    admin = await server.admin();
    await buildWorld(admin);
  }, 60_000);
  afterAll(() => server.close());

  it('answers cheap calls while a heavy report runs', async () => {
    const finished: string[] = [];
    const report = admin
      .raw('reports.run', { report: 'sales_performance', filters: range, sort: null })
      .then((result) => (finished.push('report'), result));
    const cheap: number[] = [];
    for (let i = 0; i < 5; i += 1) {
      const started = performance.now();
      expect((await admin.raw('auth.me', {})).status).toBe(200);
      cheap.push(performance.now() - started);
      finished.push('auth.me');
    }
    expect((await report).status).toBe(200);
    expect(finished).toEqual(['auth.me', 'auth.me', 'auth.me', 'auth.me', 'auth.me', 'report']);
    // Generous: the point is that none waited for the report's 1.5 s.
    expect(Math.max(...cheap)).toBeLessThan(1000);
  });

  it('a worker that dies under a report gives a clean 503, and the next report is answered', async () => {
    const report = admin.raw('reports.run', { report: 'order_summary', filters: range, sort: null });
    await new Promise((resolve) => setTimeout(resolve, 200));
    const [thread] = server.readPool!.threads();
    await thread!.terminate();
    const lost = await report;
    expect(lost.status).toBe(503);
    expect(lost.body.error.code).toBe('unavailable');
    const again = await admin.raw('reports.run', { report: 'order_summary', filters: range, sort: null });
    expect(again.status).toBe(200);
    expect((await admin.raw('auth.me', {})).status).toBe(200);
  }, 30_000);
});

describe('an idle worker gives its memory back', () => {
  let server: TestServer;
  let admin: TestClient;

  beforeAll(async () => {
    server = await startTestServer({ readWorkers: 1, recycleIdleMs: 300 });
    admin = await server.admin();
    await buildWorld(admin);
  }, 60_000);
  afterAll(() => server.close());

  it('is replaced by a fresh thread once idle after a report, which answers the next report', async () => {
    expect((await admin.raw('reports.run', { report: 'order_summary', filters: range, sort: null })).status).toBe(200);
    const [used] = server.readPool!.threads();
    await expect.poll(() => server.readPool!.threads()[0] !== used, { timeout: 10_000 }).toBe(true);
    expect(server.readPool!.threads()).toHaveLength(1);
    const again = await admin.raw('reports.run', { report: 'order_summary', filters: range, sort: null });
    expect(again.status).toBe(200);
  }, 30_000);
});
