import { describe, expect, it } from 'vitest';
import type { CallContext } from '../../../src-main/api/handler-types';
import { createProduct, type ProductInput } from '../../../src-main/engine/catalog/product-service';
import { channelStockHandlers } from '../../../src-main/engine/channel/channel-stock/channel-stock-operations';
import { listChannelStock } from '../../../src-main/engine/channel/channel-stock/channel-stock-view';
import { daysOfCover } from '../../../src-main/engine/channel/channel-stock/days-of-cover';
import { listHeldRows, mapHeldRow } from '../../../src-main/engine/channel/channel-stock/held-rows';
import { recordChannelStock } from '../../../src-main/engine/channel/channel-stock/record-channel-stock';
import { createCustomer } from '../../../src-main/engine/customers/customer-service';
import { channelStockOperations } from '../../../src-shared/contract/channel-stock';
import { customerFields } from '../../../src-shared/contract/customers';
import { productFields } from '../../../src-shared/contract/products';
import { engineContext } from '../../support/engine';
import { biscuit, retailer } from '../../support/fixtures';

function channelWorld() {
  const ctx = engineContext() as CallContext;
  const sharma = createCustomer(ctx, customerFields.parse(retailer())).id;
  const mehta = createCustomer(
    ctx,
    customerFields.parse(retailer({ code: 'RT0002', name: 'Mehta Stores', gstin: '' })),
  );
  const glucose = createProduct(ctx, productFields.parse(biscuit()) as ProductInput).id;
  const cream = createProduct(
    ctx,
    productFields.parse(biscuit({ sku: 'SUN-0002', name: 'Sunrise Cream 75 g', barcodes: [] })) as ProductInput,
  ).id;
  return { ctx, sharma, mehta: mehta.id, glucose, cream };
}

const importFile = (ctx: CallContext, csv: string, mode: 'preview' | 'valid-rows' = 'valid-rows') =>
  channelStockHandlers['channelStock.import'](
    channelStockOperations['channelStock.import'].input.parse({ csv, mode }),
    ctx,
  ) as Promise<{ imported: number; held: number; written: boolean; preview: { outcome: string; reason: string }[] }>;

const report = (ctx: CallContext, customerId: number, productId: number) =>
  ctx.ledger.sqlite
    .prepare(
      `SELECT period_start AS periodStart, report_date AS reportDate, closing_quantity AS closing,
        sold_quantity AS sold, source FROM channel_stock_reports WHERE customer_id = ? AND product_id = ?
        ORDER BY report_date`,
    )
    .all(customerId, productId);

// Sharma named by GSTIN and by code; a pack barcode row in cases; Mehta's own item code we have never seen.
const weekOne = [
  'Outlet,Item Code,From,To,Closing Qty,Sold Qty,UOM',
  '27AAPFU0939F1ZV,8901063010215,01/11/2026,07/11/2026,2,1,case',
  'RT0001,SUN-0002,01/11/2026,07/11/2026,30,12,',
  'RT0002,SUN-0001,2026-11-01,2026-11-07,10,5,',
  'RT0002,MEH-GLU-150,2026-11-01,2026-11-07,7,3,',
].join('\n');

