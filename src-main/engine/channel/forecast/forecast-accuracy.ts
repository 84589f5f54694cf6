export interface PeriodPair {
  forecast: number;
  actual: number;
}

export interface Accuracy {
  /** mean absolute percentage error in basis points (1037 = 10.37%), over periods with an actual; null if none */
  mapeBps: number | null;
  /** Σ(forecast − actual) / Σ actual in basis points: positive = forecast too high, negative = too low */
  biasBps: number | null;
  /** periods in the MAPE, and periods left out of it because nothing was sold (their error has no base) */
  periods: number;
  zeroActualPeriods: number;
  explanation: string;
}

const bps = (ratio: number) => Math.round(ratio * 10_000);
const pct = (value: number) => `${(value / 100).toFixed(2)}%`;

/**
 * Forecast accuracy over a series of periods. MAPE = mean(|actual − forecast| / actual) over periods whose actual
 * is above zero: a zero actual has no percentage error, so such a period is counted apart (and still weighs in the
 * bias, whose base is the whole period's actual). Bias = Σ(forecast − actual) / Σ actual; over-forecasting is
 * positive. Both are rounded once, at the end, to basis points.
 */
export function forecastAccuracy(pairs: PeriodPair[]): Accuracy {
  const counted = pairs.filter((p) => p.actual > 0);
  const zeroActualPeriods = pairs.length - counted.length;
  const errors = counted.map((p) => Math.abs(p.actual - p.forecast) / p.actual);
  const mapeBps = counted.length ? bps(errors.reduce((a, b) => a + b, 0) / counted.length) : null;
  const totalActual = pairs.reduce((a, p) => a + p.actual, 0);
  const gap = pairs.reduce((a, p) => a + p.forecast - p.actual, 0);
  const biasBps = totalActual > 0 ? bps(gap / totalActual) : null;
  const parts = [
    mapeBps === null ? 'no period with an actual, so no MAPE' : `MAPE ${pct(mapeBps)} over ${counted.length} periods`,
    zeroActualPeriods ? `${zeroActualPeriods} with nothing actual left out of it` : '',
    biasBps === null
      ? 'no bias without an actual'
      : `bias ${pct(biasBps)} (${biasBps > 0 ? 'forecast above actual' : biasBps < 0 ? 'forecast below actual' : 'even'})`,
  ].filter(Boolean);
  return { mapeBps, biasBps, periods: counted.length, zeroActualPeriods, explanation: parts.join('; ') };
}
