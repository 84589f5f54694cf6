import { divideRounded, multiplyMoney } from '../../../src-shared/money';
import { lineGst } from '../billing/gst';

export interface LineAmounts {
  /** value of the units before discount, on the taxable basis (tax backed out of an inclusive price) */
  gross: number;
  /** discount on the same basis, so that gross − discount = taxable exactly */
  discount: number;
  taxable: number;
  cgst: number;
  sgst: number;
  igst: number;
  tax: number;
  total: number;
}

export interface LineInput {
  quantity: number;
  /** the agreed price per base unit: before tax, or including it when taxInclusive */
  unitPrice: number;
  taxInclusive: boolean;
  taxRate: number;
  /** discount on the price's own basis (off an inclusive price it is inclusive too) */
  discount: number;
  /** seller's state = place of supply: CGST + SGST; otherwise IGST */
  intraState: boolean;
}

/** taxable value held in an amount that includes GST at `rate`, rounded half up to the paisa */
const backOut = (amount: number, rate: number) => divideRounded(amount * 10_000, 10_000 + rate);

/**
 * One line's money: the only place a line's amounts are computed, for the quote, the order, the
 * invoice, its print and the reports that sum them. Rounded once per line.
 *
 * Tax-exclusive: taxable = gross − discount; GST on the taxable value (CGST and SGST each at half
 * the rate, each rounded, so they are always equal).
 *
 * Tax-inclusive: what the customer pays is the price: total = unitPrice × qty − discount, to the
 * paisa. The invoice states it the way GST reads it, with tax on top: gross and discount are the
 * inclusive figures with the tax backed out (gross − discount = taxable exactly), and the GST is
 * what remains (total − taxable), split in halves within the state (CGST takes the odd paisa).
 * The printed rate is gross ÷ qty, the ex-GST unit rate (see formatUnitRate).
 */
export function lineAmounts(input: LineInput): LineAmounts {
  const priceGross = multiplyMoney(input.unitPrice, input.quantity);
  const priceDiscount = Math.min(Math.max(input.discount, 0), priceGross);
  const net = priceGross - priceDiscount;
  if (input.taxInclusive) {
    const gross = backOut(priceGross, input.taxRate);
    const taxable = backOut(net, input.taxRate);
    const tax = net - taxable;
    const half = Math.floor(tax / 2);
    const split = input.intraState ? { cgst: tax - half, sgst: half, igst: 0 } : { cgst: 0, sgst: 0, igst: tax };
    return { gross, discount: gross - taxable, taxable, ...split, tax, total: net };
  }
  const gst = lineGst(net, input.taxRate, input.intraState);
  const tax = gst.cgst + gst.sgst + gst.igst;
  return { gross: priceGross, discount: priceDiscount, taxable: net, ...gst, tax, total: net + tax };
}

/**
 * The discount a stored line was given on its price's own basis: for an inclusive price it is
 * what the units would cost at the price less what the line costs (its total).
 */
export function priceBasisDiscount(line: {
  quantity: number;
  unitPrice: number;
  taxInclusive: boolean;
  discount: number;
  total: number;
}): number {
  return line.taxInclusive ? multiplyMoney(line.unitPrice, line.quantity) - line.total : line.discount;
}

/**
 * The part of `total` belonging to `unitsNow` units after `unitsBefore` of `ofUnits` were already
 * counted, as the difference of two cumulative roundings: the parts always add up to the whole.
 */
export function cumulativeShare(total: number, unitsBefore: number, unitsNow: number, ofUnits: number): number {
  return divideRounded(total * (unitsBefore + unitsNow), ofUnits) - divideRounded(total * unitsBefore, ofUnits);
}

/**
 * The amounts of `unitsNow` units of an order line delivered after `unitsBefore` were invoiced:
 * the same computation as the order line, on its share of the discount. When the whole line
 * is invoiced at once, the result is the order line's amounts exactly.
 */
export function deliveredAmounts(
  line: {
    quantity: number;
    unitPrice: number;
    taxInclusive: boolean;
    taxRate: number;
    discount: number;
    total: number;
    isFree: boolean;
  },
  unitsBefore: number,
  unitsNow: number,
  intraState: boolean,
): LineAmounts {
  const gross = multiplyMoney(line.unitPrice, unitsNow);
  const discount = line.isFree
    ? gross
    : cumulativeShare(priceBasisDiscount(line), unitsBefore, unitsNow, line.quantity);
  const taxRate = line.isFree ? 0 : line.taxRate;
  return lineAmounts({
    quantity: unitsNow,
    unitPrice: line.unitPrice,
    taxInclusive: line.taxInclusive,
    taxRate,
    discount,
    intraState,
  });
}
