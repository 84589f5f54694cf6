import { roundOff } from '../billing/gst';
import type { LineAmounts } from './line-amounts';

export interface DocumentTotals {
  gross: number;
  discount: number;
  taxable: number;
  cgst: number;
  sgst: number;
  igst: number;
  tax: number;
  /** what takes the sum of the lines to the whole rupee */
  roundOff: number;
  /** Σ line totals + round-off: what the customer pays */
  total: number;
}

/**
 * A quote's, an order's or an invoice's totals from its lines: plain sums, then one round-off to
 * the rupee. The same function for all three, so a screen, its print and the invoice agree.
 */
export function documentTotals(lines: LineAmounts[]): DocumentTotals {
  const sum = (k: keyof LineAmounts) => lines.reduce((s, l) => s + l[k], 0);
  const { roundOff: round, payable } = roundOff(sum('total'));
  return {
    gross: sum('gross'),
    discount: sum('discount'),
    taxable: sum('taxable'),
    cgst: sum('cgst'),
    sgst: sum('sgst'),
    igst: sum('igst'),
    tax: sum('tax'),
    roundOff: round,
    total: payable,
  };
}
