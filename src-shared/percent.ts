/**
 * A discount percentage as a clerk types it ("5", "7.5", "" for none) into basis points, or
 * the reason it is not one: "abc", "-10" and "150" each get their own words.
 */
export type ParsedPercent = { ok: true; bps: number } | { ok: false; error: string };

export function parseDiscountPercent(input: string): ParsedPercent {
  const text = input.trim().replace(/%$/, '').trim();
  if (text === '') return { ok: true, bps: 0 };
  if (!/^-?\d+(\.\d+)?$/.test(text))
    return { ok: false, error: `“${input.trim()}” is not a percentage; type e.g. 5 or 7.5` };
  const pct = Number(text);
  if (pct < 0) return { ok: false, error: 'A discount cannot be negative' };
  if (pct > 100) return { ok: false, error: `${text}% is more than the whole price; a discount is at most 100%` };
  if (!/^\d+(\.\d{1,2})?$/.test(text)) return { ok: false, error: 'Use at most two decimals, e.g. 7.25' };
  return { ok: true, bps: Math.round(pct * 100) };
}
