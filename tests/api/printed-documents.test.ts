import { execFileSync } from 'node:child_process';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdfText } from '../support/pdf-text';
import { startTestServer, type TestClient, type TestServer } from '../support/test-server';
import { buildWorld, setCompany, type World } from '../support/world';

let server: TestServer;
let admin: TestClient;
let world: World;
let orderId: number;
let pickListId: number;

beforeAll(async () => {
  server = await startTestServer();
  admin = await server.admin();
  await setCompany(admin, { addressLine1: '12 Market Yard', city: 'Pune', gstin: '27AAPFU0939F1ZV' });
  world = await buildWorld(admin);
  await admin.ok('schemes.create', {
    code: 'G20',
    name: '20+1 Glucose',
    rule: {
      kind: 'free_goods',
      buyProductId: world.glucose,
      buyQuantity: 20,
      getProductId: world.glucose,
      getQuantity: 1,
    },
  });
  // Glucose packs 48 to a case, cream 12: 96 glucose is 2 cases, 30 cream is 2 cases and 6 pieces.
  const order = await admin.ok('orders.place', {
    customerId: world.customerId,
    warehouseId: world.warehouseId,
    paymentType: 'credit',
    lines: [
      { productId: world.glucose, quantity: 96 },
      { productId: world.cream, quantity: 30 },
      { productId: world.tea, quantity: 2 },
    ],
  });
  orderId = order.id;
  const list = await admin.ok('picking.create', { warehouseId: world.warehouseId, orderIds: [orderId] });
  pickListId = list.id;
  // Left open, for the pending-orders exports.
  await admin.ok('orders.place', {
    customerId: world.customerId,
    warehouseId: world.warehouseId,
    paymentType: 'credit',
    lines: [{ productId: world.glucose, quantity: 10 }],
  });
}, 30_000);
afterAll(() => server.close());

const ddmmyyyy = /\b\d{2}-\d{2}-\d{4}\b/;
const isoDay = /\b\d{4}-\d{2}-\d{2}\b/;

describe('printed documents count in cases and print dates as dd-mm-yyyy', () => {
  it('the pick list shows cases and pieces, the base units beneath, and marks free goods', async () => {
    const { text } = pdfText(await admin.ok('documents.pickList', { id: pickListId }));
    expect(text).toContain('2 case');
    expect(text).toContain('(96 pc)');
    expect(text).toContain('2 case 6 pc');
    expect(text).toContain('FREE');
    expect(text).toContain('01-03-2027'); // G-EARLY's expiry
    expect(text).not.toMatch(isoDay);
  });

  it('the invoice prints the quantity GST reads with its packs, an MRP column, and no ISO dates or -0.00', async () => {
    const list = await admin.ok('picking.get', { id: pickListId });
    for (const l of list.lines) await admin.ok('picking.setPicked', { pickListId, lineId: l.id, picked: l.quantity });
    await admin.ok('picking.complete', { id: pickListId });
    const dn = await admin.ok('deliveryNotes.post', { orderId });
    const { text, pages } = pdfText(await admin.ok('documents.invoice', { id: dn.invoiceId }));
    expect(pages).toBe(1);
    expect(text).toMatch(/\bMRP\b/);
    expect(text).toMatch(/96 pc\s+12\.00\s+10\.00/); // quantity, MRP ₹12, rate ₹10
    expect(text).toContain('(2 case)');
    expect(text).toContain('(2 case 6 pc)');
    expect(text).toMatch(new RegExp(`Date: ${ddmmyyyy.source}`));
    expect(text).not.toMatch(isoDay);
    expect(text).not.toContain('-0.00');
    const note = pdfText(await admin.ok('documents.deliveryNote', { id: dn.id })).text;
    expect(note).toContain('2 case 6 pc');
    expect(note).toContain('(FREE)');
    expect(note).not.toMatch(isoDay);
  });
});

describe('report exports', () => {
  const filters = { from: '2026-01-01', to: '2026-12-31' };

  it('XLSX has a title and period row, a frozen bold header, fitted widths and number formats', async () => {
    const file = await admin.ok('reports.export', { report: 'pending_orders', filters, format: 'xlsx' });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(file.base64, 'base64') as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    expect(String(sheet.getCell('A1').value)).toMatch(/Pending orders/i);
    expect(sheet.getCell('A2').value).toBe('01-01-2026 to 31-12-2026');
    expect(sheet.getRow(3).getCell(1).value).toBe('Order');
    expect(sheet.getRow(3).font?.bold).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 3 });
    const labels = (sheet.getRow(3).values as unknown[]).slice(1);
    const money = labels.indexOf('Open value') + 1;
    const date = labels.indexOf('Ordered') + 1;
    expect(sheet.getRow(4).getCell(money).numFmt).toBe('#,##0.00');
    expect(sheet.getRow(4).getCell(date).numFmt).toBe('dd-mm-yyyy');
    expect(sheet.getRow(4).getCell(date).value).toBeInstanceOf(Date);
    const productWidth = sheet.getColumn(labels.indexOf('Product') + 1).width!;
    expect(productWidth).toBeGreaterThanOrEqual('Sunrise Glucose Biscuit 150 g'.length);
    expect(sheet.getColumn(labels.indexOf('Order') + 1).width).toBeLessThan(productWidth);
  });

  it('a wide report prints landscape with dd-mm-yyyy dates; CSV dates read dd-mm-yyyy too', async () => {
    const file = await admin.ok('reports.export', { report: 'pending_orders', filters, format: 'pdf' });
    const { text, file: path } = pdfText(file);
    expect(execFileSync('pdfinfo', [path]).toString()).toMatch(/Page size:\s+841\.89 x 595\.2/);
    expect(text).toContain('Sunrise Glucose Biscuit 150 g');
    expect(text).toMatch(ddmmyyyy);
    expect(text).not.toMatch(isoDay);
    const csv = await admin.ok('reports.export', { report: 'pending_orders', filters, format: 'csv' });
    expect(Buffer.from(csv.base64, 'base64').toString('utf8')).not.toMatch(isoDay);
  });
});