describe('a sell-out file from two retailers', () => {
  it('previews what each row will do, writing nothing', async () => {
    const { ctx } = channelWorld();
    const result = await importFile(ctx, weekOne, 'preview');
    expect(result.written).toBe(false);
    expect(result.held).toBe(1);
    expect(result.preview.map((r) => r.outcome)).toEqual(['post', 'post', 'post', 'held']);
    expect(ctx.ledger.sqlite.prepare('SELECT count(*) AS n FROM channel_stock_reports').get()).toEqual({ n: 0 });
  });

  it('posts the three it can place, converting cases, and holds the unknown code with its reason', async () => {
    const { ctx, sharma, mehta, glucose, cream } = channelWorld();
    const result = await importFile(ctx, weekOne);
    expect(result).toMatchObject({ imported: 4, held: 1 });
    expect(report(ctx, sharma, glucose)).toEqual([
      { periodStart: '2026-11-01', reportDate: '2026-11-07', closing: 96, sold: 48, source: 'import' },
    ]);
    expect(report(ctx, sharma, cream)).toMatchObject([{ closing: 30, sold: 12 }]);
    expect(report(ctx, mehta, glucose)).toMatchObject([{ closing: 10, sold: 5 }]);
    const held = listHeldRows(ctx);
    expect(held).toMatchObject([{ outletText: 'RT0002', productText: 'MEH-GLU-150', customerId: mehta }]);
    expect(held[0]!.reason).toBe('No product, barcode or mapped code is "MEH-GLU-150"');
  });

  it('posts a held row once mapped, and the next file maps the same code by itself', async () => {
    const { ctx, mehta, glucose } = channelWorld();
    await importFile(ctx, weekOne);
    const [held] = listHeldRows(ctx);
    const mapped = ctx.ledger.sqlite.transaction(() =>
      mapHeldRow(ctx, { rowId: held!.id, productId: glucose, customerId: null, remember: 'outlet' }),
    )();
    expect(mapped).toEqual({ posted: 1 });
    expect(listHeldRows(ctx)).toEqual([]);
    // Mehta's own code and our SKU for the same product on the same date: the later row is the newest word.
    expect(report(ctx, mehta, glucose)).toMatchObject([{ closing: 7, sold: 3 }]);
    const weekTwo = ['outlet,product,date,closing,sold', 'RT0002,meh-glu-150,2026-11-14,4,6'].join('\n');
    const again = await importFile(ctx, weekTwo);
    expect(again).toMatchObject({ imported: 1, held: 0 });
    expect(report(ctx, mehta, glucose)).toMatchObject([
      { reportDate: '2026-11-07' },
      { periodStart: '2026-11-14', reportDate: '2026-11-14', closing: 4, sold: 6 },
    ]);
  });

  it('holds a row for an outlet we do not know, and the clerk names the customer when mapping', async () => {
    const { ctx, mehta, cream } = channelWorld();
    await importFile(ctx, 'outlet,product,date,closing\nNEW-SHOP,SUN-0002,2026-11-07,5');
    const [held] = listHeldRows(ctx);
    expect(held).toMatchObject({ customerId: null, reason: 'No customer has code or GSTIN "NEW-SHOP"' });
    expect(() => mapHeldRow(ctx, { rowId: held!.id, productId: cream, customerId: null, remember: 'outlet' })).toThrow(
      /Choose the customer/,
    );
    mapHeldRow(ctx, { rowId: held!.id, productId: cream, customerId: mehta, remember: 'outlet' });
    expect(report(ctx, mehta, cream)).toMatchObject([{ closing: 5, sold: null }]);
  });

  it('replaces the figures when the same period is sent again, and the audit keeps the old ones', async () => {
    const { ctx, sharma, cream } = channelWorld();
    await importFile(ctx, weekOne);
    await importFile(ctx, 'outlet,product,from,to,closing,sold\nRT0001,SUN-0002,2026-11-01,2026-11-07,28,14');
    expect(report(ctx, sharma, cream)).toMatchObject([{ closing: 28, sold: 14 }]);
    const audit = ctx.ledger.sqlite
      .prepare("SELECT detail FROM audit_log WHERE action = 'replace_channel_stock'")
      .get() as { detail: string };
    expect(JSON.parse(audit.detail).replaced).toMatchObject({ closingQuantity: 30, soldQuantity: 12 });
  });

  it('refuses a row without a quantity or with a pack the product lacks, naming the column', async () => {
    const { ctx } = channelWorld();
    const csv =
      'outlet,product,date,closing,sold,unit\nRT0001,SUN-0001,2026-11-07,,,\nRT0001,SUN-0002,2026-11-07,1,,box';
    const result = (await importFile(ctx, csv, 'preview')) as unknown as { errors: { field: string }[] };
    expect(result.errors.map((e) => e.field)).toEqual(['closing', 'unit']);
  });
});

describe('days of cover', () => {
  it('divides the closing stock by what the weeks in the window sold a day', () => {
    const { ctx, sharma, glucose } = channelWorld();
    // Four weekly reports, 70 sold over 28 days = 2.5 a day; 60 in stock at the last one lasts 24 days.
    const weeks = [
      ['2026-10-04', '2026-10-10', 14],
      ['2026-10-11', '2026-10-17', 21],
      ['2026-10-18', '2026-10-24', 7],
      ['2026-10-25', '2026-10-31', 28],
    ] as const;
    for (const [periodStart, reportDate, sold] of weeks)
      recordChannelStock(
        ctx,
        { customerId: sharma, productId: glucose, periodStart, reportDate, closingQuantity: 60, soldQuantity: sold },
        'manual',
        null,
      );
    const [row] = listChannelStock(ctx, { customerId: null, productId: null, brand: '', windowDays: 30 });
    expect(row).toMatchObject({ reportDate: '2026-10-31', closingQuantity: 60, soldInWindow: 70, coveredDays: 28 });
    expect(row).toMatchObject({ dailySellOut: 2.5, daysOfCover: 24 });
    // A 7-day window reads the last week alone: 28 over 7 days = 4 a day, 15 days.
    const [week] = listChannelStock(ctx, { customerId: null, productId: null, brand: '', windowDays: 7 });
    expect(week).toMatchObject({ soldInWindow: 28, coveredDays: 7, daysOfCover: 15 });
  });

  it('says "no sell-out" instead of dividing by zero', () => {
    expect(daysOfCover({ closing: 40, sold: 0, days: 7, windowDays: 30 })).toEqual({
      days: null,
      dailySellOut: 0,
      explanation: 'No sell-out reported in the last 30 days',
    });
  });
});
