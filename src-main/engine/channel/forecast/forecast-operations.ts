import type { z } from 'zod';
import type { compareInput, forecastOperations } from '../../../../src-shared/contract/channel-forecast';
import type { HandlerTable } from '../../../api/handler-types';
import type { EngineContext } from '../../context';
import { businessToday } from '../../business-date';
import { withoutBom } from '../../csv-import';
import { importKinds } from '../../imports/import-kinds';
import { runImport } from '../../imports/run-import';
import { reportCsv, reportXlsx } from '../../reports/export-report';
import type { ReportResult } from '../../reports/report-types';
import { spreadsheetText } from '../spreadsheet-text';
import { listForecasts, saveForecasts, writeBaseline } from './forecast-service';
import { compareForecasts } from './forecast-vs-actual';

type CompareInput = z.output<typeof compareInput>;

async function importForecasts(
  ctx: EngineContext,
  input: { csv: string | null; xlsxBase64: string | null; mode: 'preview' | 'all-or-nothing' | 'valid-rows' },
) {
  const csv = withoutBom(await spreadsheetText(input));
  const build = (c: EngineContext, state: Record<string, unknown>) => importKinds.forecasts.build(c, {}, state);
  return runImport(ctx, { kind: 'forecasts', params: {}, build }, csv, input.mode);
}

/** One sheet: the months, then the accuracy by customer and by product (basis points shown as percentages). */
async function exportComparison(ctx: EngineContext, filters: CompareInput, format: 'csv' | 'xlsx') {
  const { months, byCustomer, byProduct } = compareForecasts(ctx, filters);
  const accuracy = [
    ...byCustomer.map((r) => ({ ...r, group: 'Customer' })),
    ...byProduct.map((r) => ({ ...r, group: 'Product' })),
  ];
  const result: ReportResult = {
    title: 'Forecast vs actual',
    columns: [
      { key: 'customerName', label: 'Customer / accuracy by', type: 'text' },
      { key: 'productName', label: 'Product / name', type: 'text' },
      { key: 'month', label: 'Month', type: 'text' },
      { key: 'forecast', label: 'Forecast', type: 'int' },
      { key: 'booked', label: 'Booked', type: 'int' },
      { key: 'billed', label: 'Billed', type: 'int' },
      { key: 'sellOut', label: 'Sell-out', type: 'int' },
      { key: 'mapeBps', label: 'MAPE', type: 'pct' },
      { key: 'biasBps', label: 'Bias', type: 'pct' },
    ],
    rows: [
      ...months.map((m) => ({ ...m, productName: `${m.sku} ${m.productName}`, mapeBps: null, biasBps: null })),
      ...accuracy.map((a) => ({
        customerName: a.group,
        productName: a.name,
        month: `actual: ${filters.actual}`,
        ...a,
      })),
    ],
    totals: {},
    drill: null,
    notes: ['MAPE over months with an actual above zero; bias positive = forecast above actual'],
  };
  const name = `forecast-vs-actual-${businessToday(ctx)}`;
  if (format === 'csv')
    return { filename: `${name}.csv`, mime: 'text/csv', base64: Buffer.from(reportCsv(result)).toString('base64') };
  const xlsx = await reportXlsx(result, `${filters.from} to ${filters.to}`);
  const mime = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
  return { filename: `${name}.xlsx`, mime, base64: xlsx.toString('base64') };
}

/** Forecasts (grid, import, baseline) and their comparison with what happened, bound next to their engine code. */
export const forecastHandlers: HandlerTable<keyof typeof forecastOperations> = {
  'forecasts.list': (input, ctx) => listForecasts(ctx, input),
  'forecasts.save': (input, ctx) => saveForecasts(ctx, input.rows),
  'forecasts.import': (input, ctx) => importForecasts(ctx, input),
  'forecasts.baseline': (input, ctx) => writeBaseline(ctx, input),
  'forecasts.compare': (input, ctx) => compareForecasts(ctx, input),
  'forecasts.export': (input, ctx) => exportComparison(ctx, input.filters, input.format),
};
