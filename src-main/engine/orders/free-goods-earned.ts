/**
 * Free goods follow the paid goods that earn them. Pure: plain numbers in and out.
 *
 * How a free line is linked (decided here, for every path that moves free goods):
 * - only a free-goods scheme ("buy X of P, get Y of Q") makes free lines; volume and value
 *   schemes give discounts, never goods. A free line is earned by the order's paid units of P,
 *   summed over all its paid lines of P, exactly as the scheme counted them when pricing;
 * - every X paid units earn Y free (or Y once, if the scheme does not repeat);
 * - the line's own quantity is the ceiling: a budget cap may have cut it below what the full order
 *   earns, and then the customer gets free goods as paid units qualify until that ceiling is met.
 * The same rule bounds each step: what is reserved by what paid units are reserved, what a
 * delivery note carries by what paid units have been delivered, so the invoice (made from the
 * delivery notes) shows exactly the free units delivered.
 */
export interface EarnRule {
  /** the paid product whose units earn this line */
  productId: number;
  buyQuantity: number;
  getQuantity: number;
  repeat: boolean;
}

/** Free units earned by this many paid units, never more than the free line promised. */
export function freeUnitsEarned(rule: EarnRule, paidUnits: number, promised: number): number {
  if (rule.buyQuantity <= 0 || paidUnits <= 0) return 0;
  const times = rule.repeat ? Math.floor(paidUnits / rule.buyQuantity) : paidUnits >= rule.buyQuantity ? 1 : 0;
  return Math.max(0, Math.min(promised, times * rule.getQuantity));
}

/**
 * How many more free units may move now (be reserved, or go on a delivery note) when the paid
 * units counted so far, including this step's, come to `paidUnits` and `freeSoFar` free units
 * have already moved.
 */
export function freeUnitsAllowed(rule: EarnRule, paidUnits: number, promised: number, freeSoFar: number): number {
  return Math.max(0, freeUnitsEarned(rule, paidUnits, promised) - freeSoFar);
}
