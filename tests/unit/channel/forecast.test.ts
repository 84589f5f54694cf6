import { describe, expect, it } from 'vitest';
import { createProduct, type ProductInput } from '../../../src-main/engine/catalog/product-service';
import { recordChannelStock } from '../../../src-main/engine/channel/channel-stock/record-channel-stock';
import { baselineForecast } from '../../../src-main/engine/channel/forecast/baseline-rule';
import { forecastAccuracy } from '../../../src-main/engine/channel/forecast/forecast-accuracy';
import {
  listForecasts,
  saveForecasts,
  writeBaseline,
} from '../../../src-main/engine/channel/forecast/forecast-service';
import { forecastHandlers } from '../../../src-main/engine/channel/forecast/forecast-operations';
import { compareForecasts } from '../../../src-main/engine/channel/forecast/forecast-vs-actual';
import type { CallContext } from '../../../src-main/api/handler-types';
import { createCustomer } from '../../../src-main/engine/customers/customer-service';
import { customerFields } from '../../../src-shared/contract/customers';
import { productFields } from '../../../src-shared/contract/products';
import { engineContext } from '../../support/engine';
import { biscuit, retailer } from '../../support/fixtures';

describe('forecast accuracy', () => {
  it('scores 100, 120, 80 against 90, 150, 80: MAPE 10.37%, bias −6.25% (under-forecast)', () => {
    const accuracy = forecastAccuracy([
      { forecast: 100, actual: 90 },
      { forecast: 120, actual: 150 },
      { forecast: 80, actual: 80 },
    ]);
    // (10/90 + 30/150 + 0/80) / 3 = 0.103703… → 1037 basis points.
    // Bias Σ(forecast − actual) / Σ actual = ((100 − 90) + (120 − 150) + (80 − 80)) / 320 = −20 / 320 = −0.0625.
    expect(accuracy).toMatchObject({ mapeBps: 1037, biasBps: -625, periods: 3, zeroActualPeriods: 0 });
    expect(accuracy.explanation).toBe('MAPE 10.37% over 3 periods; bias -6.25% (forecast below actual)');
  });

  it('leaves a month with nothing sold out of the MAPE but not out of the bias', () => {
    const accuracy = forecastAccuracy([
      { forecast: 110, actual: 100 },
      { forecast: 20, actual: 0 },
    ]);
    expect(accuracy).toMatchObject({ mapeBps: 1000, biasBps: 3000, periods: 1, zeroActualPeriods: 1 });
    expect(forecastAccuracy([{ forecast: 5, actual: 0 }])).toMatchObject({ mapeBps: null, biasBps: null });
  });
});

describe('baseline forecasts', () => {
  const history = new Map([
    ['2025-12', 40],
    ['2026-08', 90],
    ['2026-09', 100],
    ['2026-10', 111],
  ]);
  it('averages the k months before, rounding half up, or repeats the same month last year', () => {
    expect(baselineForecast(history, '2026-11', { kind: 'moving_average', months: 3 }).quantity).toBe(100);
    expect(baselineForecast(history, '2026-11', { kind: 'moving_average', months: 2 }).quantity).toBe(106);
    expect(baselineForecast(history, '2026-12', { kind: 'seasonal_naive' })).toEqual({
      quantity: 40,
      explanation: '2025-12 billed 40',
    });
  });
});

function forecastWorld() {
  const ctx = engineContext();
  const sharma = createCustomer(ctx, customerFields.parse(retailer())).id;
  const glucose = createProduct(ctx, productFields.parse(biscuit()) as ProductInput).id;
  const billed = ctx.ledger.sqlite.prepare(
    `INSERT INTO daily_sales (day, customer_id, product_id, warehouse_id, clerk_id, booked_qty, billed_qty)
      VALUES (?, ?, ?, 1, 0, ?, ?)`,
  );
  return { ctx, sharma, glucose, billed };
}

