import { freightBasisLabels, type FreightBasis } from '../../../../src-shared/contract/channel-shipping';
import { applyBasisPoints, formatMoney, formatRate } from '../../../../src-shared/money';
import { lineGst } from '../../billing/gst';
import { invalid } from '../../errors';

/** The terms without their transporter's name: what the tables hold. */
export interface TermsRow {
  freightBasis: FreightBasis;
  transporterId: number | null;
  carrierAccount: string;
  packingInstructions: string;
  freightRule: 'flat' | 'percent' | null;
  freightAmount: number;
  freightRateBps: number;
}

export const DEFAULT_TERMS: TermsRow = {
  freightBasis: 'paid',
  transporterId: null,
  carrierAccount: '',
  packingInstructions: '',
  freightRule: null,
  freightAmount: 0,
  freightRateBps: 0,
};

/** SAC 996511: road transport of goods. Freight billed with the goods is a service line of its own. */
export const FREIGHT_SAC = '996511';

/**
 * Checks a set of terms and returns it as stored: a rule and its figure only when the basis bills freight, so a
 * "To pay" customer can never carry a stale rate that a later switch would quietly bill.
 */
export function checkTerms(t: TermsRow): TermsRow {
  if (t.freightBasis !== 'for_destination') {
    if (t.freightRule !== null || t.freightAmount > 0 || t.freightRateBps > 0)
      throw invalid(
        `${freightBasisLabels[t.freightBasis]} bills no freight: clear the freight charge, or choose FOR destination`,
        'freightRule',
      );
    return { ...t, freightRule: null, freightAmount: 0, freightRateBps: 0 };
  }
  if (t.freightRule === null)
    throw invalid('FOR destination bills freight: choose flat per invoice or a percent of the goods', 'freightRule');
  if (t.freightRule === 'flat') {
    if (t.freightAmount <= 0) throw invalid('Enter the freight per invoice (more than ₹0)', 'freightAmount');
    return { ...t, freightRateBps: 0 };
  }
  if (t.freightRateBps <= 0) throw invalid('Enter the freight rate (a percent above 0)', 'freightRateBps');
  return { ...t, freightAmount: 0 };
}

/** One line for a board, a sheet or a tooltip. */
export function termsSummary(t: TermsRow): string {
  const label = freightBasisLabels[t.freightBasis];
  if (t.freightBasis !== 'for_destination') return label;
  return t.freightRule === 'flat'
    ? `${label}: ${formatMoney(t.freightAmount)} per invoice`
    : `${label}: ${formatRate(t.freightRateBps)} of goods`;
}

export interface FreightCharge {
  taxable: number;
  taxRate: number;
  cgst: number;
  sgst: number;
  igst: number;
  total: number;
  /** how the figure was reached, for the audit row */
  explanation: string;
}

/**
 * The freight an invoice bills under these terms, or null when it bills none: flat per invoice, or the rate on the
 * goods' taxable value (rounded once, half up). GST at the freight rate, split as the goods' place of supply splits.
 */
export function freightCharge(
  t: TermsRow,
  goodsTaxable: number,
  gstRateBps: number,
  intraState: boolean,
): FreightCharge | null {
  if (t.freightBasis !== 'for_destination' || t.freightRule === null) return null;
  const taxable = t.freightRule === 'flat' ? t.freightAmount : applyBasisPoints(goodsTaxable, t.freightRateBps);
  if (taxable <= 0) return null;
  const tax = lineGst(taxable, gstRateBps, intraState);
  const basis =
    t.freightRule === 'flat'
      ? `flat ${formatMoney(t.freightAmount)} per invoice`
      : `${formatRate(t.freightRateBps)} of goods ${formatMoney(goodsTaxable)}`;
  return {
    taxable,
    taxRate: gstRateBps,
    ...tax,
    total: taxable + tax.cgst + tax.sgst + tax.igst,
    explanation: `Freight ${basis}, GST ${formatRate(gstRateBps)} ${intraState ? 'CGST+SGST' : 'IGST'}`,
  };
}
