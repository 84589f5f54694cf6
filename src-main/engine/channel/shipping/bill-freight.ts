import type { EngineContext } from '../../context';
import { conflict } from '../../errors';
import type { LineAmounts } from '../../pricing/line-amounts';
import { FREIGHT_SAC, freightCharge } from './shipping-rules';
import { effectiveOrderTerms } from './shipping-terms';

const freightKey = (t: ReturnType<typeof effectiveOrderTerms>) =>
  t.freightBasis !== 'for_destination' ? 'none' : `${t.freightRule}:${t.freightAmount}:${t.freightRateBps}`;

/**
 * An invoice has one freight rule: notes of orders whose terms bill freight differently (one FOR destination at
 * ₹250 an invoice, one "to pay") are refused together, naming both, rather than billed by whichever came first.
 */
function oneFreightRule(ctx: EngineContext, orderIds: number[]) {
  const terms = orderIds.map((id) => ({ id, terms: effectiveOrderTerms(ctx, id) }));
  const other = terms.find((t) => freightKey(t.terms) !== freightKey(terms[0]!.terms));
  if (!other) return terms[0]!.terms;
  const numbers = ctx.ledger.sqlite
    .prepare('SELECT id, number FROM orders WHERE id IN (?, ?)')
    .all(terms[0]!.id, other.id) as { id: number; number: string }[];
  const name = (id: number) => numbers.find((n) => n.id === id)?.number ?? `order ${id}`;
  throw conflict(
    `${name(terms[0]!.id)} and ${name(other.id)} bill freight on different terms: invoice their delivery notes apart`,
    'deliveryNoteIds',
  );
}

/**
 * Posting's freight step: when the orders' terms are FOR destination, the invoice gets one freight charge (SAC
 * 996511) at the company's freight GST rate, split like its goods, and the amounts come back for the invoice's
 * totals and round-off. Several orders on one invoice must share their freight terms (flat: charged once).
 */
export function billFreight(
  ctx: EngineContext,
  input: { invoiceId: number; orderIds: number[]; goodsTaxable: number; intraState: boolean },
): (LineAmounts & { explanation: string }) | null {
  const { sqlite } = ctx.ledger;
  const rate =
    (sqlite.prepare('SELECT freight_gst_rate_bps AS r FROM company WHERE id = 1').get() as { r: number } | undefined)
      ?.r ?? 1800;
  const terms = oneFreightRule(ctx, input.orderIds);
  const charge = freightCharge(terms, input.goodsTaxable, rate, input.intraState);
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
