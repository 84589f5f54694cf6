import { applyBasisPoints, shareOf } from '../../../src-shared/money';
import { lineGst, roundOff } from '../billing/gst';
import { invalid } from '../errors';

export interface PurchaseLineFigures {
  quantity: number;
  rate: number;
  discountBps: number;
  discountAmount: number;
  taxRate: number;
}

export interface LandedLine {
  gross: number;
  discount: number;
  /** freight and other charges this line carries */
  charges: number;
  /** landed value before tax: gross − discount + charges; input GST is charged on it */
  taxable: number;
  cgst: number;
  sgst: number;
  igst: number;
  total: number;
}

export interface LandedTotals {
  gross: number;
  discount: number;
  charges: number;
  taxable: number;
  cgst: number;
  sgst: number;
  igst: number;
  roundOff: number;
  total: number;
}

/**
 * The brand's invoice worked line by line, the way its own bill is worked:
 * - each line's value is quantity × rate less its discount (basis points of the gross, then a flat amount);
 * - freight and other charges are spread over the lines by that value (shareOf; the last line takes what is
 *   left, so the lines carry exactly the charges) — they are part of the value of supply, so GST is on them too,
 *   and they are part of what the goods cost (landed cost);
 * - GST per line at the product's rate, CGST+SGST within the state, IGST across (the rule of our own invoices);
 * - the total rounds to the rupee like ours.
 * Input GST is not cost: the distributor claims it back, so the landed value is the taxable value.
 */
export function landedCost(
  lines: PurchaseLineFigures[],
  charges: number,
  intraState: boolean,
): { lines: LandedLine[]; totals: LandedTotals } {
  const nets = lines.map((l, i) => {
    const gross = l.quantity * l.rate;
    if (!Number.isSafeInteger(gross)) throw invalid('This line is too large', `lines.${i}.quantity`);
    const discount = applyBasisPoints(gross, l.discountBps) + l.discountAmount;
    if (discount > gross)
      throw invalid(`The discount is more than the line's value (${gross} paise)`, `lines.${i}.discountAmount`);
    return { gross, discount, net: gross - discount };
  });
  const whole = nets.reduce((s, n) => s + n.net, 0);
  if (charges > 0 && whole === 0)
    throw invalid('Charges cannot be spread over lines worth nothing: enter the rates first', 'freight');
  let left = charges;
  const worked = nets.map((n, i) => {
    const share = i === nets.length - 1 ? left : charges === 0 ? 0 : shareOf(charges, n.net, whole);
    left -= share;
    const taxable = n.net + share;
    const tax = lineGst(taxable, lines[i]!.taxRate, intraState);
    return {
      gross: n.gross,
      discount: n.discount,
      charges: share,
      taxable,
      ...tax,
      total: taxable + tax.cgst + tax.sgst + tax.igst,
    };
  });
  const sum = (k: keyof LandedLine) => worked.reduce((s, l) => s + l[k], 0);
  const { roundOff: round, payable } = roundOff(sum('total'));
  return {
    lines: worked,
    totals: {
      gross: sum('gross'),
      discount: sum('discount'),
      charges: sum('charges'),
      taxable: sum('taxable'),
      cgst: sum('cgst'),
      sgst: sum('sgst'),
      igst: sum('igst'),
      roundOff: round,
      total: payable,
    },
  };
}

/** The financial year (April to March) a day falls in, as its first and last day. */
export function financialYearOf(day: string): { from: string; to: string } {
  const year = Number(day.slice(0, 4));
  const start = Number(day.slice(5, 7)) >= 4 ? year : year - 1;
  return { from: `${start}-04-01`, to: `${start + 1}-03-31` };
}

/** ₹50 lakh in paise: purchases from one supplier in a year beyond this bear TDS under 194Q. */
export const TDS_194Q_THRESHOLD = 50_00_000_00;
/** 0.1% */
export const TDS_194Q_RATE_BPS = 10;

/**
 * TDS under section 194Q on one purchase: 0.1% of the part of its value (taxable, without GST) that takes the
 * supplier's purchases in the financial year past ₹50 lakh. `before` is the year's purchase value booked before it.
 */
export function tds194q(before: number, value: number): { liable: number; tds: number } {
  const over = (v: number) => Math.max(0, v - TDS_194Q_THRESHOLD);
  const liable = over(before + value) - over(before);
  return { liable, tds: applyBasisPoints(liable, TDS_194Q_RATE_BPS) };
}
