import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { snapshot, startTestServer, type TestClient, type TestServer } from '../support/test-server';
import type { OutputOf } from '../../src-shared/contract';
import { buildBuyingWorld, handWorkedInvoice, type BuyingWorld } from '../support/purchasing-world';

type Line = OutputOf<'purchaseInvoices.post'>['lines'][number];
type Row = OutputOf<'purchaseInvoices.list'>[number];

let server: TestServer;
let admin: TestClient;
beforeAll(async () => {
  server = await startTestServer();
  admin = await server.admin();
});
afterAll(() => server.close());

const stockValue = (w: BuyingWorld, productId: number) =>
  server.ledger.sqlite
    .prepare('SELECT quantity, value FROM stock_values WHERE warehouse_id = ? AND product_id = ?')
    .get(w.warehouseId, productId);

/** Inserts an order as the purchase-order screen would, so the invoice has something to differ from. */
function purchaseOrder(
  w: BuyingWorld,
  supplierId: number,
  lines: { productId: number; quantity: number; rate: number }[],
) {
  const { sqlite } = server.ledger;
  const id = Number(
    sqlite
      .prepare(
        `INSERT INTO purchase_orders (number, supplier_id, warehouse_id, order_date) VALUES (?, ?, ?, '2026-11-10')`,
      )
      .run(`PO-${w.warehouseId}-${supplierId}`, supplierId, w.warehouseId).lastInsertRowid,
  );
  lines.forEach((l, i) =>
    sqlite
      .prepare(
        'INSERT INTO purchase_order_lines (purchase_order_id, line_no, product_id, quantity, rate) VALUES (?, ?, ?, ?, ?)',
      )
      .run(id, i + 1, l.productId, l.quantity, l.rate),
  );
  return id;
}

