import { recordAudit } from '../audit';
import type { EngineContext } from '../context';
import { invalid, notFound } from '../errors';
import { nextDocumentNumber } from '../numbering';
import { addOrderEvent } from '../orders/order-store';
import { publishPaymentReceived } from '../sync/payloads/payment-payload';
import { planAllocation } from './allocation-plan';
import { payerOf } from '../customers/parties';
import { refreshOrderMilestones } from '../summaries/order-milestones';

export interface PaymentInput {
  customerId: number;
  receivedOn: string;
  mode: 'cash' | 'cheque' | 'upi' | 'bank';
  reference: string;
  bank: string;
  chequeDate: string | null;
  amount: number;
  /** TDS the buyer deducted (194Q): it settles invoices with the amount received */
  tds?: number;
  /** null: settle the oldest invoices first */
  allocations: { invoiceId: number; amount: number }[] | null;
}

/** What is still owed on each open invoice a customer pays for (as its payer), oldest due first. */
function openInvoices(ctx: EngineContext, customerId: number) {
  return ctx.ledger.sqlite
    .prepare(
      `SELECT id, number, total - paid - credited AS due FROM invoices i WHERE ${payerOf('i')} = ? AND status = 'posted' AND total > paid + credited
       ORDER BY due_date, invoice_date, id`,
    )
    .all(customerId) as { id: number; number: string; due: number }[];
}

/**
 * A receipt from a customer, set against invoices (the ones the clerk names, or the oldest
 * first); whatever is left stays on account as an advance. Orders learn their payment status.
 */
export function recordPayment(ctx: EngineContext, input: PaymentInput) {
  const { sqlite } = ctx.ledger;
  if (!sqlite.prepare('SELECT 1 FROM customers WHERE id = ?').get(input.customerId))
    throw notFound(`Customer ${input.customerId}`, 'customerId');
  if (input.mode === 'cheque' && !input.reference)
    throw invalid('A cheque payment needs the cheque number', 'reference');
  const tds = input.tds ?? 0;
  if (tds > input.amount) throw invalid('TDS deducted cannot be more than the amount received', 'tds');
  const settles = input.amount + tds;
  const open = openInvoices(ctx, input.customerId);
  const named = input.allocations?.map((a) => ({ id: a.invoiceId, amount: a.amount })) ?? null;
  const plan = planAllocation(open, settles, named, {
    idField: 'invoiceId',
    bill: 'Invoice',
    whose: 'customer',
  }).map((a) => ({ invoiceId: a.id, amount: a.amount }));
  const allocated = plan.reduce((s, a) => s + a.amount, 0);
  const number = nextDocumentNumber(ctx, 'RCPT');
  const id = Number(
    sqlite
      .prepare(
        'INSERT INTO payments (number, customer_id, received_on, mode, reference, bank, cheque_date, amount, tds, unallocated, posted_at, posted_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
      )
      .run(
        number,
        input.customerId,
        input.receivedOn,
        input.mode,
        input.reference,
        input.bank,
        input.chequeDate,
        input.amount,
        tds,
        settles - allocated,
        ctx.now().toISOString(),
        ctx.actor?.id ?? null,
      ).lastInsertRowid,
  );
  for (const a of plan) {
    sqlite
      .prepare('INSERT INTO payment_allocations (payment_id, invoice_id, amount) VALUES (?, ?, ?)')
      .run(id, a.invoiceId, a.amount);
    sqlite.prepare('UPDATE invoices SET paid = paid + ? WHERE id = ?').run(a.amount, a.invoiceId);
  }
  refreshPaymentStatus(
    ctx,
    plan.map((a) => a.invoiceId),
    `${number} received`,
  );
  recordAudit(ctx, 'post', 'payment', id, { number, amount: input.amount, tds, allocated });
  publishPaymentReceived(ctx, id);
  return { id, number, amount: input.amount, tds, allocated, onAccount: settles - allocated, allocations: plan };
}

/**
 * An order is paid when every posted invoice carrying its goods is paid, partly paid when any
 * payment has reached them. `event` (e.g. "RCPT/… received") goes on each order's timeline.
 */
export function refreshPaymentStatus(ctx: EngineContext, invoiceIds: number[], event: string | null): void {
  const { sqlite } = ctx.ledger;
  const orders = sqlite
    .prepare(
      'SELECT DISTINCT ol.order_id AS id FROM invoice_lines il JOIN order_lines ol ON ol.id = il.order_line_id WHERE il.invoice_id IN (SELECT value FROM json_each(?))',
    )
    .all(JSON.stringify(invoiceIds)) as { id: number }[];
  for (const { id } of orders) {
    const sums = sqlite
      .prepare(
        `SELECT coalesce(sum(i.total - i.credited), 0) AS total, coalesce(sum(i.paid), 0) AS paid FROM invoices i
         WHERE i.status = 'posted' AND i.id IN (SELECT DISTINCT il.invoice_id FROM invoice_lines il JOIN order_lines ol ON ol.id = il.order_line_id WHERE ol.order_id = ?)`,
      )
      .get(id) as { total: number; paid: number };
    const status = sums.paid >= sums.total && sums.total > 0 ? 'paid' : sums.paid > 0 ? 'partly_paid' : 'unpaid';
    sqlite.prepare('UPDATE orders SET payment_status = ? WHERE id = ?').run(status, id);
    if (event) addOrderEvent(ctx, id, 'payment', `${event}; order ${status.replace('_', ' ')}`);
  }
  // Receipts, reversals and invoice cancellations all come through here: the paid (and invoiced) milestones.
  refreshOrderMilestones(
    ctx,
    orders.map((o) => o.id),
  );
}