describe('forecast against what happened', () => {
  it('reads billed and booked from the daily summary and sell-out from the outlet, and scores each', () => {
    const { ctx, sharma, glucose, billed } = forecastWorld();
    saveForecasts(ctx, [
      { customerId: sharma, productId: glucose, month: '2026-08', quantity: 100 },
      { customerId: sharma, productId: glucose, month: '2026-09', quantity: 120 },
      { customerId: sharma, productId: glucose, month: '2026-10', quantity: 80 },
    ]);
    billed.run('2026-08-05', sharma, glucose, 95, 60);
    billed.run('2026-08-20', sharma, glucose, 0, 30);
    billed.run('2026-09-10', sharma, glucose, 150, 150);
    billed.run('2026-10-02', sharma, glucose, 80, 80);
    const sold = (periodStart: string, reportDate: string, soldQuantity: number) =>
      recordChannelStock(
        ctx,
        { customerId: sharma, productId: glucose, periodStart, reportDate, closingQuantity: null, soldQuantity },
        'manual',
        null,
      );
    sold('2026-08-01', '2026-08-31', 70);
    sold('2026-09-01', '2026-09-30', 140);
    const filters = { from: '2026-08', to: '2026-10', customerId: null, productId: null, brand: '' };
    const billedView = compareForecasts(ctx, { ...filters, actual: 'billed' });
    expect(billedView.months.map((m) => [m.month, m.forecast, m.booked, m.billed, m.sellOut])).toEqual([
      ['2026-08', 100, 95, 90, 70],
      ['2026-09', 120, 150, 150, 140],
      ['2026-10', 80, 80, 80, 0],
    ]);
    expect(billedView.byCustomer).toMatchObject([{ name: 'Sharma Traders', mapeBps: 1037, biasBps: -625 }]);
    expect(billedView.byProduct).toMatchObject([{ forecast: 300, actual: 320, mapeBps: 1037 }]);
    // Against sell-out October has none: it leaves the MAPE, (30/70 + 20/140) / 2 = 28.57%.
    const sellOut = compareForecasts(ctx, { ...filters, actual: 'sell_out' });
    expect(sellOut.byCustomer).toMatchObject([{ mapeBps: 2857, zeroActualPeriods: 1 }]);
  });

  it('writes a baseline from billed history and keeps a cell someone entered', () => {
    const { ctx, sharma, glucose, billed } = forecastWorld();
    billed.run('2026-08-05', sharma, glucose, 0, 90);
    billed.run('2026-09-05', sharma, glucose, 0, 100);
    billed.run('2026-10-05', sharma, glucose, 0, 110);
    saveForecasts(ctx, [{ customerId: sharma, productId: glucose, month: '2027-01', quantity: 5 }]);
    const filters = { from: '2026-12', to: '2027-01', customerId: null, productId: null, brand: '' };
    // The clock says 22-11-2026: December is forecast from August–October (the months before November).
    expect(writeBaseline(ctx, { ...filters, method: 'moving_average', months: 3 })).toEqual({ written: 1, kept: 1 });
    expect(listForecasts(ctx, filters).map((f) => [f.month, f.quantity, f.source, f.method])).toEqual([
      ['2026-12', 100, 'baseline', 'moving_average:3'],
      ['2027-01', 5, 'entered', ''],
    ]);
  });

  it('imports a planner’s sheet in cases by month name, replacing an entered cell', async () => {
    const { ctx, sharma, glucose } = forecastWorld();
    saveForecasts(ctx, [{ customerId: sharma, productId: glucose, month: '2026-12', quantity: 5 }]);
    const csv = ['Customer Code,SKU,Month,Qty,UOM', 'RT0001,SUN-0001,Dec-2026,2,case', 'RT0001,SUN-0001,01/2027,30,'];
    const input = { csv: csv.join('\n'), xlsxBase64: null, mode: 'all-or-nothing' as const };
    const result = await forecastHandlers['forecasts.import'](input, ctx as CallContext);
    expect(result).toMatchObject({ imported: 2, errors: [] });
    const filters = { from: '2026-12', to: '2027-01', customerId: null, productId: null, brand: '' };
    expect(listForecasts(ctx, filters).map((f) => [f.month, f.quantity, f.source])).toEqual([
      ['2026-12', 96, 'imported'],
      ['2027-01', 30, 'imported'],
    ]);
  });
});
