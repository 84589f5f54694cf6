import { publishInvoiceCancelled } from '../sync/payloads/invoice-payload';
import { daysBetween } from '../../../src-shared/dates';
import { formatMoney } from '../../../src-shared/money';
import { recordAudit } from '../audit';
import { businessToday } from '../business-date';
import type { EngineContext } from '../context';
import { conflict, notFound } from '../errors';
import { addOrderEvent } from '../orders/order-store';
import { refreshPaymentStatus } from '../payments/record-payment';
import { getInvoice } from './invoice-view';
import { addToDailySales } from '../summaries/daily-sales';
import { cancelInvoiceIrn } from '../formats/einvoice/irn-cancel';
import { reverseRebatesForCancelledInvoice } from '../channel/rebates/rebate-accrual';
import { reverseForCancelledInvoice } from '../channel/end-buyer/accruals';

/** How many days after its invoice date an invoice may still be cancelled (a company setting). */
export function invoiceCancelDays(ctx: EngineContext): number {
  return (
    (
      ctx.ledger.sqlite.prepare('SELECT invoice_cancel_days AS d FROM company WHERE id = 1').get() as
        { d: number } | undefined
    )?.d ?? 1
  );
}

/**
 * Cancels a posted invoice raised in error, within the company's window: the number stays used
 * (gapless series, printed CANCELLED), the lines stay, its delivery notes go back to "to invoice"
 * and its orders back to delivered, so receivables and credit exposure follow. Money or credit
 * notes against it, or an invoice older than the window, are refused: a credit note corrects those.
 */
export function cancelInvoice(ctx: EngineContext, input: { id: number; reason: string }) {
  const { sqlite } = ctx.ledger;
  const invoice = sqlite
    .prepare('SELECT id, number, invoice_date AS invoiceDate, status, paid FROM invoices WHERE id = ?')
    .get(input.id) as { id: number; number: string; invoiceDate: string; status: string; paid: number } | undefined;
  if (!invoice) throw notFound(`Invoice ${input.id}`, 'id');
  if (invoice.status !== 'posted') throw conflict(`Invoice ${invoice.number} is already ${invoice.status}`, 'id');
  if (invoice.paid > 0) {
    const receipts = sqlite
      .prepare(
        'SELECT DISTINCT p.number FROM payment_allocations a JOIN payments p ON p.id = a.payment_id WHERE a.invoice_id = ? AND p.reversed_at IS NULL ORDER BY p.id',
      )
      .all(invoice.id) as { number: string }[];
    throw conflict(
      `${formatMoney(invoice.paid)} is paid against ${invoice.number} (${receipts.map((r) => r.number).join(', ')}); reverse those receipts first`,
      'id',
    );
  }
  const notes = sqlite.prepare('SELECT number FROM credit_notes WHERE invoice_id = ? ORDER BY id').all(invoice.id) as {
    number: string;
  }[];
  if (notes.length)
    throw conflict(
      `${invoice.number} has credit notes (${notes.map((n) => n.number).join(', ')}); issue a credit note for the rest instead of cancelling`,
      'id',
    );
  const today = businessToday(ctx);
  const window = invoiceCancelDays(ctx);
  if (daysBetween(invoice.invoiceDate, today) > window) {
    throw conflict(
      `${invoice.number} is dated ${invoice.invoiceDate}; an invoice can be cancelled only within ${window} day${window === 1 ? '' : 's'} of its date. Issue a credit note instead`,
      'id',
    );
  }
  cancelInvoiceIrn(ctx, invoice);

  addToDailySales(ctx, { kind: 'invoice', invoiceId: invoice.id, sign: -1 });
  reverseRebatesForCancelledInvoice(ctx, invoice.id);
  reverseForCancelledInvoice(ctx, invoice.id);
  sqlite
    .prepare(
      "UPDATE invoices SET status = 'cancelled', cancelled_at = ?, cancelled_on = ?, cancelled_by = ?, cancel_reason = ? WHERE id = ?",
    )
    .run(ctx.now().toISOString(), today, ctx.actor?.id ?? null, input.reason, invoice.id);
  const deliveryNotes = (
    sqlite.prepare('SELECT number FROM delivery_notes WHERE invoice_id = ? ORDER BY id').all(invoice.id) as {
      number: string;
    }[]
  ).map((d) => d.number);
  sqlite.prepare('UPDATE delivery_notes SET invoice_id = NULL WHERE invoice_id = ?').run(invoice.id);
  const orders = sqlite
    .prepare(
      'SELECT DISTINCT o.id, o.status FROM invoice_lines il JOIN order_lines ol ON ol.id = il.order_line_id JOIN orders o ON o.id = ol.order_id WHERE il.invoice_id = ?',
    )
    .all(invoice.id) as { id: number; status: string }[];
  for (const order of orders) {
    if (order.status === 'invoiced') {
      const open = sqlite
        .prepare('SELECT coalesce(sum(quantity - delivered), 0) AS n FROM order_lines WHERE order_id = ?')
        .get(order.id) as { n: number };
      sqlite
        .prepare('UPDATE orders SET status = ? WHERE id = ?')
        .run(open.n > 0 ? 'partially_delivered' : 'delivered', order.id);
    }
    addOrderEvent(
      ctx,
      order.id,
      'invoice_cancelled',
      `Invoice ${invoice.number} cancelled: ${input.reason}; ${deliveryNotes.join(', ')} back to invoicing`,
    );
  }
  refreshPaymentStatus(ctx, [invoice.id], null);
  recordAudit(ctx, 'cancel', 'invoice', invoice.id, { number: invoice.number, reason: input.reason, deliveryNotes });
  publishInvoiceCancelled(ctx, invoice.id, { cancelledOn: businessToday(ctx), reason: input.reason });
  return getInvoice(ctx, invoice.id);
}
