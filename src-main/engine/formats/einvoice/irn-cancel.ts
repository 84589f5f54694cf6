import { recordAudit } from '../../audit';
import { isoNow, type EngineContext } from '../../context';
import { conflict } from '../../errors';

/** The IRP lets an IRN be cancelled within 24 hours of its acknowledgement; after that only a credit note corrects. */
const CANCEL_WINDOW_MS = 24 * 60 * 60 * 1000;

/**
 * Called when an invoice is cancelled: one with an active IRN may be cancelled only within the IRP's 24 hours (the
 * IRN is then marked cancelled, to be cancelled on the portal too); otherwise refused with the reason.
 */
export function cancelInvoiceIrn(ctx: EngineContext, invoice: { id: number; number: string }): void {
  const irn = ctx.ledger.sqlite
    .prepare(
      "SELECT id, irn, ack_date AS ackDate, ack_at AS ackAt FROM einvoice_irns WHERE invoice_id = ? AND irn_status = 'ACT'",
    )
    .get(invoice.id) as { id: number; irn: string; ackDate: string; ackAt: string } | undefined;
  if (!irn) return;
  if (ctx.now().getTime() - new Date(irn.ackAt).getTime() > CANCEL_WINDOW_MS) {
    throw conflict(
      `${invoice.number}: IRN acknowledged more than 24 hours ago (${irn.ackDate}); issue a credit note`,
      'id',
    );
  }
  ctx.ledger.sqlite
    .prepare("UPDATE einvoice_irns SET irn_status = 'CNL', irn_cancelled_at = ? WHERE id = ?")
    .run(isoNow(ctx), irn.id);
  recordAudit(ctx, 'irn_cancelled', 'invoice', invoice.id, { number: invoice.number, irn: irn.irn });
}
