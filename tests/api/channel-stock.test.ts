import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { biscuit, retailer } from '../support/fixtures';
import { snapshot, startTestServer, type TestClient, type TestServer } from '../support/test-server';

async function sellOutWorkbook(): Promise<string> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('Sell out');
  sheet.addRow(['Retailer Code', 'Item Code', 'Stock Date', 'Closing Stock', 'Sales Qty']);
  sheet.addRow(['RT0001', 'SUN-0001', new Date('2026-11-14T00:00:00Z'), 40, 12]);
  sheet.addRow(['RT0001', 'SR-BISC-150', new Date('2026-11-14T00:00:00Z'), 9, 3]);
  return Buffer.from(await book.xlsx.writeBuffer()).toString('base64');
}

describe('channel stock over the API', () => {
  let server: TestServer;
  let admin: TestClient;
  let storeman: TestClient;
  let productId: number;

  beforeAll(async () => {
    server = await startTestServer();
    admin = await server.admin();
    storeman = await server.as('warehouse_clerk');
    await admin.ok('customers.create', retailer());
    productId = (await admin.ok('products.create', biscuit())).id;
  }, 60_000);
  afterAll(() => server.close());

  it('imports an XLSX sheet: previews, posts one row, holds the unknown code, then maps it', async () => {
    const xlsxBase64 = await sellOutWorkbook();
    const preview = await admin.ok('channelStock.import', { xlsxBase64, mode: 'preview' });
    expect(preview).toMatchObject({ total: 2, written: false, held: 1 });
    expect(preview.preview.map((r: { outcome: string }) => r.outcome)).toEqual(['post', 'held']);
    const written = await admin.ok('channelStock.import', { xlsxBase64, mode: 'valid-rows' });
    expect(written).toMatchObject({ imported: 2, held: 1, written: true });
    const [held] = await admin.ok('channelStock.held', {});
    expect(held).toMatchObject({ productText: 'SR-BISC-150', reportDate: '2026-11-14' });
    expect(await admin.ok('channelStock.map', { rowId: held.id, productId })).toEqual({ posted: 1 });
    const [row] = await admin.ok('channelStock.list', {});
    expect(row).toMatchObject({ customerCode: 'RT0001', sku: 'SUN-0001', closingQuantity: 9, daysOfCover: 3 });
    const exported = await admin.ok('channelStock.export', { filters: {}, format: 'xlsx' });
    expect(exported.filename).toMatch(/^channel-stock-2026-11-22\.xlsx$/);
    expect(Buffer.from(exported.base64, 'base64').subarray(0, 2).toString()).toBe('PK');
  });

  it('refuses a clerk without orders.write, an unknown held row and a reversed period, writing nothing', async () => {
    const before = snapshot(server.ledger);
    const csv = 'outlet,product,date,closing\nRT0001,SUN-0001,2026-11-21,5';
    expect((await storeman.call('channelStock.import', { csv, mode: 'valid-rows' })).status).toBe(403);
    const unknown = await admin.call('channelStock.map', { rowId: 999, productId });
    expect(unknown.body.error).toMatchObject({ code: 'not_found', field: 'rowId' });
    const reversed = await admin.call('channelStock.record', {
      customerId: 1,
      periodStart: '2026-11-20',
      reportDate: '2026-11-14',
      lines: [{ productId, closingQuantity: 3, soldQuantity: null }],
    });
    expect(reversed.status).toBe(400);
    expect(reversed.body.error.issues[0]).toMatchObject({ field: 'periodStart' });
    expect(snapshot(server.ledger)).toBe(before);
  });

  it('saves a forecast cell from the grid and compares it with the month', async () => {
    const saved = await admin.ok('forecasts.save', {
      rows: [{ customerId: 1, productId, month: '2026-11', quantity: 12 }],
    });
    expect(saved).toEqual({ saved: 1 });
    const compared = await admin.ok('forecasts.compare', { from: '2026-11', to: '2026-11', actual: 'sell_out' });
    expect(compared.months).toMatchObject([{ month: '2026-11', forecast: 12, sellOut: 3 }]);
    expect(compared.byProduct).toMatchObject([{ mapeBps: 30_000, biasBps: 30_000 }]);
  });
});
