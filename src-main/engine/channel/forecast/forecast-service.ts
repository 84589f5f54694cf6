import { recordAudit } from '../../audit';
import { businessToday } from '../../business-date';
import type { EngineContext } from '../../context';
import { notFound } from '../../errors';
import { addMonths, baselineForecast, type BaselineMethod } from './baseline-rule';
import { monthlyActuals, type ActualFilters } from './monthly-actuals';

export interface ForecastCell {
  customerId: number;
  productId: number;
  month: string;
  quantity: number;
}

/** Writes one forecast cell; a later save of the same customer, product and month replaces it. */
export function writeForecast(
  ctx: EngineContext,
  cell: ForecastCell,
  source: 'entered' | 'imported' | 'baseline',
  method = '',
): void {
  ctx.ledger.sqlite
    .prepare(
      `INSERT INTO forecasts (customer_id, product_id, month, quantity, source, method, updated_at, user_id)
        VALUES (@customerId, @productId, @month, @quantity, @source, @method, @at, @user)
        ON CONFLICT (customer_id, product_id, month) DO UPDATE SET quantity = excluded.quantity,
          source = excluded.source, method = excluded.method, updated_at = excluded.updated_at, user_id = excluded.user_id`,
    )
    .run({ ...cell, source, method, at: ctx.now().toISOString(), user: ctx.actor?.id ?? null });
}

export function saveForecasts(ctx: EngineContext, rows: ForecastCell[]): { saved: number } {
  const { sqlite } = ctx.ledger;
  rows.forEach((row, i) => {
    if (!sqlite.prepare('SELECT 1 FROM customers WHERE id = ?').get(row.customerId))
      throw notFound(`Customer ${row.customerId}`, `rows.${i}.customerId`);
    if (!sqlite.prepare('SELECT 1 FROM products WHERE id = ?').get(row.productId))
      throw notFound(`Product ${row.productId}`, `rows.${i}.productId`);
    writeForecast(ctx, row, 'entered');
  });
  recordAudit(ctx, 'save_forecasts', 'forecast', null, { rows });
  return { saved: rows.length };
}

export function listForecasts(ctx: EngineContext, filters: ActualFilters) {
  return ctx.ledger.sqlite
    .prepare(
      `SELECT f.customer_id AS customerId, c.name AS customerName, f.product_id AS productId, p.sku,
          p.name AS productName, f.month, f.quantity, f.source, f.method
        FROM forecasts f JOIN customers c ON c.id = f.customer_id JOIN products p ON p.id = f.product_id
       WHERE f.month BETWEEN @from AND @to AND (@customerId IS NULL OR f.customer_id = @customerId)
         AND (@productId IS NULL OR f.product_id = @productId) AND (@brand = '' OR p.brand = @brand)
       ORDER BY c.name, p.name, f.month`,
    )
    .all(filters) as {
    customerId: number;
    customerName: string;
    productId: number;
    sku: string;
    productName: string;
    month: string;
    quantity: number;
    source: 'entered' | 'imported' | 'baseline';
    method: string;
  }[];
}

/**
 * Baseline forecasts for the customers × products billed in the year before (filtered), from their billed history.
 * A month not yet begun is forecast from the months before the current one (there is no history after today). A
 * cell someone entered or imported is kept: the baseline is a starting point, not an override.
 */
export function writeBaseline(
  ctx: EngineContext,
  input: ActualFilters & { method: 'moving_average' | 'seasonal_naive'; months: number },
): { written: number; kept: number } {
  const current = businessToday(ctx).slice(0, 7);
  const method: BaselineMethod =
    input.method === 'seasonal_naive' ? { kind: 'seasonal_naive' } : { kind: 'moving_average', months: input.months };
  const earliest = addMonths(input.from < current ? input.from : current, -Math.max(12, input.months));
  const history = monthlyActuals(ctx, { ...input, from: earliest, to: addMonths(current, -1) });
  const series = new Map<string, { customerId: number; productId: number; billed: Map<string, number> }>();
  for (const cell of history.values()) {
    const key = `${cell.customerId}|${cell.productId}`;
    const entry = series.get(key) ?? { customerId: cell.customerId, productId: cell.productId, billed: new Map() };
    entry.billed.set(cell.month, cell.billed);
    series.set(key, entry);
  }
  const kept = ctx.ledger.sqlite.prepare(
    "SELECT 1 FROM forecasts WHERE customer_id = ? AND product_id = ? AND month = ? AND source <> 'baseline'",
  );
  let written = 0;
  let keptCount = 0;
  for (const { customerId, productId, billed } of series.values()) {
    if (![...billed.values()].some((q) => q > 0)) continue;
    for (let month = input.from; month <= input.to; month = addMonths(month, 1)) {
      if (kept.get(customerId, productId, month)) {
        keptCount += 1;
        continue;
      }
      const anchor = method.kind === 'moving_average' && month > current ? current : month;
      const { quantity } = baselineForecast(billed, anchor, method);
      const label = method.kind === 'moving_average' ? `moving_average:${method.months}` : 'seasonal_naive';
      writeForecast(ctx, { customerId, productId, month, quantity }, 'baseline', label);
      written += 1;
    }
  }
  recordAudit(ctx, 'baseline_forecasts', 'forecast', null, { ...input, written, kept: keptCount });
  return { written, kept: keptCount };
}
