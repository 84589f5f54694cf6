import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syncWorkerFor } from '../../src-main/engine/sync/sync-worker';
import { pgliteBackend, startTestHq, type TestHq } from '../support/hq';
import { startTestServer, TEST_TODAY, type TestClient, type TestServer } from '../support/test-server';
import { buildWorld, pickEverything, type World } from '../support/world';

/** A distributor's server enrolled with the reference HQ: its sales go up, HQ's prices and shipments come down. */

let hq: TestHq;
let server: TestServer;
let admin: TestClient;
let world: World;
let deviceId: string;
let today = TEST_TODAY;

beforeAll(async () => {
  hq = await startTestHq(pgliteBackend);
  server = await startTestServer();
  syncWorkerFor(server.ledger, {
    now: () => today,
    timeoutMs: 5_000,
    maxAttempts: 2,
    backoff: { baseMs: 5, capMs: 20 },
  });
  admin = await server.admin();
  world = await buildWorld(admin);
  await hq.admin('POST', '/admin/distributors', { code: 'D-PUNE', name: 'Pune Distributors' });
}, 60_000);
afterAll(async () => {
  await server?.close();
  await hq?.stop();
});

/** Moves both clocks; 20:00 UTC is already the next business day in India, within the session's life. */
const setNow = (instant: string) => {
  today = new Date(instant);
  server.setNow(today);
};
const eventsAtHq = async (type: string) =>
  hq.sql.query<{ payload: Record<string, unknown> }>(
    'select payload from events where device_id = $1 and type = $2 order by device_seq',
    [deviceId, type],
  );

describe('enrolment', () => {
  it('is for administrators only, refuses plain http to another computer, and refuses a wrong code', async () => {
    const clerk = await server.as('sales_clerk');
    expect((await clerk.call('sync.status', {})).status).toBe(403);
    const http = await admin.call('sync.enrol', { hqAddress: 'http://hq.brand.example', enrolmentCode: 'ABCDEF-123' });
    expect(http.status).toBe(400);
    expect(http.body.error).toMatchObject({ field: 'hqAddress' });
    expect(http.body.error.message).toMatch(/https:\/\//);
    const wrong = await admin.call('sync.enrol', { hqAddress: hq.url, enrolmentCode: 'NOT-A-CODE-1' });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error).toMatchObject({ field: 'enrolmentCode' });
    expect((await admin.ok('sync.status', {})).enrolled).toBe(false);
  });

  it('enrols with a one-time code and never shows the secret', async () => {
    const code = await hq.admin<{ code: string }>('POST', '/admin/enrolment-codes', { distributorCode: 'D-PUNE' });
    const status = await admin.ok('sync.enrol', {
      hqAddress: hq.url,
      enrolmentCode: code.body.code,
      deviceName: 'Office PC',
    });
    expect(status).toMatchObject({ enrolled: true, distributorCode: 'D-PUNE', enabled: false });
    expect(JSON.stringify(status)).not.toMatch(/secret/i);
    deviceId = status.deviceId;
    expect((await admin.ok('sync.setEnabled', { enabled: true })).enabled).toBe(true);
  });
});

