export interface CoverInput {
  /** base units counted at the latest report */
  closing: number;
  /** units sold in the reports ending in the window */
  sold: number;
  /** the days those reports cover, first period start to the latest report, both counted */
  days: number;
  windowDays: number;
}

export interface Cover {
  /** days the closing stock lasts at the recent rate, to one decimal; null when nothing sold */
  days: number | null;
  /** average units sold a day, to two decimals */
  dailySellOut: number;
  explanation: string;
}

/**
 * Days of cover: how long the outlet's stock lasts at the rate it has been selling. The rate is what its reports
 * in the last N days say it sold, over the days those reports cover (weekly reports over four weeks: 28 days), not
 * over N, so a window with a missing week does not understate it. Nothing sold: no rate, so no figure (not ∞).
 */
export function daysOfCover(input: CoverInput): Cover {
  const { closing, sold, days, windowDays } = input;
  if (sold <= 0 || days <= 0)
    return { days: null, dailySellOut: 0, explanation: `No sell-out reported in the last ${windowDays} days` };
  const rate = sold / days;
  const cover = Math.round((closing / rate) * 10) / 10;
  const perDay = Math.round(rate * 100) / 100;
  return {
    days: cover,
    dailySellOut: perDay,
    explanation: `${sold} sold over ${days} days (${perDay} a day): ${closing} in stock lasts ${cover} days`,
  };
}