describe('the brand’s invoice, worked to the paisa', () => {
  it('within the state: charges spread by value, CGST+SGST, round-off, landed cost on the shelf', async () => {
    const w = await buildBuyingWorld(admin);
    const input = handWorkedInvoice(w, w.local, 'SR/1001');
    const preview = await admin.ok('purchaseInvoices.preview', input);
    const posted = await admin.ok('purchaseInvoices.post', input);
    expect(posted.lines).toEqual(preview.lines);
    expect(posted.totals).toEqual(preview.totals);
    expect(posted.intraState).toBe(true);
    // Charges ₹512.34 spread over ₹720.00 + ₹790.00 + ₹93.31 = ₹1,603.31:
    //   51234 × 72000 / 160331 = 23007.68 → 230.08; 51234 × 79000 / 160331 = 25244.60 → 252.45; last takes 29.81
    expect(posted.lines.map((l: Line) => [l.gross, l.discount, l.charges, l.taxable])).toEqual([
      [800_00, 80_00, 230_08, 950_08],
      [800_00, 10_00, 252_45, 1042_45],
      [93_31, 0, 29_81, 123_12],
    ]);
    // GST per line: 9% of 950.08 = 85.5072 → 85.51; 2.5% of 1042.45 = 26.06125 → 26.06; 9% of 123.12 = 11.0808 → 11.08
    expect(posted.lines.map((l: Line) => [l.cgst, l.sgst, l.igst])).toEqual([
      [85_51, 85_51, 0],
      [26_06, 26_06, 0],
      [11_08, 11_08, 0],
    ]);
    // 2115.65 + 2 × 122.65 = 2360.95 → ₹2,361 payable, round-off 0.05
    expect(posted.totals).toMatchObject({
      charges: 512_34,
      taxable: 2115_65,
      cgst: 122_65,
      sgst: 122_65,
      igst: 0,
      roundOff: 5,
      total: 2361_00,
      tds: 0,
    });
    expect(posted.number).toMatch(/^PIN\/26-27\/\d{6}$/);
    expect(posted.dueOn).toBe('2026-12-20');
    // Landed cost goes on the shelf; the 10 free biscuits come in at zero and lower the average.
    expect(stockValue(w, w.glucose)).toEqual({ quantity: 110, value: 950_08 });
    expect(stockValue(w, w.tea)).toEqual({ quantity: 20, value: 1042_45 });
    expect(stockValue(w, w.cream)).toEqual({ quantity: 7, value: 123_12 });
    const glucoseIn = server.ledger.sqlite
      .prepare(
        "SELECT quantity, value FROM stock_movements WHERE document_type = 'goods_receipt' AND document_id = ? AND product_id = ? ORDER BY id",
      )
      .all(posted.goodsReceiptId, w.glucose);
    expect(glucoseIn).toEqual([
      { quantity: 100, value: 950_08 },
      { quantity: 10, value: 0 },
    ]);
    const ledger = await admin.ok('payables.ledger', { supplierId: w.local, from: '2026-11-01', to: '2026-11-30' });
    expect(ledger.entries).toEqual([
      expect.objectContaining({ kind: 'purchase_invoice', credit: 2361_00, debit: 0, dueOn: '2026-12-20' }),
    ]);
    expect(ledger.closing).toBe(2361_00);
    const audit = server.ledger.sqlite
      .prepare("SELECT action FROM audit_log WHERE entity = 'purchase_invoice' AND entity_id = ?")
      .all(posted.id);
    expect(audit).toEqual([{ action: 'post' }]);
  });

  it('across states: IGST at the full rate on the same landed values', async () => {
    const w = await buildBuyingWorld(admin);
    const posted = await admin.ok('purchaseInvoices.post', handWorkedInvoice(w, w.karnataka, 'MY/77'));
    expect(posted.intraState).toBe(false);
    // 18% of 950.08 = 171.0144 → 171.01; 5% of 1042.45 = 52.1225 → 52.12; 18% of 123.12 = 22.1616 → 22.16
    expect(posted.lines.map((l: Line) => [l.cgst, l.sgst, l.igst])).toEqual([
      [0, 0, 171_01],
      [0, 0, 52_12],
      [0, 0, 22_16],
    ]);
    // 2115.65 + 245.29 = 2360.94 → ₹2,361, round-off 0.06
    expect(posted.totals).toMatchObject({ taxable: 2115_65, igst: 245_29, roundOff: 6, total: 2361_00 });
  });

  it('flags rate and quantity differences from the order, posts anyway, and counts the goods received', async () => {
    const w = await buildBuyingWorld(admin);
    const po = purchaseOrder(w, w.local, [
      { productId: w.glucose, quantity: 60, rate: 7_50 },
      { productId: w.cream, quantity: 10, rate: 13_33 },
    ]);
    const input = { ...handWorkedInvoice(w, w.local, 'SR/2002'), purchaseOrderId: po };
    const preview = await admin.ok('purchaseInvoices.preview', input);
    expect(preview.lines.map((l: Line) => [l.orderRate, l.excessQuantity, l.differences])).toEqual([
      [
        7_50,
        40,
        ['Rate ₹8.00 against ₹7.50 ordered', 'Discount 10% against 0% ordered', '40 more than is open on the order'],
      ],
      [null, 20, [expect.stringContaining('is not on the order')]],
      [13_33, 0, []],
    ]);
    const posted = await admin.ok('purchaseInvoices.post', input);
    expect(posted.lines.map((l: Line) => l.differences)).toEqual(preview.lines.map((l: Line) => l.differences));
    const order = server.ledger.sqlite.prepare('SELECT status FROM purchase_orders WHERE id = ?').get(po);
    const received = server.ledger.sqlite
      .prepare('SELECT received FROM purchase_order_lines WHERE purchase_order_id = ? ORDER BY line_no')
      .all(po);
    // Free goods were not ordered and are not counted; what came beyond the order is.
    expect(received).toEqual([{ received: 100 }, { received: 7 }]);
    expect(order).toEqual({ status: 'partly_received' });
    const recorded = server.ledger.sqlite
      .prepare(
        "SELECT detail FROM audit_log WHERE entity = 'purchase_invoice' AND entity_id = ? AND action = 'differences'",
      )
      .get(posted.id) as { detail: string };
    expect(recorded.detail).toContain('40 more than is open on the order');
    const list = await admin.ok('purchaseInvoices.list', { from: '2026-11-01', to: '2026-11-30', supplierId: w.local });
    expect(list.find((r: Row) => r.id === posted.id)?.differences).toBe(2);
  });

  it('a bad line, a repeated invoice number or a discount beyond the value writes nothing', async () => {
    const w = await buildBuyingWorld(admin);
    const input = handWorkedInvoice(w, w.local, 'SR/3003');
    await admin.ok('purchaseInvoices.post', input);
    const before = snapshot(server.ledger);
    const expired = await admin.call('purchaseInvoices.post', {
      ...input,
      supplierInvoiceNo: 'SR/3004',
      lines: [input.lines[0]!, { ...input.lines[1]!, batchNo: 'OLD', expiresOn: '2026-11-01' }],
    });
    expect(expired.body.error).toMatchObject({
      field: 'lines.1.expiresOn',
      message: expect.stringContaining('expired'),
    });
    const repeated = await admin.call('purchaseInvoices.post', { ...input, supplierInvoiceNo: 'sr/3003' });
    expect(repeated.status).toBe(409);
    expect(repeated.body.error).toMatchObject({ field: 'supplierInvoiceNo', message: expect.stringContaining('PIN/') });
    const overDiscount = await admin.call('purchaseInvoices.post', {
      ...input,
      supplierInvoiceNo: 'SR/3005',
      lines: [{ ...input.lines[2]!, discountAmount: 100_00 }],
    });
    expect(overDiscount.body.error).toMatchObject({ field: 'lines.0.discountAmount' });
    const unknownProduct = await admin.call('purchaseInvoices.post', {
      ...input,
      supplierInvoiceNo: 'SR/3006',
      lines: [input.lines[0]!, { ...input.lines[1]!, productId: 999_999 }],
    });
    expect(unknownProduct.body.error).toMatchObject({ field: 'lines.1.productId' });
    const future = await admin.call('purchaseInvoices.post', {
      ...input,
      supplierInvoiceNo: 'SR/3007',
      invoiceDate: '2026-12-01',
    });
    expect(future.body.error).toMatchObject({ field: 'invoiceDate' });
    expect(snapshot(server.ledger)).toBe(before);
  });

  it('only purchasing roles book the brand’s invoice', async () => {
    const w = await buildBuyingWorld(admin);
    for (const role of ['sales_clerk', 'warehouse_clerk', 'billing_clerk'] as const) {
      const res = await (await server.as(role)).call('purchaseInvoices.post', handWorkedInvoice(w, w.local, 'X/1'));
      expect(res.status).toBe(403);
    }
  });
});