describe('push from the posting services', () => {
  let invoiceId: number;
  let paymentId: number;
  it("sends an order, its delivery, invoice and payment to HQ once, and the day's control totals match", async () => {
    const order = await admin.ok('orders.place', {
      customerId: world.customerId,
      warehouseId: world.warehouseId,
      paymentType: 'credit',
      lines: [{ productId: world.glucose, quantity: 48 }],
    });
    await pickEverything(admin, world.warehouseId, [order.id]);
    const note = await admin.ok('deliveryNotes.post', { orderId: order.id, packages: 1, weightGrams: 5_000 });
    const invoice = await admin.ok('invoices.get', { id: note.invoiceId });
    invoiceId = invoice.id;
    paymentId = (
      await admin.ok('payments.record', {
        customerId: world.customerId,
        receivedOn: '2026-11-22',
        mode: 'cheque',
        reference: '004512',
        amount: 100_00,
      })
    ).id;
    expect((await admin.ok('sync.status', {})).queued).toBeGreaterThan(5);
    const run = await admin.ok('sync.now', {});
    expect(run).toMatchObject({ ok: true, status: { queued: 0, parked: 0, lastError: '' } });
    expect(run.status.controlTotals).toMatchObject({ businessDate: '2026-11-22', matches: true });
    const [posted] = await eventsAtHq('invoice.posted');
    expect(posted!.payload).toMatchObject({
      number: invoice.number,
      totals: { totalPaise: invoice.total },
      party: { code: 'RT0001' },
      warehouseCode: 'PUN',
    });
    for (const type of [
      'customer.created',
      'goods.received',
      'order.placed',
      'order.confirmed',
      'delivery-note.posted',
      'payment.received',
    ]) {
      expect((await eventsAtHq(type)).length, type).toBeGreaterThan(0);
    }
    // Every document's totals add up as printed: taxable + tax + round-off = total.
    for (const type of ['order.confirmed', 'invoice.posted']) {
      const { totals } = (await eventsAtHq(type))[0]!.payload as {
        totals: { taxablePaise: number; taxPaise: number; roundOffPaise: number; totalPaise: number };
      };
      expect(totals.taxablePaise + totals.taxPaise + totals.roundOffPaise, type).toBe(totals.totalPaise);
    }
    const [payment] = await eventsAtHq('payment.received');
    expect(payment!.payload).toMatchObject({
      amountPaise: 100_00,
      mode: 'cheque',
      reference: '004512',
      allocations: [{ invoiceNumber: invoice.number, amountPaise: 100_00 }],
    });
  }, 60_000);

  it('a bounced receipt and a cancelled invoice go to HQ as payment.reversed and invoice.cancelled', async () => {
    await admin.ok('payments.reverse', { id: paymentId, reason: 'Cheque bounced' });
    await admin.ok('invoices.cancel', { id: invoiceId, reason: 'Wrong customer billed' });
    const rows = server.ledger.sqlite
      .prepare(
        "SELECT type, payload FROM outbox_events WHERE type IN ('invoice.cancelled', 'payment.reversed') ORDER BY seq",
      )
      .all() as { type: string; payload: string }[];
    expect(rows.map((r) => r.type)).toEqual(['payment.reversed', 'invoice.cancelled']);
    expect(JSON.parse(rows[0]!.payload)).toMatchObject({
      amountPaise: 100_00,
      reversedOn: '2026-11-22',
      reason: 'Cheque bounced',
    });
    expect(JSON.parse(rows[1]!.payload)).toMatchObject({
      cancelledOn: '2026-11-22',
      reason: 'Wrong customer billed',
      lines: [{ sku: 'SUN-0001', qty: 48 }],
    });
    await syncWorkerFor(server.ledger).runNow();
    expect(await eventsAtHq('payment.reversed')).toHaveLength(1);
    expect(await eventsAtHq('invoice.cancelled')).toHaveLength(1);
  }, 60_000);
});

