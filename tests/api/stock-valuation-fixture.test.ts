import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestClient, type TestServer } from '../support/test-server';
import { biscuit, retailer } from '../support/fixtures';
import { pickEverything } from '../support/world';

/**
 * The hand-worked fixture of issue #17: one product, two warehouses (PUN sells, NSK receives a transfer), each
 * step on its own business day so the stock-value report can be read as of any of them. Every figure below was
 * worked by hand first (moving average, paise, shares rounded half away from zero, the last unit taking the rest).
 */
let server: TestServer;
let admin: TestClient;
let pun: number;
let nsk: number;
let product: number;
let customerId: number;

const valueOf = (warehouseId: number) =>
  server.ledger.sqlite
    .prepare(
      `SELECT quantity, value, transit_quantity AS transitQuantity, transit_value AS transitValue
       FROM stock_values WHERE warehouse_id = ? AND product_id = ?`,
    )
    .get(warehouseId, product);
const lastMovementValue = () =>
  (
    server.ledger.sqlite.prepare('SELECT value FROM stock_movements ORDER BY id DESC LIMIT 1').get() as {
      value: number;
    }
  ).value;
const batchId = (batchNo: string) =>
  (server.ledger.sqlite.prepare('SELECT id FROM batches WHERE batch_no = ?').get(batchNo) as { id: number }).id;
const report = (asOf: string, warehouseId: number | null = null) =>
  admin.ok('valuation.stockValue', { asOf, warehouseId });

beforeAll(async () => {
  server = await startTestServer();
  admin = await server.admin();
  const address = { stateCode: '27', city: 'Pune', district: 'Pune' };
  pun = (await admin.ok('warehouses.create', { code: 'PUN', name: 'Pune', address })).id;
  nsk = (await admin.ok('warehouses.create', { code: 'NSK', name: 'Nashik', address: { ...address, city: 'Nashik' } }))
    .id;
  customerId = (await admin.ok('customers.create', retailer({ creditLimit: 10_00_000_00 }))).id;
  // Sells at ₹10.00 a unit before GST (18%).
  product = (await admin.ok('products.create', biscuit({ price: 10_00, mrp: 12_00, barcodes: [] }))).id;
});
afterAll(() => server.close());

