export type BaselineMethod = { kind: 'moving_average'; months: number } | { kind: 'seasonal_naive' };

/** 'YYYY-MM' shifted by whole months. */
export function addMonths(month: string, by: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const index = y * 12 + (m - 1) + by;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/**
 * A baseline forecast for `month` from billed history (base units per month; a month missing = nothing billed):
 * the moving average of the k months before it (rounded half up to whole units), or seasonal naive, the same
 * month last year. Returns the quantity and how it was reached.
 */
export function baselineForecast(
  history: Map<string, number>,
  month: string,
  method: BaselineMethod,
): { quantity: number; explanation: string } {
  if (method.kind === 'seasonal_naive') {
    const lastYear = addMonths(month, -12);
    const quantity = history.get(lastYear) ?? 0;
    return { quantity, explanation: `${lastYear} billed ${quantity}` };
  }
  const months = Array.from({ length: method.months }, (_, i) => addMonths(month, i - method.months));
  const total = months.reduce((sum, m) => sum + (history.get(m) ?? 0), 0);
  const quantity = Math.floor((total * 2 + method.months) / (2 * method.months));
  return { quantity, explanation: `${total} billed over ${months[0]}…${months.at(-1)} ÷ ${method.months}` };
}
