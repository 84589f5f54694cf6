import { z } from 'zod';
import { operation } from './define';
import { id, importResult, isoDate } from './common';

/** A CSV as text or an XLSX as base64: the first sheet of a workbook is read as the CSV would be. */
export const spreadsheetInput = z
  .object({
    csv: z.string().max(20_000_000, 'The file is larger than 20 MB').nullable().default(null),
    xlsxBase64: z.string().max(28_000_000, 'The file is larger than 20 MB').nullable().default(null),
    mode: z.enum(['preview', 'all-or-nothing', 'valid-rows']).default('preview'),
  })
  .refine((f) => !!f.csv || !!f.xlsxBase64, { message: 'The file is empty', path: ['csv'] });

const quantity = z.int('must be a whole number of base units').nonnegative('must not be negative').nullable();

export const sellOutPreviewRow = z.object({
  row: z.int(),
  outlet: z.string(),
  product: z.string(),
  /** what the row will do: post, be held for mapping (reason), or be refused (reason) */
  outcome: z.enum(['post', 'held', 'refused']),
  reason: z.string(),
  customerName: z.string().nullable(),
  productName: z.string().nullable(),
  reportDate: z.string().nullable(),
  closingQuantity: z.number().nullable(),
  soldQuantity: z.number().nullable(),
});

export const heldRow = z.object({
  id,
  importId: z.int().nullable(),
  outletText: z.string(),
  productText: z.string(),
  customerId: z.int().nullable(),
  customerName: z.string().nullable(),
  productId: z.int().nullable(),
  periodStart: z.string(),
  reportDate: z.string(),
  closingQuantity: z.number().nullable(),
  soldQuantity: z.number().nullable(),
  unit: z.string(),
  reason: z.string(),
  createdAt: z.string(),
});

export const channelStockFilters = z.object({
  customerId: id.nullable().default(null),
  productId: id.nullable().default(null),
  brand: z.string().trim().default(''),
  /** days of cover: the sell-out rate is read over this many days up to each latest report */
  windowDays: z.int().min(1, 'at least 1 day').max(365, 'at most 365 days').default(30),
});

export const channelStockRow = z.object({
  customerId: id,
  customerCode: z.string(),
  customerName: z.string(),
  productId: id,
  sku: z.string(),
  productName: z.string(),
  brand: z.string(),
  reportDate: z.string(),
  closingQuantity: z.int(),
  soldInWindow: z.int(),
  coveredDays: z.int(),
  dailySellOut: z.number(),
  /** null: no sell-out in the window ("no sell-out", never a division by zero) */
  daysOfCover: z.number().nullable(),
  explanation: z.string(),
});

export const channelStockOperations = {
  'channelStock.import': operation({
    summary:
      'Imports outlets’ sell-out / closing stock (CSV or XLSX): outlet (customer code or GSTIN), product (barcode, SKU or a mapped outlet code), period start/end or one date, closing, sold, unit. Unknown outlets and products are held for mapping, never dropped; the same outlet, product and date again replaces the earlier figures. Preview first.',
    access: 'orders.write',
    kind: 'write',
    input: spreadsheetInput,
    output: importResult.extend({ held: z.int(), preview: z.array(sellOutPreviewRow) }),
  }),
  'channelStock.held': operation({
    summary: 'Sell-out rows held because their outlet or product is unknown, oldest first.',
    access: 'orders.read',
    kind: 'read',
    input: z.object({}),
    output: z.array(heldRow),
  }),
  'channelStock.map': operation({
    summary:
      'Maps a held row to a product (and outlet, when unknown) and posts it; the outlet’s code is remembered for that outlet (or every outlet), and other held rows with the same code are posted too.',
    access: 'orders.write',
    kind: 'write',
    input: z.object({
      rowId: id,
      productId: id,
      customerId: id.nullable().default(null),
      remember: z.enum(['outlet', 'all']).default('outlet'),
    }),
    output: z.object({ posted: z.int() }),
  }),
  'channelStock.record': operation({
    summary:
      'Records an outlet’s stock and sell-out by hand for one period, a line per product (replaces the same date).',
    access: 'orders.write',
    kind: 'write',
    input: z
      .object({
        customerId: id,
        periodStart: isoDate,
        reportDate: isoDate,
        lines: z
          .array(z.object({ productId: id, closingQuantity: quantity, soldQuantity: quantity }))
          .min(1, 'Add at least one product'),
      })
      .refine((r) => r.periodStart <= r.reportDate, { message: 'Must not be after the date', path: ['periodStart'] }),
    output: z.object({ saved: z.int() }),
  }),
  'channelStock.list': operation({
    summary:
      'Latest closing stock per outlet × product with days of cover over the last N days; filters by outlet, product, brand.',
    access: 'orders.read',
    kind: 'read',
    input: channelStockFilters,
    output: z.array(channelStockRow),
  }),
  'channelStock.history': operation({
    summary: 'An outlet’s reports over time, newest first (200 at most).',
    access: 'orders.read',
    kind: 'read',
    input: z.object({ customerId: id, productId: id.nullable().default(null) }),
    output: z.array(
      z.object({
        productId: id,
        sku: z.string(),
        productName: z.string(),
        periodStart: z.string(),
        reportDate: z.string(),
        closingQuantity: z.int().nullable(),
        soldQuantity: z.int().nullable(),
        source: z.string(),
      }),
    ),
  }),
  'channelStock.export': operation({
    summary: 'The channel stock table (latest closing, days of cover) as CSV or XLSX (base64).',
    access: 'orders.read',
    kind: 'read',
    input: z.object({ filters: channelStockFilters, format: z.enum(['csv', 'xlsx']) }),
    output: z.object({ filename: z.string(), mime: z.string(), base64: z.string() }),
  }),
};
