import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postMovement } from '../../src-main/engine/inventory/stock-ledger';
import { refreshPurchaseOrderStatus } from '../../src-main/engine/purchasing/purchase-order-status';
import type { EngineContext } from '../../src-main/engine/context';
import { snapshot, startTestServer, type TestClient, type TestServer } from '../support/test-server';
import { biscuit } from '../support/fixtures';

let server: TestServer;
let admin: TestClient;
let supplierId: number;
let warehouseId: number;
let otherWarehouseId: number;
let cookies: number;
let rusk: number;

const ctxAt = (iso: string): EngineContext => ({ ledger: server.ledger, actor: null, now: () => new Date(iso) });
const batchOf = (productId: number, batchNo: string) =>
  (
    server.ledger.sqlite
      .prepare('SELECT id FROM batches WHERE product_id = ? AND batch_no = ?')
      .get(productId, batchNo) as {
      id: number;
    }
  ).id;

beforeAll(async () => {
  server = await startTestServer();
  admin = await server.admin();
  const address = { stateCode: '27', city: 'Pune' };
  warehouseId = (await admin.ok('warehouses.create', { code: 'PUN', name: 'Pune', address })).id;
  otherWarehouseId = (await admin.ok('warehouses.create', { code: 'NSK', name: 'Nashik', address })).id;
  supplierId = (
    await admin.ok('suppliers.create', {
      code: 'SUNRISE',
      name: 'Sunrise Foods Ltd',
      gstin: '27AAPFU0939F1ZV',
      stateCode: '27',
      leadTimeDays: 5,
    })
  ).id;
  cookies = (await admin.ok('products.create', biscuit({ sku: 'CK-1', packs: [{ unit: 'case', factor: 12 }] }))).id;
  rusk = (await admin.ok('products.create', biscuit({ sku: 'RK-1', name: 'Sunrise Rusk', barcodes: [], packs: [] })))
    .id;
});
afterAll(() => server.close());

describe('the supplier price list', () => {
  it('is set by hand and from the brand’s CSV, a case rate divided down to the piece', async () => {
    await admin.ok('supplierRates.set', { supplierId, productId: rusk, rate: 9_00, discountBps: 0 });
    const csv = 'Item Code,Purchase Rate,UOM,Disc %\nCK-1,120.00,case,2.5\nNOPE,1.00,,\n';
    const preview = await admin.ok('supplierRates.import', { supplierId, csv, mode: 'preview' });
    expect(preview).toMatchObject({ total: 2, valid: 1, imported: 0, written: false });
    expect(preview.errors).toEqual([{ row: 3, field: 'sku', message: 'No product has SKU NOPE' }]);
    await admin.ok('supplierRates.import', { supplierId, csv, mode: 'valid-rows' });
    const rates = await admin.ok('supplierRates.list', { supplierId });
    expect(
      rates.map((r: { sku: string; rate: number; discountBps: number }) => [r.sku, r.rate, r.discountBps]),
    ).toEqual([
      ['CK-1', 10_00, 250],
      ['RK-1', 9_00, 0],
    ]);
  });

  it('the sales clerk cannot change it', async () => {
    const clerk = await server.as('sales_clerk');
    const res = await clerk.call('supplierRates.set', { supplierId, productId: rusk, rate: 1, discountBps: 0 });
    expect(res.status).toBe(403);
  });
});