describe('cancelling a purchase invoice', () => {
  it('takes the goods back out at what they came in at and sets the order and the account back', async () => {
    const w = await buildBuyingWorld(admin);
    // Stock already on the shelf at ₹7.00 a biscuit: the cancelled invoice must leave it exactly as it was.
    await admin.ok('inventory.receive', {
      warehouseId: w.warehouseId,
      lines: [{ productId: w.glucose, batchNo: 'OLD', expiresOn: '2027-05-01', quantity: 30, value: 210_00 }],
    });
    const po = purchaseOrder(w, w.local, [{ productId: w.glucose, quantity: 100, rate: 8_00 }]);
    const input = {
      ...handWorkedInvoice(w, w.local, 'SR/4004'),
      purchaseOrderId: po,
      lines: [handWorkedInvoice(w, w.local, '').lines[0]!],
    };
    const posted = await admin.ok('purchaseInvoices.post', input);
    expect(stockValue(w, w.glucose)).toEqual({ quantity: 140, value: 210_00 + posted.totals.taxable });
    expect(server.ledger.sqlite.prepare('SELECT status FROM purchase_orders WHERE id = ?').get(po)).toEqual({
      status: 'closed',
    });
    const cancelled = await admin.ok('purchaseInvoices.cancel', { id: posted.id, reason: 'keyed twice' });
    expect(cancelled.status).toBe('cancelled');
    expect(stockValue(w, w.glucose)).toEqual({ quantity: 30, value: 210_00 });
    const moved = server.ledger.sqlite
      .prepare('SELECT sum(value) AS v FROM stock_movements WHERE warehouse_id = ? AND product_id = ?')
      .get(w.warehouseId, w.glucose);
    expect(moved).toEqual({ v: 210_00 });
    expect(server.ledger.sqlite.prepare('SELECT status FROM purchase_orders WHERE id = ?').get(po)).toEqual({
      status: 'open',
    });
    const ledger = await admin.ok('payables.ledger', { supplierId: w.local, from: '2026-11-01', to: '2026-11-30' });
    expect(ledger.closing).toBe(0);
    const again = await admin.call('purchaseInvoices.cancel', { id: posted.id, reason: 'again' });
    expect(again.status).toBe(409);
  });

  it('is refused once the goods have left, writing nothing', async () => {
    const w = await buildBuyingWorld(admin);
    const posted = await admin.ok('purchaseInvoices.post', handWorkedInvoice(w, w.local, 'SR/5005'));
    const batch = server.ledger.sqlite
      .prepare("SELECT id FROM batches WHERE product_id = ? AND batch_no = 'C1'")
      .get(w.cream) as { id: number };
    await admin.ok('inventory.adjust', {
      warehouseId: w.warehouseId,
      batchId: batch.id,
      kind: 'damage',
      quantity: -2,
      reason: 'crushed in the van',
    });
    const before = snapshot(server.ledger);
    const res = await admin.call('purchaseInvoices.cancel', { id: posted.id, reason: 'wrong supplier' });
    expect(res.body.error).toMatchObject({
      field: 'lines.2.quantity',
      message: expect.stringContaining('Not enough stock'),
    });
    expect(snapshot(server.ledger)).toBe(before);
  });
});

