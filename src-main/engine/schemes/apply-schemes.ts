import { applyBasisPoints } from '../../../src-shared/money';
import { formatMoney } from '../../../src-shared/money';
import type { SchemeEligibility, SchemeRule } from '../../../src-shared/contract/scheme-rules';
import { formatQuantity } from '../../../src-shared/quantity';
import { spreadProportionally } from '../pricing/spread';

/**
 * Schemes on an order, as a pure rule. Order of play and stacking, documented for the clerk:
 * - schemes run by priority (lower first), then by id;
 * - a combinable scheme stacks with every other combinable one;
 * - an exclusive scheme applies only if it is the first that qualifies, and then alone;
 * - a value scheme is measured on the order after the discounts of the schemes before it;
 * - free units never count towards any scheme; a budget cap limits the benefit to what is left.
 * Every scheme that applied, and every near miss, comes back with a sentence for the screen.
 */
export interface SchemeLine {
  key: number;
  productId: number;
  productName: string;
  category: string;
  brand: string;
  quantity: number;
  unitPrice: number;
  /** before schemes */
  gross: number;
  baseUnit: string;
  packs: { unit: string; factor: number }[];
}

export interface SchemeDefinition {
  id: number;
  code: string;
  name: string;
  rule: SchemeRule;
  priority: number;
  exclusive: boolean;
  /** paise left under the cap; null when uncapped */
  budgetRemaining: number | null;
}

export interface FreeLine {
  productId: number;
  quantity: number;
  schemeId: number;
  note: string;
}

export interface SchemeOutcome {
  /** discount per line key, paise, and the sentences that explain it */
  lineDiscounts: Map<number, { amount: number; notes: string[] }>;
  freeLines: FreeLine[];
  applied: { schemeId: number; code: string; name: string; benefit: number; description: string }[];
  nearMisses: { schemeId: number; code: string; message: string }[];
}

export interface SchemeProductInfo {
  name: string;
  unitPrice: number;
  baseUnit: string;
  packs: { unit: string; factor: number }[];
}

/** 48 base units with a case of 24 → "2 case"; 56 → "2 case + 8 pc": how the clerk counts. */
export function describeQuantity(
  quantity: number,
  baseUnit: string,
  packs: { unit: string; factor: number }[],
): string {
  return formatQuantity(quantity, { baseUnit, packs });
}

export function isEligible(
  e: SchemeEligibility,
  c: { customerId: number; customerType: string; stateCode: string; district: string },
): boolean {
  if (e.customerIds.length && !e.customerIds.includes(c.customerId)) return false;
  if (e.customerTypes.length && !e.customerTypes.includes(c.customerType)) return false;
  if (e.stateCodes.length && !e.stateCodes.includes(c.stateCode)) return false;
  if (e.districts.length && !e.districts.some((d) => d.toLowerCase() === c.district.toLowerCase())) return false;
  return true;
}

interface Evaluation {
  benefit: number;
  discounts: Map<number, number>;
  free: FreeLine | null;
  description: string;
  nearMiss: string | null;
}

function matchesTarget(line: SchemeLine, t: { productIds: number[]; categories: string[]; brands: string[] }): boolean {
  return t.productIds.includes(line.productId) || t.categories.includes(line.category) || t.brands.includes(line.brand);
}

