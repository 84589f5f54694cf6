import type { z } from 'zod';
import type { compareInput, forecastComparison } from '../../../../src-shared/contract/channel-forecast';
import type { EngineContext } from '../../context';
import { forecastAccuracy, type PeriodPair } from './forecast-accuracy';
import { listForecasts } from './forecast-service';
import { cellKey, monthlyActuals } from './monthly-actuals';

type Comparison = z.output<typeof forecastComparison>;
type CompareInput = z.output<typeof compareInput>;
type MonthRow = Comparison['months'][number];

/**
 * Each month a customer × product has a forecast, beside what was booked, billed and sold out; then accuracy per
 * customer and per product against the chosen actual, over that group's monthly totals. Months with an actual but
 * no forecast are listed (forecast null) but not scored: accuracy judges the forecasts that were made.
 */
export function compareForecasts(ctx: EngineContext, input: CompareInput): Comparison {
  const forecasts = listForecasts(ctx, input);
  const actuals = monthlyActuals(ctx, input);
  const rows: MonthRow[] = forecasts.map((f) => {
    const actual = actuals.get(cellKey(f.customerId, f.productId, f.month));
    actuals.delete(cellKey(f.customerId, f.productId, f.month));
    const { customerId, customerName, productId, sku, productName, month, quantity } = f;
    const figures = { booked: actual?.booked ?? 0, billed: actual?.billed ?? 0, sellOut: actual?.sellOut ?? 0 };
    return { customerId, customerName, productId, sku, productName, month, forecast: quantity, ...figures };
  });
  const names = ctx.ledger.sqlite.prepare(
    'SELECT c.name AS customerName, p.sku, p.name AS productName FROM customers c, products p WHERE c.id = ? AND p.id = ?',
  );
  for (const a of actuals.values()) {
    const named = names.get(a.customerId, a.productId) as { customerName: string; sku: string; productName: string };
    rows.push({ ...a, ...named, forecast: null });
  }
  rows.sort(
    (a, b) =>
      a.customerName.localeCompare(b.customerName) || a.sku.localeCompare(b.sku) || a.month.localeCompare(b.month),
  );
  const pick = (r: MonthRow) =>
    input.actual === 'booked' ? r.booked : input.actual === 'sell_out' ? r.sellOut : r.billed;
  const scored = rows.filter((r) => r.forecast !== null);
  return {
    months: rows,
    byCustomer: accuracyBy(scored, (r) => [r.customerId, r.customerName], pick),
    byProduct: accuracyBy(scored, (r) => [r.productId, `${r.sku} ${r.productName}`], pick),
  };
}

function accuracyBy(rows: MonthRow[], group: (r: MonthRow) => [number, string], pick: (r: MonthRow) => number) {
  const groups = new Map<number, { name: string; months: Map<string, PeriodPair> }>();
  for (const r of rows) {
    const [key, name] = group(r);
    const g = groups.get(key) ?? { name, months: new Map() };
    const pair = g.months.get(r.month) ?? { forecast: 0, actual: 0 };
    pair.forecast += r.forecast ?? 0;
    pair.actual += pick(r);
    g.months.set(r.month, pair);
    groups.set(key, g);
  }
  return [...groups.entries()]
    .map(([key, g]) => {
      const pairs = [...g.months.values()];
      const accuracy = forecastAccuracy(pairs);
      const forecast = pairs.reduce((s, p) => s + p.forecast, 0);
      const actual = pairs.reduce((s, p) => s + p.actual, 0);
      const { mapeBps, biasBps, periods, zeroActualPeriods, explanation } = accuracy;
      return { key, name: g.name, forecast, actual, mapeBps, biasBps, periods, zeroActualPeriods, explanation };
    })
    .sort((a, b) => a.name.localeCompare(b.name));
}
