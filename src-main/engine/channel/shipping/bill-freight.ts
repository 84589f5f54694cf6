import type { EngineContext } from '../../context';
import type { LineAmounts } from '../../pricing/line-amounts';
import { FREIGHT_SAC, freightCharge } from './shipping-rules';
import { effectiveOrderTerms } from './shipping-terms';

/**
 * Posting's freight step: when the order's terms are FOR destination, the invoice gets one freight charge (SAC
 * 996511) at the company's freight GST rate, split like its goods, and the amounts come back for the invoice's
 * totals and round-off. An invoice over notes of several orders bills by its first order's terms, once.
 */
export function billFreight(
  ctx: EngineContext,
  input: { invoiceId: number; orderId: number; goodsTaxable: number; intraState: boolean },
): (LineAmounts & { explanation: string }) | null {
  const { sqlite } = ctx.ledger;
  const rate =
    (sqlite.prepare('SELECT freight_gst_rate_bps AS r FROM company WHERE id = 1').get() as { r: number } | undefined)
      ?.r ?? 1800;
  const charge = freightCharge(effectiveOrderTerms(ctx, input.orderId), input.goodsTaxable, rate, input.intraState);
  if (!charge) return null;
  sqlite
    .prepare(
      `INSERT INTO invoice_charges (invoice_id, kind, description, sac, taxable, tax_rate_bps, cgst, sgst, igst, total)
       VALUES (?, 'freight', 'Freight', ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      input.invoiceId,
      FREIGHT_SAC,
      charge.taxable,
      charge.taxRate,
      charge.cgst,
      charge.sgst,
      charge.igst,
      charge.total,
    );
  return {
    gross: charge.taxable,
    discount: 0,
    taxable: charge.taxable,
    cgst: charge.cgst,
    sgst: charge.sgst,
    igst: charge.igst,
    tax: charge.cgst + charge.sgst + charge.igst,
    total: charge.total,
    explanation: charge.explanation,
  };
}

export interface InvoiceCharge {
  id: number;
  kind: string;
  description: string;
  sac: string;
  taxable: number;
  taxRate: number;
  cgst: number;
  sgst: number;
  igst: number;
  total: number;
}

/** An invoice's charges besides its goods, for its view, print and the return formats. */
export function invoiceCharges(ctx: EngineContext, invoiceId: number): InvoiceCharge[] {
  return ctx.ledger.sqlite
    .prepare(
      `SELECT id, kind, description, sac, taxable, tax_rate_bps AS taxRate, cgst, sgst, igst, total
       FROM invoice_charges WHERE invoice_id = ? ORDER BY id`,
    )
    .all(invoiceId) as InvoiceCharge[];
}
