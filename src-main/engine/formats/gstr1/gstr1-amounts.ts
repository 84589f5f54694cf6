import type { Gstr1Line } from './gstr1-source';

/**
 * Paise to rupees at the edge, the one rounding rule of the return: every figure is summed in integer paise first
 * and converted once, so a rupee figure always has at most two decimals and a total is the sum of its rows to the
 * paisa (the portal checks `flt(x, 2)`; we never have a third decimal to round).
 */
export const rupees = (paise: number): number => Math.round(paise) / 100;

/** Percent from basis points: 1800 → 18, 25 → 0.25. */
export const percent = (bps: number): number => bps / 100;

/** "2025-11-14" → "14-11-2025", the return's date format (dashes). */
export const returnDate = (isoDate: string): string =>
  `${isoDate.slice(8, 10)}-${isoDate.slice(5, 7)}-${isoDate.slice(0, 4)}`;

export interface Heads {
  taxable: number;
  cgst: number;
  sgst: number;
  igst: number;
}

export const noHeads = (): Heads => ({ taxable: 0, cgst: 0, sgst: 0, igst: 0 });

export function addHeads(into: Heads, from: Heads, sign = 1): Heads {
  into.taxable += sign * from.taxable;
  into.cgst += sign * from.cgst;
  into.sgst += sign * from.sgst;
  into.igst += sign * from.igst;
  return into;
}

/**
 * A document's lines by tax rate, the return's items (`itms`, numbered from 1). Free-goods lines carry no value,
 * so a rate only free goods were billed at gives no item — unless the document has nothing else.
 */
export function itemsByRate(lines: Gstr1Line[]): { rateBps: number; heads: Heads }[] {
  const byRate = new Map<number, { heads: Heads; paid: boolean }>();
  for (const l of lines) {
    const row = byRate.get(l.rateBps) ?? { heads: noHeads(), paid: false };
    addHeads(row.heads, l);
    row.paid ||= !l.isFree || l.taxable !== 0;
    byRate.set(l.rateBps, row);
  }
  const rows = [...byRate.entries()].sort((a, b) => a[0] - b[0]);
  const paid = rows.filter(([, r]) => r.paid);
  return (paid.length ? paid : rows.slice(0, 1)).map(([rateBps, r]) => ({ rateBps, heads: r.heads }));
}

/** Σ of a document's lines: what the return reports for it, held against its header by the reconciliation. */
export const linesTotal = (lines: Gstr1Line[]): Heads => lines.reduce((s, l) => addHeads(s, l), noHeads());
