/**
 * The suggested order for one product in one warehouse: a pure rule over plain numbers that says why.
 *
 * Position = on hand + already ordered (open purchase orders, not yet received) + in transit to this warehouse.
 * Average daily sales (ADS) = units delivered in the window ÷ days in the window.
 * Target:
 *  - days of cover: ADS × (days of cover + supplier's lead time), rounded up to a whole unit — the order must last
 *    until the next one arrives; a min raises it, a max caps it;
 *  - min/max only: when the position has fallen to the min, fill up to the max;
 *  - min only: fill up to the min.
 * Suggested = target − position when short, rounded up to whole packs of the product's largest pack (the case the
 * brand ships), else 0.
 *
 * Worked by hand (the unit test checks exactly this): 95 delivered in 30 days → ADS 95/30 = 3.1666… a day.
 * Cover 10 days + lead time 5 days = 15 days → 95 × 15 / 30 = 47.5 → target 48 units.
 * On hand 12 + on order 6 (10 ordered, 4 received) + in transit 3 = position 21; short 48 − 21 = 27.
 * Case of 12: 27 / 12 = 2.25 → 3 cases = 36 units suggested.
 */
export interface Norm {
  minQuantity: number | null;
  maxQuantity: number | null;
  coverDays: number | null;
}

export interface SuggestionInput {
  onHand: number;
  onOrder: number;
  inTransit: number;
  /** base units delivered (issues) in the window */
  sold: number;
  windowDays: number;
  leadTimeDays: number;
  norm: Norm;
  /** the largest pack, when the product has one: the order is rounded up to whole packs */
  pack: { unit: string; factor: number } | null;
  baseUnit: string;
}

export interface Suggestion {
  position: number;
  dailySales: number;
  target: number;
  suggested: number;
  why: string;
}

const ceilDiv = (a: number, b: number) => Math.floor((a + b - 1) / b);
const twoDecimals = (n: number) => (Math.round(n * 100) / 100).toFixed(2);

function targetOf(i: SuggestionInput, position: number): { target: number; reorder: boolean; why: string } {
  const { minQuantity: min, maxQuantity: max, coverDays } = i.norm;
  if (coverDays !== null) {
    const days = coverDays + i.leadTimeDays;
    let target = ceilDiv(i.sold * days, i.windowDays);
    let why = `cover ${coverDays} d + lead time ${i.leadTimeDays} d = ${days} d × ${twoDecimals(i.sold / i.windowDays)} = ${target}`;
    if (min !== null && target < min) {
      target = min;
      why += `, raised to the min ${min}`;
    }
    if (max !== null && target > max) {
      target = max;
      why += `, capped at the max ${max}`;
    }
    return { target, reorder: position < target, why };
  }
  if (max !== null) {
    const reorderAt = min ?? max - 1;
    return {
      target: max,
      reorder: position <= reorderAt,
      why:
        min === null
          ? `fill to the max ${max}`
          : position <= min
            ? `at or below the min ${min}: fill to the max ${max}`
            : `above the min ${min}: no order yet`,
    };
  }
  if (min !== null) return { target: min, reorder: position < min, why: `fill to the min ${min}` };
  return { target: 0, reorder: false, why: 'no norm' };
}

export function suggestQuantity(i: SuggestionInput): Suggestion {
  const position = i.onHand + i.onOrder + i.inTransit;
  const dailySales = i.windowDays > 0 ? i.sold / i.windowDays : 0;
  const { target, reorder, why: targetWhy } = targetOf(i, position);
  const sales = `Sold ${i.sold} in ${i.windowDays} d (${twoDecimals(dailySales)} a day)`;
  const stock = `on hand ${i.onHand} + on order ${i.onOrder} + in transit ${i.inTransit} = ${position}`;
  const short = target - position;
  if (!reorder || short <= 0)
    return { position, dailySales, target, suggested: 0, why: `${sales}; target ${targetWhy}; ${stock}: enough.` };
  let suggested = short;
  let packs = '';
  if (i.pack && i.pack.factor > 1) {
    const count = ceilDiv(short, i.pack.factor);
    suggested = count * i.pack.factor;
    packs = ` → ${count} × ${i.pack.unit} of ${i.pack.factor} = ${suggested} ${i.baseUnit}`;
  }
  return {
    position,
    dailySales,
    target,
    suggested,
    why: `${sales}; target ${targetWhy}; ${stock}; short ${short}${packs}.`,
  };
}
