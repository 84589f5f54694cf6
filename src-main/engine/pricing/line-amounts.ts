import { applyBasisPoints, divideRounded, multiplyMoney } from '../../../src-shared/money';

export interface LineAmounts {
  gross: number;
  discount: number;
  taxable: number;
  tax: number;
  total: number;
}

/**
 * One line's money, rounded once: tax is computed on the line's taxable value (not per unit).
 * Tax-exclusive: taxable = gross − discount; tax = taxable × rate.
 * Tax-inclusive: the price already holds the tax, so total = gross − discount and the taxable
 * value is backed out of it: taxable = total × 10000 / (10000 + rate), rounded half up.
 */
export function lineAmounts(input: { quantity: number; unitPrice: number; taxInclusive: boolean; taxRate: number; discount: number }): LineAmounts {
  const gross = multiplyMoney(input.unitPrice, input.quantity);
  const discount = Math.min(input.discount, gross);
  const net = gross - discount;
  if (input.taxInclusive) {
    const taxable = divideRounded(net * 10_000, 10_000 + input.taxRate);
    return { gross, discount, taxable, tax: net - taxable, total: net };
  }
  const tax = applyBasisPoints(net, input.taxRate);
  return { gross, discount, taxable: net, tax, total: net + tax };
}
