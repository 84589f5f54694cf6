import { applyBasisPoints, divideRounded } from '../../../src-shared/money';

/**
 * GST on one invoice line. Within the state (seller's state = place of supply) the rate is split
 * into CGST and SGST, each half the rate on the taxable value; across states it is IGST at the
 * full rate. Each half is rounded on its own, so CGST + SGST may differ from the IGST figure by a
 * paisa; the invoice shows exactly what was charged.
 */
export interface LineTax {
  cgst: number;
  sgst: number;
  igst: number;
}

export function lineGst(taxable: number, rateBps: number, intraState: boolean): LineTax {
  if (intraState) {
    const half = divideRounded(taxable * rateBps, 20_000);
    return { cgst: half, sgst: half, igst: 0 };
  }
  return { cgst: 0, sgst: 0, igst: applyBasisPoints(taxable, rateBps) };
}

export interface HsnRow {
  hsn: string;
  rateBps: number;
  taxable: number;
  cgst: number;
  sgst: number;
  igst: number;
}

/** The HSN summary GST asks for: taxable value and tax per HSN code and rate. */
export function hsnSummary(lines: { hsn: string; rateBps: number; taxable: number; tax: LineTax }[]): HsnRow[] {
  const rows = new Map<string, HsnRow>();
  for (const l of lines) {
    const key = `${l.hsn}|${l.rateBps}`;
    const row = rows.get(key) ?? { hsn: l.hsn, rateBps: l.rateBps, taxable: 0, cgst: 0, sgst: 0, igst: 0 };
    row.taxable += l.taxable;
    row.cgst += l.tax.cgst;
    row.sgst += l.tax.sgst;
    row.igst += l.tax.igst;
    rows.set(key, row);
  }
  return [...rows.values()].sort((a, b) => a.hsn.localeCompare(b.hsn) || a.rateBps - b.rateBps);
}

/** Invoices are payable in whole rupees: the round-off line takes the total to the nearest rupee (50 paise up). */
export function roundOff(total: number): { roundOff: number; payable: number } {
  const payable = divideRounded(total, 100) * 100;
  return { roundOff: payable - total, payable };
}

/** Place of supply is the ship-to state; the same state as the seller means CGST + SGST. */
export function isIntraState(sellerStateCode: string, placeOfSupply: string): boolean {
  return sellerStateCode === placeOfSupply;
}
