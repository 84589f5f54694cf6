import type { InvoiceFlow } from '../../../src-shared/contract/company';
import type { EngineContext } from '../context';
import { postInvoice } from './post-invoice';

/** The company's choice of when the tax invoice is raised; the default is with the delivery note. */
export function invoiceFlow(ctx: EngineContext): InvoiceFlow {
  const row = ctx.ledger.sqlite.prepare('SELECT invoice_flow AS flow FROM company WHERE id = 1').get() as
    { flow: InvoiceFlow } | undefined;
  return row?.flow ?? 'with_delivery_note';
}

/**
 * GST wants the tax invoice issued when goods are removed. Under the default flow the delivery
 * note that removes them raises its invoice in the same transaction, so no goods leave uninvoiced;
 * under 'before_dispatch' the billing desk invoices later and the vehicle waits for it.
 */
export function raiseInvoiceWithNote(
  ctx: EngineContext,
  deliveryNoteId: number,
): { id: number; number: string } | null {
  if (invoiceFlow(ctx) !== 'with_delivery_note') return null;
  const invoice = postInvoice(ctx, { deliveryNoteIds: [deliveryNoteId] });
  return { id: invoice.id, number: invoice.number };
}