describe('pull from HQ', () => {
  it('uses an HQ price list from its first day and not before, naming the version that priced the line', async () => {
    await hq.admin('POST', '/admin/masters', {
      items: [
        {
          masterType: 'price-list',
          data: { code: 'STD', name: 'Standard', items: [{ sku: 'SUN-0001', ratePaise: 900 }] },
          validFrom: '2026-11-01',
        },
        {
          masterType: 'price-list',
          data: { code: 'STD', name: 'Standard', items: [{ sku: 'SUN-0001', ratePaise: 850 }] },
          validFrom: '2026-11-23',
        },
      ],
    });
    const run = await admin.ok('sync.now', {});
    expect(run).toMatchObject({ ok: true, pulled: 2 });
    const quote = (instant: string) => {
      setNow(instant);
      return admin.ok('orders.quote', {
        customerId: world.customerId,
        warehouseId: world.warehouseId,
        paymentType: 'credit',
        lines: [{ productId: world.glucose, quantity: 10 }],
      });
    };
    const todayQuote = await quote('2026-11-22T10:00:00Z');
    expect(todayQuote.lines[0]).toMatchObject({ unitPrice: 900 });
    expect(todayQuote.lines[0].priceSource).toContain('HQ STD v1');
    const tomorrow = await quote('2026-11-22T20:00:00Z'); // 01:30 on the 23rd in Pune
    expect(tomorrow.lines[0]).toMatchObject({ unitPrice: 850 });
    expect(tomorrow.lines[0].priceSource).toContain('HQ STD v2');
    setNow('2026-11-22T10:00:00Z');
  }, 60_000);

  it('receives a primary shipment with short and damaged goods, and tells HQ what arrived', async () => {
    await hq.admin('POST', '/admin/masters', {
      items: [
        {
          masterType: 'primary-shipment',
          validFrom: '2026-11-20',
          data: {
            brandInvoiceNumber: 'SUN/INV/7781',
            invoiceDate: '2026-11-20',
            distributorCode: 'D-PUNE',
            lines: [
              {
                sku: 'SUN-0001',
                batchNo: 'PS-11',
                mfgDate: '2026-11-01',
                expiryDate: '2027-11-01',
                qty: 96,
                ratePaise: 820,
              },
              {
                sku: 'SUN-0002',
                batchNo: 'PS-12',
                mfgDate: '2026-11-01',
                expiryDate: '2027-11-01',
                qty: 24,
                ratePaise: 1700,
              },
            ],
          },
        },
      ],
    });
    await admin.ok('sync.now', {});
    const [shipment] = await admin.ok('shipments.inTransit', {});
    expect(shipment).toMatchObject({
      brandInvoiceNumber: 'SUN/INV/7781',
      totalQty: 120,
      lines: [
        { batchNo: 'PS-11', qty: 96 },
        { batchNo: 'PS-12', qty: 24 },
      ],
    });
    const receipt = await admin.ok('shipments.receive', {
      id: shipment.id,
      warehouseId: world.warehouseId,
      lines: [
        { lineNo: 0, received: 90, damaged: 6 },
        { lineNo: 1, received: 24 },
      ],
    });
    expect(receipt.lines).toEqual([
      { lineNo: 0, expected: 96, received: 90, damaged: 6, short: 6, excess: 0 },
      { lineNo: 1, expected: 24, received: 24, damaged: 0, short: 0, excess: 0 },
    ]);
    expect(await admin.ok('shipments.inTransit', {})).toEqual([]);
    // Valued at the brand's rate on the shipment: 90 × ₹8.20 and 24 × ₹17.00 (the 6 damaged leave at the average).
    const valued = server.ledger.sqlite
      .prepare(
        `SELECT b.batch_no AS batchNo, m.value FROM stock_movements m JOIN batches b ON b.id = m.batch_id
         WHERE m.kind = 'receipt' AND b.batch_no IN ('PS-11', 'PS-12') ORDER BY m.id`,
      )
      .all();
    expect(valued).toEqual([
      { batchNo: 'PS-11', value: 90 * 820 },
      { batchNo: 'PS-12', value: 24 * 1700 },
    ]);
    const stock = await admin.ok('inventory.stock', { warehouseId: world.warehouseId, search: 'SUN-0001' });
    expect(stock.rows.find((r: { batchNo: string }) => r.batchNo === 'PS-11')).toMatchObject({ onHand: 84 });
    await admin.ok('sync.now', {});
    const received = (await eventsAtHq('goods.received'))
      .map((e) => e.payload)
      .find((p) => p.brandInvoiceNumber === 'SUN/INV/7781');
    // HQ hears of the good units: 90 arrived, 6 of them damaged; the 6 short never arrived.
    expect(received).toMatchObject({
      number: receipt.goodsReceiptNumber,
      lines: [
        { sku: 'SUN-0001', batchNo: 'PS-11', qty: 84, ratePaise: 820, expiryDate: '2027-11-01' },
        { sku: 'SUN-0002', batchNo: 'PS-12', qty: 24, ratePaise: 1700 },
      ],
    });
  }, 60_000);
});
