/**
 * Money is always an integer count of minor units (paise for INR). These helpers are the only
 * place that does arithmetic on money, so that rounding happens at named, documented points.
 */
export type Minor = number;

/** The largest amount a ledger carries (10^14 paise, ₹1 lakh crore): contract inputs, sync payloads, one document. */
export const MAX_AMOUNT = 1e14;

const MAX_SAFE = Number.MAX_SAFE_INTEGER;

export function assertMinor(value: number, what = 'amount'): Minor {
  if (!Number.isSafeInteger(value)) throw new RangeError(`${what} must be a whole number of paise`);
  return value;
}

export function addMoney(...amounts: Minor[]): Minor {
  let total = 0;
  for (const a of amounts) total += assertMinor(a);
  return assertMinor(total, 'total');
}

export function multiplyMoney(amount: Minor, quantity: number): Minor {
  if (!Number.isSafeInteger(quantity)) throw new RangeError('quantity must be a whole number');
  return assertMinor(amount * quantity, 'line amount');
}

/**
 * Applies a rate in basis points (1% = 100 bps) and rounds half away from zero to the paisa.
 * Integer arithmetic only: amount * bps is exact while it stays below 2^53.
 */
export function applyBasisPoints(amount: Minor, bps: number): Minor {
  assertMinor(amount);
  if (!Number.isSafeInteger(bps)) throw new RangeError('rate must be whole basis points');
  const product = amount * bps;
  if (Math.abs(product) > MAX_SAFE) throw new RangeError('amount too large for rate arithmetic');
  return divideRounded(product, 10_000);
}

/** Integer division rounding half away from zero (the rule GST invoices conventionally use). */
export function divideRounded(numerator: number, denominator: number): number {
  if (denominator <= 0 || !Number.isSafeInteger(denominator)) throw new RangeError('bad denominator');
  const sign = numerator < 0 ? -1 : 1;
  const n = Math.abs(numerator);
  const q = Math.floor(n / denominator);
  const r = n - q * denominator;
  return sign * (r * 2 >= denominator ? q + 1 : q);
}

/**
 * The share of `total` paise that `part` of `whole` units carries: total × part / whole, rounded half away from
 * zero. BigInt inside, because a year's stock value times a quantity passes 2^53. The whole takes all of it.
 */
export function shareOf(total: Minor, part: number, whole: number): Minor {
  assertMinor(total);
  if (!Number.isSafeInteger(part) || !Number.isSafeInteger(whole) || whole <= 0) throw new RangeError('bad share');
  if (part === whole) return total;
  const n = BigInt(total) * BigInt(part);
  const d = BigInt(whole);
  const sign = n < 0n ? -1n : 1n;
  const a = n < 0n ? -n : n;
  const q = a / d;
  const r = a - q * d;
  return Number(sign * (r * 2n >= d ? q + 1n : q));
}

const groupingCache = new Map<string, Intl.NumberFormat>();
function grouping(locale: string): Intl.NumberFormat {
  let f = groupingCache.get(locale);
  if (!f) {
    f = new Intl.NumberFormat(locale, { maximumFractionDigits: 0, useGrouping: true });
    groupingCache.set(locale, f);
  }
  return f;
}

const symbols: Record<string, string> = { INR: '₹', USD: '$', EUR: '€', GBP: '£', AED: 'AED ' };

/** 12345678 → "₹1,23,456.78" in en-IN. Only integers reach Intl, never a float amount. */
export function formatMoney(
  amount: Minor,
  opts: { currency?: string; locale?: string; symbol?: boolean } = {},
): string {
  assertMinor(amount);
  const { currency = 'INR', locale = 'en-IN', symbol = true } = opts;
  const negative = amount < 0;
  const abs = Math.abs(amount);
  const major = Math.floor(abs / 100);
  const minor = abs % 100;
  const text = `${grouping(locale).format(major)}.${String(minor).padStart(2, '0')}`;
  const prefix = symbol ? (symbols[currency] ?? `${currency} `) : '';
  return `${negative ? '-' : ''}${prefix}${text}`;
}

/**
 * Parses what a clerk types ("1,23,456.7", "₹ 99", "-5.05") into paise without floats.
 * Returns null when the text is not an amount; more than two decimals is not an amount.
 */
export function parseMoney(text: string): Minor | null {
  const cleaned = text.replace(/[₹,\s]/g, '').replace(/^INR/i, '');
  const m = /^(-)?(\d+)(?:\.(\d{0,2}))?$/.exec(cleaned);
  if (!m) return null;
  const major = Number(m[2]);
  const minor = Number((m[3] ?? '').padEnd(2, '0'));
  const value = major * 100 + minor;
  if (!Number.isSafeInteger(value)) return null;
  return m[1] ? -value : value;
}

/**
 * The unit rate a line prints: its value before GST ÷ its quantity, in rupees without a symbol.
 * A whole paisa prints as money ("84.75"); otherwise to a hundredth of a paisa ("84.7458"), the
 * ex-GST rate derived from a tax-inclusive price, so rate × qty gives the line's gross.
 */
export function formatUnitRate(gross: Minor, quantity: number): string {
  assertMinor(gross);
  if (!Number.isSafeInteger(quantity) || quantity <= 0)
    throw new RangeError('quantity must be a positive whole number');
  if (gross % quantity === 0) return formatMoney(gross / quantity, { symbol: false });
  // gross × 100 may pass 2^53 on a very large line: divide in BigInt, half up as everywhere.
  const hundredths = Number((BigInt(gross) * 200n + BigInt(quantity)) / (2n * BigInt(quantity)));
  const text = formatMoney(Math.trunc(hundredths / 100), { symbol: false });
  return `${text}${String(Math.abs(hundredths % 100)).padStart(2, '0')}`;
}

/** Basis points to a percent label: 1800 → "18%", 1250 → "12.5%". */
export function formatRate(bps: number): string {
  const whole = Math.trunc(bps / 100);
  const frac = Math.abs(bps % 100);
  if (frac === 0) return `${whole}%`;
  return `${whole}.${String(frac).padStart(2, '0').replace(/0$/, '')}%`;
}

/** "18" / "12.5" / "0.25" → basis points, or null. */
export function parseRate(text: string): number | null {
  const m = /^(\d{1,3})(?:\.(\d{1,2}))?%?$/.exec(text.trim());
  if (!m) return null;
  return Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
}
