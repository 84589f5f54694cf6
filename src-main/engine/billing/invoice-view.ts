import { formatUnitRate } from '../../../src-shared/money';
import type { EngineContext } from '../context';
import { notFound } from '../errors';
import { hsnSummary } from './gst';
import { partiesInEffect } from '../customers/parties';
import { invoiceCharges } from '../channel/shipping/bill-freight';

export function getInvoice(ctx: EngineContext, id: number) {
  const { sqlite } = ctx.ledger;
  const invoice = sqlite
    .prepare(
      `SELECT i.id, i.number, i.customer_id AS customerId, c.name AS customerName, c.gstin AS customerGstin, i.invoice_date AS invoiceDate, i.due_date AS dueDate,
              i.place_of_supply AS placeOfSupply, i.gross, i.discount, i.taxable, i.cgst, i.sgst, i.igst, i.round_off AS roundOff, i.total, i.paid, i.status,
              i.cancelled_on AS cancelledOn, i.cancel_reason AS cancelReason, i.bill_to_id AS billToId, i.ship_to_id AS shipToId,
              i.payer_id AS payerId, i.end_buyer_id AS endBuyerId
       FROM invoices i JOIN customers c ON c.id = i.customer_id WHERE i.id = ?`,
    )
    .get(id) as
    | {
        id: number;
        number: string;
        customerId: number;
        customerName: string;
        customerGstin: string;
        invoiceDate: string;
        dueDate: string;
        placeOfSupply: string;
        gross: number;
        discount: number;
        taxable: number;
        cgst: number;
        sgst: number;
        igst: number;
        roundOff: number;
        total: number;
        paid: number;
        status: string;
        cancelledOn: string | null;
        cancelReason: string;
        billToId: number | null;
        shipToId: number | null;
        payerId: number | null;
        endBuyerId: number | null;
      }
    | undefined;
  if (!invoice) throw notFound(`Invoice ${id}`, 'id');
  const lines = sqlite
    .prepare(
      `SELECT il.id, p.sku, p.name AS productName, il.hsn, b.batch_no AS batchNo, b.expires_on AS expiresOn, il.quantity, p.base_unit AS baseUnit, il.unit_price AS unitPrice,
              ol.tax_inclusive AS taxInclusive, il.gross, il.discount, il.taxable, il.tax_rate_bps AS taxRate, il.cgst, il.sgst, il.igst, il.total, il.is_free AS isFree
       FROM invoice_lines il JOIN order_lines ol ON ol.id = il.order_line_id JOIN products p ON p.id = il.product_id JOIN batches b ON b.id = il.batch_id WHERE il.invoice_id = ? ORDER BY il.id`,
    )
    .all(id) as {
    id: number;
    sku: string;
    productName: string;
    hsn: string;
    batchNo: string;
    expiresOn: string | null;
    quantity: number;
    baseUnit: string;
    unitPrice: number;
    taxInclusive: number;
    gross: number;
    discount: number;
    taxable: number;
    taxRate: number;
    cgst: number;
    sgst: number;
    igst: number;
    total: number;
    isFree: number;
  }[];
  // From the lines, not delivery_notes.invoice_id: a cancelled invoice still names the notes it billed.
  const notes = (
    sqlite
      .prepare(
        `SELECT DISTINCT d.number FROM invoice_lines il JOIN delivery_note_lines dl ON dl.id = il.delivery_note_line_id JOIN delivery_notes d ON d.id = dl.delivery_note_id
         WHERE il.invoice_id = ? ORDER BY d.id`,
      )
      .all(id) as { number: string }[]
  ).map((n) => n.number);
  const charges = invoiceCharges(ctx, id);
  const summary = hsnSummary([
    ...lines.filter((l) => !l.isFree).map((l) => ({ hsn: l.hsn, rateBps: l.taxRate, taxable: l.taxable, tax: l })),
    ...charges.map((c) => ({ hsn: c.sac, rateBps: c.taxRate, taxable: c.taxable, tax: c })),
  ]);
  const { billToId, shipToId, payerId, endBuyerId, ...head } = invoice;
  return {
    ...head,
    deliveryNotes: notes,
    parties: partiesInEffect(ctx, invoice.customerId, { billToId, shipToId, payerId, endBuyerId }),
    lines: lines.map((l) => ({
      ...l,
      taxInclusive: l.taxInclusive === 1,
      rate: formatUnitRate(l.gross, l.quantity),
      isFree: l.isFree === 1,
    })),
    charges,
    hsnSummary: summary,
  };
}
