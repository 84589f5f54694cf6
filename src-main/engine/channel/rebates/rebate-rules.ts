import { daysBetween } from '../../../../src-shared/dates';
import { applyBasisPoints, formatMoney, formatRate, shareOf } from '../../../../src-shared/money';

export interface RebateTerms {
  basis: 'value' | 'volume';
  rateKind: 'bps' | 'per_unit';
  method: 'retroactive' | 'incremental';
  periodFrom: string;
  periodTo: string;
  /** ascending by threshold */
  tiers: { threshold: number; rate: number }[];
}

/** What counts toward the tiers so far: taxable paise and base units of the lines that pass the filter. */
export interface Achieved {
  value: number;
  units: number;
}

const basisOf = (terms: RebateTerms, a: Achieved) => (terms.basis === 'value' ? a.value : a.units);
const pay = (terms: RebateTerms, rate: number, a: Achieved) =>
  terms.rateKind === 'bps' ? applyBasisPoints(a.value, rate) : a.units * rate;

export function rateText(terms: Pick<RebateTerms, 'rateKind'>, rate: number): string {
  return terms.rateKind === 'bps' ? formatRate(rate) : `${formatMoney(rate)}/unit`;
}

export function basisText(terms: Pick<RebateTerms, 'basis'>, amount: number): string {
  return terms.basis === 'value' ? formatMoney(amount) : `${amount} units`;
}

/** The highest tier whose threshold the basis reaches, or null below the first. */
export function tierReached(terms: RebateTerms, basis: number): { threshold: number; rate: number } | null {
  let reached: { threshold: number; rate: number } | null = null;
  for (const tier of terms.tiers) if (basis >= tier.threshold) reached = tier;
  return reached;
}

/**
 * The period's basis if it keeps its pace: achieved ÷ days elapsed × days in the period, counting today (day 1 is
 * `periodFrom`, business dates). On or after the last day it is what was achieved.
 */
export function projectBasis(terms: RebateTerms, basis: number, today: string): number {
  const periodDays = daysBetween(terms.periodFrom, terms.periodTo) + 1;
  const elapsed = Math.min(periodDays, Math.max(1, daysBetween(terms.periodFrom, today) + 1));
  return shareOf(basis, periodDays, elapsed);
}

/**
 * The rebate `achieved` earns. Retroactive: the reached tier's rate on all of it. Incremental: each tier's rate on
 * the slice of the basis between its threshold and the next (a rate per unit needs a volume basis, a rate in basis
 * points a value basis, so a slice is in the rate's own terms).
 */
export function rebateEarned(terms: RebateTerms, achieved: Achieved): { amount: number; rate: number } {
  const basis = basisOf(terms, achieved);
  const top = tierReached(terms, basis);
  if (!top) return { amount: 0, rate: 0 };
  if (terms.method === 'retroactive') return { amount: pay(terms, top.rate, achieved), rate: top.rate };
  let amount = 0;
  terms.tiers.forEach((tier, i) => {
    const ceiling = terms.tiers[i + 1]?.threshold ?? Infinity;
    const slice = Math.max(0, Math.min(basis, ceiling) - tier.threshold);
    amount += terms.rateKind === 'bps' ? applyBasisPoints(slice, tier.rate) : slice * tier.rate;
  });
  return { amount, rate: top.rate };
}

export interface ExpectedAccrual {
  projected: number;
  rate: number;
  /** what should stand accrued for `achieved` */
  amount: number;
  explanation: string;
}

/**
 * What should stand accrued on `achieved` by `today`: the rebate at the tier the period is projected to reach.
 * Retroactive: that tier's rate × achieved. Incremental: the projected period's rebate, scaled down to achieved.
 */
export function expectedAccrual(terms: RebateTerms, achieved: Achieved, today: string): ExpectedAccrual {
  const basis = basisOf(terms, achieved);
  const projected = projectBasis(terms, basis, today);
  if (basis <= 0) return { projected: 0, rate: 0, amount: 0, explanation: 'Nothing achieved yet' };
  const tier = tierReached(terms, projected);
  let amount = 0;
  if (tier && terms.method === 'retroactive') amount = pay(terms, tier.rate, achieved);
  else if (tier) {
    const atPace = {
      value: shareOf(achieved.value, projected, basis),
      units: shareOf(achieved.units, projected, basis),
    };
    amount = shareOf(rebateEarned(terms, atPace).amount, basis, projected);
  }
  const reached = tier ? `tier ${rateText(terms, tier.rate)}` : 'below the first tier';
  return {
    projected,
    rate: tier?.rate ?? 0,
    amount,
    explanation:
      `Achieved ${basisText(terms, basis)} by ${today}, projected ${basisText(terms, projected)} for the period: ` +
      `${reached}, ${formatMoney(amount)} accrued`,
  };
}

/** The share of `amount` owed to each of `weights`, in order: rounded shares that always add up to the whole. */
export function spread(amount: number, weights: number[]): number[] {
  const whole = weights.reduce((s, w) => s + w, 0);
  if (whole <= 0) return weights.map(() => 0);
  let before = 0;
  return weights.map((w) => {
    const part = shareOf(amount, before + w, whole) - shareOf(amount, before, whole);
    before += w;
    return part;
  });
}

/** Checks the terms a clerk entered; returns the first problem with the field it belongs to, or null. */
export function termsProblem(terms: RebateTerms): { message: string; field: string } | null {
  if (terms.periodTo < terms.periodFrom) return { message: 'The period ends before it starts', field: 'periodTo' };
  if (terms.tiers.length === 0) return { message: 'Add at least one tier', field: 'tiers' };
  for (let i = 1; i < terms.tiers.length; i++) {
    if (terms.tiers[i]!.threshold <= terms.tiers[i - 1]!.threshold)
      return { message: 'Each tier must start above the one before it', field: `tiers.${i}.threshold` };
  }
  if (terms.method === 'incremental' && (terms.basis === 'value') !== (terms.rateKind === 'bps'))
    return {
      message: 'Incremental tiers need a % rate on a value basis or a rate per unit on a volume basis',
      field: 'rateKind',
    };
  return null;
}
