import type { EngineContext } from '../../context';
import { publishEvent } from '../publish-event';
import { documentLineOf, partyOf, warehouseCodeOf, type LineRow } from './party';
import { publishSchemeBenefits } from './scheme-benefit-payload';

/** A posted invoice as it stands, read back from the ledger by id. */
export function invoicePayload(ctx: EngineContext, invoiceId: number) {
  const { sqlite } = ctx.ledger;
  const inv = sqlite
    .prepare(
      `SELECT number, invoice_date AS date, due_date AS dueDate, customer_id AS customerId, place_of_supply AS pos,
              taxable, cgst + sgst + igst AS tax, round_off AS roundOff, total
       FROM invoices WHERE id = ?`,
    )
    .get(invoiceId) as {
    number: string;
    date: string;
    dueDate: string;
    customerId: number;
    pos: string;
    taxable: number;
    tax: number;
    roundOff: number;
    total: number;
  };
  const notes = sqlite
    .prepare('SELECT number, warehouse_id AS warehouseId FROM delivery_notes WHERE invoice_id = ? ORDER BY id')
    .all(invoiceId) as { number: string; warehouseId: number }[];
  const lines = sqlite
    .prepare(
      `SELECT p.sku, b.batch_no AS batchNo, il.quantity, il.is_free AS isFree, il.unit_price AS unitPrice, il.discount, il.taxable,
              il.tax_rate_bps AS taxRate, il.cgst + il.sgst + il.igst AS tax, il.total
       FROM invoice_lines il JOIN products p ON p.id = il.product_id JOIN batches b ON b.id = il.batch_id
       WHERE il.invoice_id = ? ORDER BY il.id`,
    )
    .all(invoiceId) as LineRow[];
  const warehouseId =
    notes[0]?.warehouseId ?? (sqlite.prepare('SELECT min(id) AS id FROM warehouses').get() as { id: number }).id;
  return {
    number: inv.number,
    date: inv.date,
    party: partyOf(ctx, inv.customerId),
    warehouseCode: warehouseCodeOf(ctx, warehouseId),
    placeOfSupply: inv.pos,
    dueDate: inv.dueDate,
    deliveryNoteNumbers: notes.map((n) => n.number),
    lines: lines.map(documentLineOf),
    totals: { taxablePaise: inv.taxable, taxPaise: inv.tax, roundOffPaise: inv.roundOff, totalPaise: inv.total },
  };
}

/** invoice.posted, and a scheme-benefit.given for each scheme line the invoice carries. */
export function publishInvoicePosted(ctx: EngineContext, invoiceId: number): void {
  const payload = invoicePayload(ctx, invoiceId);
  publishEvent(ctx, 'invoice.posted', payload);
  publishSchemeBenefits(ctx, invoiceId, payload);
}

/** Hook for invoice cancellation: call at the end of cancelInvoice, in its transaction. */
export function publishInvoiceCancelled(
  ctx: EngineContext,
  invoiceId: number,
  why: { cancelledOn: string; reason: string },
): void {
  publishEvent(ctx, 'invoice.cancelled', {
    ...invoicePayload(ctx, invoiceId),
    cancelledOn: why.cancelledOn,
    reason: why.reason || 'not given',
  });
}