describe('the hand-worked valuation fixture', () => {
  it('1. first receipt: 100 units for ₹700.00 → average ₹7.00', async () => {
    server.setToday('2026-11-01');
    await admin.ok('inventory.receive', {
      warehouseId: pun,
      lines: [{ productId: product, batchNo: 'A1', expiresOn: '2027-06-30', quantity: 100, value: 700_00 }],
    });
    expect(valueOf(pun)).toMatchObject({ quantity: 100, value: 700_00 });
  });

  it('2. second receipt at a higher cost: 50 units for ₹425.00 (₹8.50) → 150 worth ₹1,125.00, average ₹7.50', async () => {
    server.setToday('2026-11-02');
    await admin.ok('inventory.receive', {
      warehouseId: pun,
      lines: [{ productId: product, batchNo: 'A2', expiresOn: '2027-12-31', quantity: 50, value: 425_00 }],
    });
    expect(valueOf(pun)).toMatchObject({ quantity: 150, value: 1_125_00 });
  });

  it('3. free goods at zero cost lower the average: +20 free → 170 worth ₹1,125.00, average ₹6.6176…', async () => {
    server.setToday('2026-11-03');
    await admin.ok('inventory.receive', {
      warehouseId: pun,
      lines: [{ productId: product, batchNo: 'A2', expiresOn: '2027-12-31', quantity: 20, value: 0 }],
    });
    expect(lastMovementValue()).toBe(0);
    expect(valueOf(pun)).toMatchObject({ quantity: 170, value: 1_125_00 });
  });

  it('4. a transfer of 40 to Nashik leaves at the average and travels at that value', async () => {
    server.setToday('2026-11-04');
    // 1,12,500 × 40 / 170 = 26,470.588… → 26,471 paise (₹264.71). Pune: 130 worth 1,12,500 − 26,471 = 86,029.
    const sent = await admin.ok('inventory.transfer', {
      fromWarehouseId: pun,
      toWarehouseId: nsk,
      lines: [{ batchId: batchId('A1'), quantity: 40 }],
    });
    expect(valueOf(pun)).toMatchObject({ quantity: 130, value: 860_29 });
    expect(valueOf(nsk)).toMatchObject({ quantity: 0, value: 0, transitQuantity: 40, transitValue: 264_71 });
    // In transit on the report: counted in the total at the value it left with.
    const onTheRoad = await report('2026-11-04', nsk);
    expect(onTheRoad.rows[0]).toMatchObject({ quantity: 0, transitQuantity: 40, transitValue: 264_71 });
    expect(onTheRoad.totals.totalValue).toBe(264_71);

    server.setToday('2026-11-05');
    await admin.ok('inventory.receiveTransfer', { id: sent.id });
    // On arrival the transit value moves onto Nashik's shelf: 40 worth ₹264.71 (average ₹6.62, rounded for reading).
    expect(valueOf(nsk)).toMatchObject({ quantity: 40, value: 264_71, transitQuantity: 0, transitValue: 0 });
  });

  it('5. a sale of 30 leaves at the average: its cost of goods and margin', async () => {
    server.setToday('2026-11-06');
    const order = await admin.ok('orders.place', {
      customerId,
      warehouseId: pun,
      paymentType: 'credit',
      lines: [{ productId: product, quantity: 30 }],
    });
    await pickEverything(admin, pun, [order.id]);
    const note = await admin.ok('deliveryNotes.post', { orderId: order.id });
    // Cost of goods: 86,029 × 30 / 130 = 19,852.846… → 19,853 paise (₹198.53). Pune: 100 worth 66,176.
    const issued = server.ledger.sqlite
      .prepare("SELECT sum(value) AS v FROM stock_movements WHERE document_type = 'delivery_note' AND document_id = ?")
      .get(note.id) as { v: number };
    expect(-issued.v).toBe(198_53);
    expect(valueOf(pun)).toMatchObject({ quantity: 100, value: 661_76 });
    // Margin on the line: taxable 30 × ₹10.00 = ₹300.00 − cost ₹198.53 = ₹101.47.
    const invoice = await admin.ok('invoices.get', {
      id: (await admin.ok('deliveryNotes.get', { id: note.id })).invoiceId,
    });
    expect(invoice.lines[0].taxable).toBe(300_00);
    expect(invoice.lines[0].taxable - -issued.v).toBe(101_47);
  });

  it('6. a return to the brand of 10 leaves at the average', async () => {
    server.setToday('2026-11-07');
    const supplierId = (
      await admin.ok('suppliers.create', { code: 'BRAND', name: 'Sunrise Foods Ltd', stateCode: '27' })
    ).id;
    const debitNote = await admin.ok('brandReturns.post', {
      supplierId,
      warehouseId: pun,
      reason: 'expiry',
      lines: [{ batchId: batchId('A2'), quantity: 10 }],
    });
    // 66,176 × 10 / 100 = 6,617.6 → 6,618 paise (₹66.18). Pune: 90 worth 59,558.
    expect(lastMovementValue()).toBe(-66_18);
    expect(debitNote.value).toBe(66_18);
    expect(valueOf(pun)).toMatchObject({ quantity: 90, value: 595_58 });
  });

  it('7. an adjustment: 5 found in the count come in at the average', async () => {
    server.setToday('2026-11-08');
    await admin.ok('inventory.adjust', {
      warehouseId: pun,
      batchId: batchId('A2'),
      kind: 'adjustment',
      quantity: 5,
      reason: 'found in count',
    });
    // 59,558 × 5 / 90 = 3,308.78 → 3,309 paise (₹33.09). Pune: 95 worth 62,867 (average ₹6.6176…, reads ₹6.62).
    expect(lastMovementValue()).toBe(33_09);
    expect(valueOf(pun)).toMatchObject({ quantity: 95, value: 628_67 });
  });

  it('the stock-value report as of each day equals the figures worked by hand and Σ movement values', async () => {
    const today = await report('2026-11-08');
    const byWarehouse = Object.fromEntries(today.rows.map((r: Record<string, unknown>) => [r.warehouseCode, r]));
    expect(byWarehouse.PUN).toMatchObject({ quantity: 95, value: 628_67, averageCost: 6_62, totalValue: 628_67 });
    expect(byWarehouse.NSK).toMatchObject({ quantity: 40, value: 264_71, averageCost: 6_62, transitQuantity: 0 });
    // ₹628.67 + ₹264.71 = ₹893.38, which is also 70,000 + 42,500 + 0 − 26,471 + 26,471 − 19,853 − 6,618 + 3,309.
    expect(today.totals).toMatchObject({ quantity: 135, value: 893_38, totalValue: 893_38 });
    const sum = server.ledger.sqlite
      .prepare('SELECT sum(value) + sum(transit_value) AS v FROM stock_movements WHERE product_id = ?')
      .get(product) as { v: number };
    expect(sum.v).toBe(893_38);
    // Earlier days, as they stood then.
    expect((await report('2026-10-31')).rows).toEqual([]);
    expect((await report('2026-11-03')).totals).toMatchObject({ quantity: 170, value: 1_125_00 });
    expect((await report('2026-11-04')).totals).toMatchObject({
      quantity: 130,
      transitValue: 264_71,
      totalValue: 1_125_00,
    });
    expect((await report('2026-11-06')).totals).toMatchObject({ value: 926_47, totalValue: 926_47 });
    expect((await report('2026-11-07', pun)).totals).toMatchObject({ quantity: 90, value: 595_58 });
    // The books agree with themselves.
    const check = await admin.ok('inventory.check', {});
    expect(check.differences).toEqual([]);
    expect(check.values.differences).toEqual([]);
  });
});
