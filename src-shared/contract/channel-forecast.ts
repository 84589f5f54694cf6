import { z } from 'zod';
import { operation } from './define';
import { id, importResult } from './common';
import { spreadsheetInput } from './channel-stock';

export const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'Month must be YYYY-MM');

const monthRange = {
  from: month,
  to: month,
  customerId: id.nullable().default(null),
  productId: id.nullable().default(null),
  brand: z.string().trim().default(''),
};
const inOrder = (r: { from: string; to: string }) => r.from <= r.to;
const order = { message: 'From must not be after To', path: ['to'] };

export const forecastRow = z.object({
  customerId: id,
  customerName: z.string(),
  productId: id,
  sku: z.string(),
  productName: z.string(),
  month: z.string(),
  quantity: z.int(),
  source: z.enum(['entered', 'imported', 'baseline']),
  method: z.string(),
});

export const compareInput = z
  .object({ ...monthRange, actual: z.enum(['billed', 'booked', 'sell_out']).default('billed') })
  .refine(inOrder, order);

const accuracyRow = z.object({
  key: id,
  name: z.string(),
  forecast: z.int(),
  actual: z.int(),
  /** basis points (1037 = 10.37%); null: no month with an actual */
  mapeBps: z.int().nullable(),
  /** basis points; positive = forecast above actual */
  biasBps: z.int().nullable(),
  periods: z.int(),
  zeroActualPeriods: z.int(),
  explanation: z.string(),
});

export const forecastComparison = z.object({
  /** per customer × product × month: forecast and the three actuals (base units) */
  months: z.array(
    z.object({
      customerId: id,
      customerName: z.string(),
      productId: id,
      sku: z.string(),
      productName: z.string(),
      month: z.string(),
      forecast: z.int().nullable(),
      booked: z.int(),
      billed: z.int(),
      sellOut: z.int(),
    }),
  ),
  byCustomer: z.array(accuracyRow),
  byProduct: z.array(accuracyRow),
});

export const forecastOperations = {
  'forecasts.list': operation({
    summary: 'Forecast quantities (base units) per customer × product × month in a range, for the grid.',
    access: 'orders.read',
    kind: 'read',
    input: z.object(monthRange).refine(inOrder, order),
    output: z.array(forecastRow),
  }),
  'forecasts.save': operation({
    summary: 'Saves forecast cells from the grid (customer × product × month → quantity); a saved cell replaces any.',
    access: 'orders.write',
    kind: 'write',
    input: z.object({
      rows: z
        .array(
          z.object({
            customerId: id,
            productId: id,
            month,
            quantity: z.int('must be a whole number').nonnegative('must not be negative'),
          }),
        )
        .min(1, 'Nothing to save'),
    }),
    output: z.object({ saved: z.int() }),
  }),
  'forecasts.import': operation({
    summary:
      'Imports forecasts (CSV or XLSX): customer (code or GSTIN), product (SKU or barcode), month, quantity, unit.',
    access: 'orders.write',
    kind: 'write',
    input: spreadsheetInput,
    output: importResult,
  }),
  'forecasts.baseline': operation({
    summary:
      'Writes baseline forecasts from billed history for the customers × products billed in the last year (filtered): moving average of the last k months, or the same month last year. Entered and imported cells are kept.',
    access: 'orders.write',
    kind: 'write',
    input: z
      .object({
        ...monthRange,
        method: z.enum(['moving_average', 'seasonal_naive']).default('moving_average'),
        months: z.int().min(1, 'at least 1 month').max(24, 'at most 24 months').default(3),
      })
      .refine(inOrder, order),
    output: z.object({ written: z.int(), kept: z.int() }),
  }),
  'forecasts.compare': operation({
    summary:
      'Forecast against booked (orders), billed (invoices less return credit notes) and sell-out per month, with accuracy by customer and by product: MAPE over months with an actual above zero, bias = Σ(forecast − actual) / Σ actual (positive = over-forecast), in basis points.',
    access: 'orders.read',
    kind: 'read',
    input: compareInput,
    output: forecastComparison,
  }),
  'forecasts.export': operation({
    summary: 'The forecast-vs-actual months and the accuracy table as CSV or XLSX (base64).',
    access: 'orders.read',
    kind: 'read',
    input: z.object({ filters: compareInput, format: z.enum(['csv', 'xlsx']) }),
    output: z.object({ filename: z.string(), mime: z.string(), base64: z.string() }),
  }),
};
