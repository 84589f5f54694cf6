import { formatMoney, shareOf } from '../../../src-shared/money';

/**
 * Gross margin rules: sales value before tax less the cost of goods at moving average. Pure functions over
 * plain numbers (paise), each returning what it found and why, so screens and approvals can say it.
 */

export type MarginPolicy = 'off' | 'warn' | 'approval';

/**
 * The cost of goods a sale's issue movements carried (their value is negative: it leaves stock), or null when
 * unknown. Stock that never had a cost leaves at zero; a zero cost on goods sold is "unknown", never a
 * 100% margin.
 */
export function costOfIssue(issueValue: number, quantity: number): number | null {
  const cost = -issueValue;
  return quantity > 0 && cost > 0 ? cost : null;
}

/** The cost that comes back with `returning` of `quantity` units after `before` came back: parts add up to the whole. */
export function costReturned(cost: number, quantity: number, before: number, returning: number): number {
  return shareOf(cost, before + returning, quantity) - shareOf(cost, before, quantity);
}

export interface MarginFigures {
  /** sales value before tax of the lines whose cost is known */
  sales: number;
  cost: number;
  margin: number;
  /** margin in basis points of sales; null when no sales with a known cost */
  marginBps: number | null;
  /** lines left out of margin because their cost is unknown */
  unknownLines: number;
}

/** Margin over lines; lines without a known cost are left out and counted, never taken as free. */
export function sumMargin(lines: { taxable: number; cost: number | null }[]): MarginFigures {
  let sales = 0;
  let cost = 0;
  let unknownLines = 0;
  for (const l of lines) {
    if (l.cost === null) unknownLines++;
    else {
      sales += l.taxable;
      cost += l.cost;
    }
  }
  const margin = sales - cost;
  return { sales, cost, margin, marginBps: marginBps(margin, sales, unknownLines < lines.length), unknownLines };
}

/** Margin as basis points of sales (half away from zero); null when there is nothing to divide by. */
export function marginBps(margin: number, sales: number, anyKnown = true): number | null {
  if (!anyKnown || sales <= 0) return null;
  return shareOf(10_000, margin, sales);
}

export interface EntryLine {
  lineNo: number;
  sku: string;
  quantity: number;
  /** value before tax after discounts */
  taxable: number;
  isFree: boolean;
  /** cost of the line's units at the warehouse's moving average; null when unknown */
  cost: number | null;
}

export interface LineMark {
  lineNo: number;
  cost: number | null;
  margin: number | null;
  /** a paid line whose price per unit after discounts is under its cost per unit */
  belowCost: boolean;
}

export interface BillMargin {
  lines: LineMark[];
  figures: MarginFigures;
  /** the bill's margin is negative: what the policy acts on */
  negative: boolean;
  /** for those who may see cost: the lines and the amounts below cost */
  reason: string | null;
  /** for those who may not: the same fact without a figure */
  neutralReason: string | null;
}

export const NEUTRAL_BELOW_COST = 'Price below cost: needs manager';

/**
 * Marks the lines of an order priced below cost and says whether the bill as a whole sells below cost.
 * Free goods are never "below cost" on their own, but their cost counts against the bill's margin.
 */
export function assessBillMargin(lines: EntryLine[]): BillMargin {
  const marks = lines.map((l) => ({
    lineNo: l.lineNo,
    cost: l.cost,
    margin: l.cost === null ? null : l.taxable - l.cost,
    belowCost: !l.isFree && l.cost !== null && l.taxable < l.cost,
  }));
  const figures = sumMargin(lines);
  const negative = figures.unknownLines < lines.length && figures.margin < 0;
  if (!negative) return { lines: marks, figures, negative, reason: null, neutralReason: null };
  const below = lines
    .filter((l) => l.cost !== null && l.taxable < l.cost)
    .map(
      (l) =>
        `line ${l.lineNo} ${l.sku} ${formatMoney(l.cost! - l.taxable)} below cost${l.isFree ? ' (free goods)' : ''}`,
    );
  return {
    lines: marks,
    figures,
    negative,
    reason: `Bill sells ${formatMoney(-figures.margin)} below cost: ${below.join(', ')}`,
    neutralReason: NEUTRAL_BELOW_COST,
  };
}

/** A below-cost reason as a role without cost.read may read it: the fact, not the figures. */
export function withoutCost(reason: string): string {
  return reason.startsWith('Bill sells ') && reason.includes(' below cost') ? NEUTRAL_BELOW_COST : reason;
}