describe('the invoice for a shipment already received', () => {
  it('values the receipt the sync posted instead of receiving the goods again', async () => {
    const w = await buildBuyingWorld(admin);
    const input = handWorkedInvoice(w, w.local, 'SR/6006');
    const grn = await admin.ok('inventory.receive', {
      warehouseId: w.warehouseId,
      supplier: 'Sunrise (primary shipment)',
      lines: input.lines.flatMap((l) => [{ ...l, quantity: l.quantity + (l.freeQuantity ?? 0) }]),
    });
    const wrong = await admin.call('purchaseInvoices.post', {
      ...input,
      goodsReceiptId: grn.id,
      lines: [{ ...input.lines[0]!, freeQuantity: 0 }, input.lines[1]!, input.lines[2]!],
    });
    expect(wrong.body.error).toMatchObject({
      field: 'lines.0.quantity',
      message: expect.stringContaining('received 110'),
    });
    const posted = await admin.ok('purchaseInvoices.post', { ...input, goodsReceiptId: grn.id });
    expect(posted.goodsReceiptNumber).toBe(grn.number);
    expect(stockValue(w, w.glucose)).toEqual({ quantity: 110, value: 950_08 });
    expect(stockValue(w, w.tea)).toEqual({ quantity: 20, value: 1042_45 });
    const receipts = server.ledger.sqlite
      .prepare('SELECT count(*) AS n FROM goods_receipts WHERE warehouse_id = ?')
      .get(w.warehouseId);
    expect(receipts).toEqual({ n: 1 });
    const twice = await admin.call('purchaseInvoices.post', {
      ...input,
      supplierInvoiceNo: 'SR/6007',
      goodsReceiptId: grn.id,
    });
    expect(twice.body.error).toMatchObject({
      field: 'goodsReceiptId',
      message: expect.stringContaining('already valued'),
    });
  });
});

describe('purchase register', () => {
  it('lists the period’s invoices with GSTIN and the GST split, as CSV and XLSX', async () => {
    const w = await buildBuyingWorld(admin);
    await admin.ok('purchaseInvoices.post', handWorkedInvoice(w, w.local, 'SR/7007'));
    await admin.ok('purchaseInvoices.post', handWorkedInvoice(w, w.karnataka, 'MY/7008'));
    const filters = { from: '2026-11-01', to: '2026-11-30', supplierId: w.karnataka };
    const csv = await admin.ok('purchaseRegister.export', { filters, format: 'csv' });
    const text = Buffer.from(csv.base64, 'base64').toString('utf8');
    const lines = text
      .replace(/^\uFEFF/, '')
      .trim()
      .split(/\r?\n/);
    expect(lines[0]).toBe('Date,Our number,Supplier invoice,Supplier,GSTIN,Taxable,CGST,SGST,IGST,Total');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toMatch(
      /^20-11-2026,PIN\/26-27\/\d{6},MY\/7008,MYSORE \d+ Ltd,29AAPFU0939F1Z.,2115\.65,0\.00,0\.00,245\.29,2361\.00$/,
    );
    const xlsx = await admin.ok('purchaseRegister.export', {
      filters: { ...filters, supplierId: null },
      format: 'xlsx',
    });
    expect(xlsx.filename).toBe('purchase-register-2026-11-01-2026-11-30.xlsx');
    expect(Buffer.from(xlsx.base64, 'base64').subarray(0, 2).toString()).toBe('PK');
    expect(
      (await (await server.as('sales_clerk')).call('purchaseRegister.export', { filters, format: 'csv' })).status,
    ).toBe(403);
  });
});
