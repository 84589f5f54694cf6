/**
 * Splits an amount over weights in proportion, in whole paise, by largest remainder: the parts
 * always add up to the amount exactly, so line totals sum to the order total. BigInt keeps
 * weight × amount exact however large the order.
 */
export function spreadProportionally(amount: number, weights: number[]): number[] {
  const w = weights.map((x) => BigInt(Math.max(x, 0)));
  const total = w.reduce((s, x) => s + x, 0n);
  if (total === 0n || amount === 0) return weights.map(() => 0);
  const a = BigInt(amount);
  const parts = w.map((x) => (x * a) / total);
  const remainders = w.map((x, i) => [(x * a) % total, i] as const);
  let left = a - parts.reduce((s, p) => s + p, 0n);
  remainders.sort((p, q) => (q[0] > p[0] ? 1 : q[0] < p[0] ? -1 : p[1] - q[1]));
  for (const [, i] of remainders) {
    if (left <= 0n) break;
    parts[i]! += 1n;
    left -= 1n;
  }
  return parts.map(Number);
}