describe('purchase orders', () => {
  it('take the price list’s rate, number gaplessly, change while open, go out as PDF and CSV', async () => {
    const po = await admin.ok('purchaseOrders.create', {
      supplierId,
      warehouseId,
      expectedOn: '2026-11-30',
      lines: [
        { productId: cookies, quantity: 48 },
        { productId: rusk, quantity: 10, rate: 8_50 },
      ],
    });
    expect(po.number).toMatch(/^PO\/26-27\/\d{6}$/);
    expect(po).toMatchObject({ status: 'open', orderDate: '2026-11-22', version: 1 });
    // 48 × ₹10.00 = ₹480.00 less 2.5% = ₹468.00; 10 × ₹8.50 = ₹85.00
    expect(po.lines.map((l: { rate: number; amount: number }) => [l.rate, l.amount])).toEqual([
      [10_00, 468_00],
      [8_50, 85_00],
    ]);
    expect(po.amount).toBe(553_00);
    const changed = await admin.ok('purchaseOrders.update', {
      id: po.id,
      version: 1,
      lines: [{ productId: cookies, quantity: 60 }],
    });
    expect(changed).toMatchObject({ version: 2, amount: 585_00 });
    const sent = await admin.ok('purchaseOrders.send', { id: po.id });
    expect(sent.sentAt).not.toBeNull();
    const pdf = await admin.ok('documents.purchaseOrder', { id: po.id, format: 'pdf' });
    expect(Buffer.from(pdf.base64, 'base64').subarray(0, 5).toString()).toBe('%PDF-');
    const csv = Buffer.from((await admin.ok('documents.purchaseOrder', { id: po.id, format: 'csv' })).base64, 'base64')
      .toString('utf8')
      .replace(/^\uFEFF/, '');
    expect(csv.split('\r\n')).toEqual([
      'po_number,order_date,line,sku,product,quantity,unit,rate,discount_pct,amount',
      `${po.number},2026-11-22,1,CK-1,Sunrise Glucose Biscuit 150 g,60,pc,10.00,2.50,585.00`,
    ]);
    const second = await admin.ok('purchaseOrders.create', {
      supplierId,
      warehouseId,
      lines: [{ productId: rusk, quantity: 1 }],
    });
    expect(Number(second.number.slice(-6))).toBe(Number(po.number.slice(-6)) + 1);
    await admin.ok('purchaseOrders.cancel', { id: second.id, reason: 'Raised twice' });
  });

  it('refuses a product off the price list without a rate, and a stale version, writing nothing', async () => {
    const other = (await admin.ok('products.create', biscuit({ sku: 'XX-1', barcodes: [] }))).id;
    const before = snapshot(server.ledger);
    const noRate = await admin.call('purchaseOrders.create', {
      supplierId,
      warehouseId,
      lines: [
        { productId: rusk, quantity: 1 },
        { productId: other, quantity: 5 },
      ],
    });
    expect(noRate.body.error).toMatchObject({ field: 'lines.1.rate', message: expect.stringContaining('XX-1') });
    const twice = await admin.call('purchaseOrders.create', {
      supplierId,
      warehouseId,
      lines: [
        { productId: rusk, quantity: 1 },
        { productId: rusk, quantity: 2 },
      ],
    });
    expect(twice.body.error.issues[0]).toMatchObject({ field: 'lines.1.productId' });
    expect(snapshot(server.ledger)).toBe(before);
  });

  it('status follows what receipts record: partly received, closed; then it cannot be changed or cancelled', async () => {
    const po = await admin.ok('purchaseOrders.create', {
      supplierId,
      warehouseId: otherWarehouseId,
      lines: [
        { productId: cookies, quantity: 24 },
        { productId: rusk, quantity: 10 },
      ],
    });
    const setReceived = (lineNo: number, received: number) => {
      server.ledger.sqlite
        .prepare('UPDATE purchase_order_lines SET received = ? WHERE purchase_order_id = ? AND line_no = ?')
        .run(received, po.id, lineNo);
      return server.ledger.sqlite.transaction(() => refreshPurchaseOrderStatus(ctxAt('2026-11-22T10:00:00Z'), po.id))();
    };
    expect(setReceived(1, 24)).toBe('partly_received');
    const edit = await admin.call('purchaseOrders.update', {
      id: po.id,
      version: 2,
      lines: [{ productId: rusk, quantity: 1 }],
    });
    expect(edit.body.error).toMatchObject({ code: 'conflict', message: expect.stringContaining('partly received') });
    expect((await admin.call('purchaseOrders.cancel', { id: po.id, reason: 'x' })).status).toBe(409);
    expect(setReceived(2, 10)).toBe('closed');
    expect((await admin.ok('purchaseOrders.list', { status: 'closed' })).map((o: { id: number }) => o.id)).toEqual([
      po.id,
    ]);
  });
});

describe('the suggested order', () => {
  it('matches the days-of-cover example worked by hand', async () => {
    // Cookies in Pune: received 154; delivered 40 long ago (outside the window), 50 on 1 Nov and 45 on 20 Nov
    // (95 in the 30 days to 21 Nov), and 7 today (not counted: the day is not over). On hand 154 − 142 = 12.
    await admin.ok('inventory.receive', {
      warehouseId,
      lines: [{ productId: cookies, batchNo: 'CK-A', expiresOn: '2027-12-01', quantity: 154 }],
    });
    const batchId = batchOf(cookies, 'CK-A');
    const issue = (at: string, quantity: number) =>
      postMovement(ctxAt(at), { warehouseId, productId: cookies, batchId, kind: 'issue', quantity: -quantity });
    issue('2026-10-10T06:00:00Z', 40);
    issue('2026-11-01T06:00:00Z', 50);
    issue('2026-11-19T20:00:00Z', 45); // 01:30 on 20 Nov in India: 20 Nov's sales
    issue('2026-11-22T05:00:00Z', 7);
    // On order: the open 60 above, of which 54 arrived → 6 to come. In transit: 3 sent from Nashik.
    const [open] = await admin.ok('purchaseOrders.list', { supplierId, status: 'open' });
    server.ledger.sqlite
      .prepare('UPDATE purchase_order_lines SET received = 54 WHERE purchase_order_id = ?')
      .run(open.id);
    await admin.ok('inventory.receive', {
      warehouseId: otherWarehouseId,
      lines: [{ productId: cookies, batchNo: 'CK-A', expiresOn: '2027-12-01', quantity: 3 }],
    });
    await admin.ok('inventory.transfer', {
      fromWarehouseId: otherWarehouseId,
      toWarehouseId: warehouseId,
      lines: [{ batchId, quantity: 3 }],
    });
    await admin.ok('stockNorms.set', { warehouseId, productId: cookies, coverDays: 10 });
    const suggestion = await admin.ok('purchaseOrders.suggest', { supplierId, warehouseId, windowDays: 30 });
    expect(suggestion).toMatchObject({ from: '2026-10-23', to: '2026-11-21', leadTimeDays: 5 });
    // 95/30 a day × (10 + 5) days = 47.5 → 48; 12 + 6 + 3 = 21 held; short 27 → 3 cases of 12 = 36.
    expect(suggestion.lines).toEqual([
      expect.objectContaining({ sku: 'CK-1', onHand: 12, onOrder: 6, inTransit: 3, target: 48, suggested: 36 }),
    ]);
    expect(suggestion.lines[0].why).toContain('short 27 → 3 × case of 12 = 36 pc');
    expect(await admin.ok('stockNorms.list', { warehouseId })).toEqual([
      expect.objectContaining({ productId: cookies, coverDays: 10, minQuantity: null }),
    ]);
  });

  it('refuses a max below the min', async () => {
    const res = await admin.call('stockNorms.set', { warehouseId, productId: rusk, minQuantity: 10, maxQuantity: 5 });
    expect(res.body.error).toMatchObject({ field: 'maxQuantity' });
  });
});
