import { businessToday } from '../../business-date';
import { isoNow, type EngineContext } from '../../context';

/**
 * The brand's support earned by an invoice, in its posting transaction: a row per paid invoice line whose order line
 * was priced by an end-buyer agreement, at the agreement line's support per unit (brand rate − agreed cost) as it
 * stands when the invoice is posted. A line with no support still records its quantity: the cap counts it.
 */
export function accrueInvoice(ctx: EngineContext, invoiceId: number): void {
  ctx.ledger.sqlite
    .prepare(
      `INSERT INTO ship_and_debit_accruals (agreement_line_id, invoice_id, invoice_line_id, kind, accrued_on, quantity,
         claim_per_unit, amount, created_at)
       SELECT al.id, il.invoice_id, il.id, 'sale', i.invoice_date, il.quantity, al.list_cost - al.agreed_cost,
              il.quantity * (al.list_cost - al.agreed_cost), @now
       FROM invoice_lines il JOIN invoices i ON i.id = il.invoice_id
         JOIN order_lines ol ON ol.id = il.order_line_id
         JOIN end_buyer_agreement_lines al ON al.id = ol.end_buyer_agreement_line_id
       WHERE il.invoice_id = @invoiceId AND il.is_free = 0
       ORDER BY il.id`,
    )
    .run({ invoiceId, now: isoNow(ctx) });
}

/**
 * A sales return gives back the support of what came back: the negative of its share of the sale row, at the same
 * support per unit. A price-difference credit note changes what the end buyer paid, not what it bought, so it leaves
 * the accrual alone.
 */
export function reverseForCreditNote(ctx: EngineContext, creditNoteId: number): void {
  ctx.ledger.sqlite
    .prepare(
      `INSERT INTO ship_and_debit_accruals (agreement_line_id, invoice_id, invoice_line_id, credit_note_id, kind,
         accrued_on, quantity, claim_per_unit, amount, created_at)
       SELECT x.agreement_line_id, x.invoice_id, x.invoice_line_id, cl.credit_note_id, 'return', @today,
              -cl.quantity, x.claim_per_unit, -cl.quantity * x.claim_per_unit, @now
       FROM credit_note_lines cl JOIN ship_and_debit_accruals x ON x.invoice_line_id = cl.invoice_line_id
       WHERE cl.credit_note_id = @creditNoteId AND cl.quantity > 0 AND x.kind = 'sale'
       ORDER BY cl.id`,
    )
    .run({ creditNoteId, today: businessToday(ctx), now: isoNow(ctx) });
}

/** A cancelled invoice was never a sale: whatever is left of each line's accrual is reversed. */
export function reverseForCancelledInvoice(ctx: EngineContext, invoiceId: number): void {
  ctx.ledger.sqlite
    .prepare(
      `INSERT INTO ship_and_debit_accruals (agreement_line_id, invoice_id, invoice_line_id, kind, accrued_on, quantity,
         claim_per_unit, amount, created_at)
       SELECT agreement_line_id, invoice_id, invoice_line_id, 'cancel', @today, -sum(quantity), max(claim_per_unit),
              -sum(amount), @now
       FROM ship_and_debit_accruals WHERE invoice_id = @invoiceId
       GROUP BY agreement_line_id, invoice_id, invoice_line_id HAVING sum(quantity) <> 0 OR sum(amount) <> 0
       ORDER BY invoice_line_id`,
    )
    .run({ invoiceId, today: businessToday(ctx), now: isoNow(ctx) });
}