function evaluate(
  scheme: SchemeDefinition,
  lines: SchemeLine[],
  discounted: Map<number, number>,
  products: Map<number, SchemeProductInfo>,
): Evaluation {
  const rule = scheme.rule;
  const none = (nearMiss: string | null): Evaluation => ({
    benefit: 0,
    discounts: new Map(),
    free: null,
    description: '',
    nearMiss,
  });
  if (rule.kind === 'value') {
    const base = lines.reduce((s, l) => s + l.gross - (discounted.get(l.key) ?? 0), 0);
    const slabs = [...rule.slabs].sort((a, b) => a.minValue - b.minValue);
    const reached = slabs.filter((s) => s.minValue <= base).at(-1);
    const next = slabs.find((s) => s.minValue > base);
    const offer = (s: (typeof slabs)[number]) =>
      s.discountBps ? `${s.discountBps / 100}% off the order` : `${formatMoney(s.flat!)} off the order`;
    const nearMiss = next ? `Add ${formatMoney(next.minValue - base)} more for ${offer(next)}` : null;
    if (!reached) return none(nearMiss);
    const benefit = Math.min(reached.discountBps ? applyBasisPoints(base, reached.discountBps) : reached.flat!, base);
    const weights = lines.map((l) => l.gross - (discounted.get(l.key) ?? 0));
    const shares = spreadProportionally(benefit, weights);
    return {
      benefit,
      discounts: new Map(lines.map((l, i) => [l.key, shares[i]!])),
      free: null,
      description: `order value ${formatMoney(base)} ≥ ${formatMoney(reached.minValue)}: ${offer(reached)}`,
      nearMiss,
    };
  }
  if (rule.kind === 'volume') {
    const qualifying = lines.filter((l) => matchesTarget(l, rule.target));
    const quantity = qualifying.reduce((s, l) => s + l.quantity, 0);
    const slabs = [...rule.slabs].sort((a, b) => a.minQuantity - b.minQuantity);
    const reached = slabs.filter((s) => s.minQuantity <= quantity).at(-1);
    const next = slabs.find((s) => s.minQuantity > quantity);
    const first = qualifying[0] ?? lines.find((l) => matchesTarget(l, rule.target));
    const unitText = (q: number) => (first ? describeQuantity(q, first.baseUnit, first.packs) : `${q}`);
    const offer = (s: (typeof slabs)[number]) =>
      s.discountBps ? `${s.discountBps / 100}% off` : `${formatMoney(s.perUnit!)} off each unit`;
    const nearMiss =
      next && quantity > 0
        ? `Add ${unitText(next.minQuantity - quantity)} more of ${scheme.name} items for ${offer(next)}`
        : null;
    if (!reached) return none(nearMiss);
    const discounts = new Map<number, number>();
    let benefit = 0;
    for (const l of qualifying) {
      const net = l.gross - (discounted.get(l.key) ?? 0);
      const d = Math.min(
        net,
        reached.discountBps ? applyBasisPoints(net, reached.discountBps) : reached.perUnit! * l.quantity,
      );
      discounts.set(l.key, d);
      benefit += d;
    }
    return {
      benefit,
      discounts,
      free: null,
      description: `${unitText(quantity)} of qualifying items ≥ ${unitText(reached.minQuantity)}: ${offer(reached)}`,
      nearMiss,
    };
  }
  const bought = lines.filter((l) => l.productId === rule.buyProductId).reduce((s, l) => s + l.quantity, 0);
  const buyInfo = products.get(rule.buyProductId);
  const getInfo = products.get(rule.getProductId);
  const q = (n: number, info: SchemeProductInfo | undefined) =>
    info ? describeQuantity(n, info.baseUnit, info.packs) : String(n);
  const times = rule.repeat ? Math.floor(bought / rule.buyQuantity) : bought >= rule.buyQuantity ? 1 : 0;
  const gap = rule.buyQuantity - (bought % rule.buyQuantity);
  const nearMiss =
    bought > 0 && (times === 0 || rule.repeat)
      ? `Add ${q(gap, buyInfo)} more ${buyInfo?.name ?? ''} for ${q(rule.getQuantity, getInfo)} free`.replace('  ', ' ')
      : null;
  if (times === 0) return none(nearMiss);
  const quantity = times * rule.getQuantity;
  const description = `buy ${q(rule.buyQuantity, buyInfo)} get ${q(rule.getQuantity, getInfo)} free${rule.repeat ? ', for every multiple' : ''}: ${q(quantity, getInfo)} free`;
  return {
    benefit: quantity * (getInfo?.unitPrice ?? 0),
    discounts: new Map(),
    free: { productId: rule.getProductId, quantity, schemeId: scheme.id, note: `${scheme.name}: ${description}` },
    description,
    nearMiss,
  };
}

export function applySchemes(
  lines: SchemeLine[],
  schemes: SchemeDefinition[],
  products: Map<number, SchemeProductInfo>,
): SchemeOutcome {
  const outcome: SchemeOutcome = { lineDiscounts: new Map(), freeLines: [], applied: [], nearMisses: [] };
  const discounted = new Map<number, number>();
  const ordered = [...schemes].sort((a, b) => a.priority - b.priority || a.id - b.id);
  for (const scheme of ordered) {
    const result = evaluate(scheme, lines, discounted, products);
    if (result.nearMiss) outcome.nearMisses.push({ schemeId: scheme.id, code: scheme.code, message: result.nearMiss });
    if (result.benefit <= 0) continue;
    if (scheme.exclusive && outcome.applied.length > 0) {
      outcome.nearMisses.push({
        schemeId: scheme.id,
        code: scheme.code,
        message: `${scheme.name} does not combine with ${outcome.applied.map((a) => a.name).join(', ')}`,
      });
      continue;
    }
    let benefit = result.benefit;
    let scale: [number, number] = [1, 1];
    if (scheme.budgetRemaining !== null && benefit > scheme.budgetRemaining) {
      if (scheme.budgetRemaining <= 0) {
        outcome.nearMisses.push({ schemeId: scheme.id, code: scheme.code, message: `${scheme.name}: budget used up` });
        continue;
      }
      scale = [scheme.budgetRemaining, benefit];
      benefit = scheme.budgetRemaining;
    }
    let description = result.description;
    if (result.free) {
      const info = products.get(result.free.productId);
      const quantity =
        scale[0] === scale[1] ? result.free.quantity : Math.floor((result.free.quantity * scale[0]) / scale[1]);
      if (quantity === 0) continue;
      benefit = quantity * (info?.unitPrice ?? 0);
      if (quantity !== result.free.quantity) description += ` (capped by budget to ${quantity})`;
      outcome.freeLines.push({ ...result.free, quantity });
    } else {
      const keys = [...result.discounts.keys()];
      const amounts =
        scale[0] === scale[1]
          ? keys.map((k) => result.discounts.get(k)!)
          : spreadProportionally(
              benefit,
              keys.map((k) => result.discounts.get(k)!),
            );
      if (scale[0] !== scale[1]) description += ' (capped by the scheme budget)';
      keys.forEach((key, i) => {
        const amount = amounts[i]!;
        if (amount === 0) return;
        discounted.set(key, (discounted.get(key) ?? 0) + amount);
        const entry = outcome.lineDiscounts.get(key) ?? { amount: 0, notes: [] };
        entry.amount += amount;
        entry.notes.push(`${scheme.name}: ${formatMoney(amount)}`);
        outcome.lineDiscounts.set(key, entry);
      });
    }
    outcome.applied.push({ schemeId: scheme.id, code: scheme.code, name: scheme.name, benefit, description });
    if (scheme.exclusive) break;
  }
  return outcome;
}
