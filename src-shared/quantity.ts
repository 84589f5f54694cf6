/**
 * What a clerk types for a quantity, in any of the product's units: "3c 5", "3 case + 5 pc",
 * "2 box", "10". A bare number is base units. A unit can be shortened to any prefix that
 * names one unit only ("c" for case, "b" for box). The result is always whole base units.
 */
export interface UnitsOf {
  baseUnit: string;
  packs: { unit: string; factor: number }[];
}

/** The most one order line may carry, in base units; the contract refuses more. */
export const MAX_LINE_QUANTITY = 10_000_000;

export type ParsedQuantity = { ok: true; quantity: number; text: string } | { ok: false; error: string };

export function parseQuantity(input: string, units: UnitsOf): ParsedQuantity {
  const text = input.trim().toLowerCase().replace(/\+/g, ' ');
  if (!text) return { ok: false, error: 'Enter a quantity' };
  const all = [{ unit: units.baseUnit, factor: 1 }, ...units.packs];
  const parts = [...text.matchAll(/(\d+)\s*([a-z]*)/g)];
  const leftover = text.replace(/(\d+)\s*([a-z]*)/g, '').trim();
  if (leftover)
    return { ok: false, error: `"${leftover}" is not a quantity; type e.g. 3c 5 or 3 case + 5 ${units.baseUnit}` };
  let quantity = 0;
  const shown: string[] = [];
  for (const [, digits, word] of parts) {
    const count = Number(digits);
    let unit = all[0]!;
    if (word) {
      const singulars = [word, word.replace(/s$/, ''), word.replace(/es$/, '')];
      const exact = all.find((u) => singulars.includes(u.unit));
      const byPrefix = all.filter((u) => u.unit.startsWith(word));
      const match = exact ?? (byPrefix.length === 1 ? byPrefix[0] : undefined);
      if (!match)
        return {
          ok: false,
          error:
            byPrefix.length > 1
              ? `"${word}" could be ${byPrefix.map((u) => u.unit).join(' or ')}`
              : `No unit "${word}"; use ${all.map((u) => u.unit).join(', ')}`,
        };
      unit = match;
    }
    quantity += count * unit.factor;
    shown.push(`${count} ${unit.unit}`);
  }
  if (quantity <= 0) return { ok: false, error: 'Quantity must be more than zero' };
  // Say which quantity is absurd, in what the clerk typed, so a slipped finger is easy to spot.
  if (!Number.isSafeInteger(quantity) || quantity > MAX_LINE_QUANTITY) {
    const total = Number.isSafeInteger(quantity)
      ? `${quantity.toLocaleString('en-IN')} ${units.baseUnit}`
      : 'more than any stock';
    return {
      ok: false,
      error: `“${input.trim()}” is ${total}; one line can carry at most ${MAX_LINE_QUANTITY.toLocaleString('en-IN')} ${units.baseUnit}`,
    };
  }
  return { ok: true, quantity, text: shown.join(' + ') };
}

/** 77 with a case of 24 → 3 case and 5 left over in base units: largest packs first. */
export function packBreakdown(
  quantity: number,
  packs: UnitsOf['packs'],
): { packs: { unit: string; count: number }[]; left: number } {
  const out: { unit: string; count: number }[] = [];
  let left = quantity;
  for (const p of [...packs].sort((a, b) => b.factor - a.factor)) {
    const count = Math.floor(left / p.factor);
    if (count > 0) {
      out.push({ unit: p.unit, count });
      left -= count * p.factor;
    }
  }
  return { packs: out, left };
}

/** 77 with a case of 24 → "3 case + 5 pc". */
export function formatQuantity(quantity: number, units: UnitsOf): string {
  const { packs, left } = packBreakdown(quantity, units.packs);
  const parts = packs.map((p) => `${p.count} ${p.unit}`);
  if (left > 0 || parts.length === 0) parts.push(`${left} ${units.baseUnit}`);
  return parts.join(' + ');
}

/** "case=24 · box=6" (how lists and pick lines carry a product's packs) → packs. */
export function packsFromText(text: string): UnitsOf['packs'] {
  return text
    ? text
        .split(/\s*[·;,]\s*/)
        .map((p) => ({ unit: p.split('=')[0]!.trim(), factor: Number(p.split('=')[1]) }))
        .filter((p) => p.factor > 1)
    : [];
}

/**
 * A quantity as the warehouse counts it: 48 with a case of 24 → "2 case", 53 → "2 case 5 pc",
 * 144 with no packs → "144 pc". Packs may be given as a list or as text ("case=24 · box=6").
 */
export function formatPacks(quantity: number, units: { baseUnit: string; packs: UnitsOf['packs'] | string }): string {
  const packs = typeof units.packs === 'string' ? packsFromText(units.packs) : units.packs;
  if (quantity < 0) return `-${formatPacks(-quantity, { baseUnit: units.baseUnit, packs })}`;
  return formatQuantity(quantity, { baseUnit: units.baseUnit, packs }).replace(/ \+ /g, ' ');
}

/** The base-unit quantity GST reads, with the packs beside it when they say something: "48 pc (2 case)". */
export function formatUnitsAndPacks(
  quantity: number,
  units: { baseUnit: string; packs: UnitsOf['packs'] | string },
): string {
  const base = `${quantity} ${units.baseUnit}`;
  const packs = formatPacks(quantity, units);
  return packs === base ? base : `${base} (${packs})`;
}
