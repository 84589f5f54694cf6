import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import stat1 from '../fixtures/sqlite-stat1-M.json';
import { drawInvoice } from '../../src-main/documents/invoice-pdf';
import { newPdf } from '../../src-main/documents/pdf-kit';
import type { EngineContext } from '../../src-main/engine/context';
import { loadStatistics, preparedDuring, type Statistic } from '../support/query-plans';
import { startTestServer, TEST_TODAY, type TestServer } from '../support/test-server';
import { buildWorld, pickEverything } from '../support/world';

/**
 * Printing one invoice reads a few rows by key: every statement it runs seeks, none scans a table or
 * skip-scans an index. At L an invoice's delivery notes were found by skip-scanning the customer
 * index once per customer (16,000 of them, ≈ 10 ms of a 26 ms PDF) for want of an index on invoice_id.
 */
// What PRAGMA optimize wrote for delivery_notes on the L bench ledger (783,999 notes, 16,000 customers).
const extra: Statistic[] = [
  { tbl: 'delivery_notes', idx: 'delivery_notes_customer_idx', stat: '783999 48 2' },
  { tbl: 'delivery_notes', idx: 'delivery_notes_order_idx', stat: '783999 1' },
  { tbl: 'delivery_notes', idx: 'delivery_notes_number_unique', stat: '783999 1' },
];

let server: TestServer;
let ctx: EngineContext;
let invoiceId: number;

beforeAll(async () => {
  server = await startTestServer();
  const admin = await server.admin();
  const world = await buildWorld(admin);
  const order = await admin.ok('orders.place', {
    customerId: world.customerId,
    warehouseId: world.warehouseId,
    paymentType: 'credit',
    lines: [{ productId: world.glucose, quantity: 4 }],
  });
  await pickEverything(admin, world.warehouseId, [order.id]);
  invoiceId = (await admin.ok('deliveryNotes.post', { orderId: order.id })).invoiceId;
  ctx = { ledger: server.ledger, actor: null, now: () => TEST_TODAY };
  loadStatistics(server.ledger.sqlite, [...stat1.filter((s) => s.tbl !== 'delivery_notes'), ...extra]);
}, 30_000);
afterAll(() => server.close());

/** The plan of every statement a call prepares, read with the values of an invoice that exists. */
function plansOf(run: () => void): { sql: string; plan: string }[] {
  const { sqlite } = ctx.ledger;
  const seen = preparedDuring(sqlite, run);
  const prepare = sqlite.prepare.bind(sqlite);
  return seen.map((sql) => {
    const args = new Array(sql.split('?').length - 1).fill(invoiceId);
    const plan = prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...args) as { detail: string }[];
    return { sql, plan: plan.map((r) => r.detail).join('\n') };
  });
}

describe('the invoice PDF at M-like statistics', () => {
  it('finds the invoice’s delivery notes (ship-to, dispatches) by their invoice, not by skip-scanning customers', () => {
    const plans = plansOf(() => drawInvoice(ctx, newPdf({ title: 'Plans' }), invoiceId));
    const shipTo = plans.find((p) => p.sql.includes('AS shipToName'))!;
    expect(shipTo.plan).toMatch(/SEARCH d USING INDEX delivery_notes_invoice_idx \(invoice_id=\?\)/);
    const dispatches = plans.find((p) => p.sql.includes('AS vehicleNo'))!;
    expect(dispatches.plan).toMatch(/SEARCH d USING (COVERING )?INDEX delivery_notes_invoice_idx \(invoice_id=\?\)/);
  });

  it('runs no statement that scans a table or skip-scans an index', () => {
    const plans = plansOf(() => drawInvoice(ctx, newPdf({ title: 'Plans' }), invoiceId));
    expect(plans.length).toBeGreaterThan(8);
    for (const { sql, plan } of plans) {
      // The company row and the json_each of an invoice's product ids are the only scans, both of a few rows.
      const scans = plan.split('\n').filter((l) => /^SCAN (?!company\b|json_each\b)|ANY\(/.test(l));
      expect({ sql, scans }).toEqual({ sql, scans: [] });
    }
  });
});
