import { publishPaymentReversed } from '../sync/payloads/payment-payload';
import { formatMoney } from '../../../src-shared/money';
import { recordAudit } from '../audit';
import { businessToday } from '../business-date';
import type { EngineContext } from '../context';
import { conflict, notFound } from '../errors';
import type { Cursor } from '../keyset';
import { keysetPage, pageWith } from '../keyset-page';
import { Where } from '../list-query';
import { refreshPaymentStatus } from './record-payment';

/**
 * Reverses a receipt that did not turn into money (a bounced cheque): the receipt stays with its
 * number, each invoice it paid is owed again, its orders learn their payment status again, and
 * the customer's ledger shows a reversal debit on today's date. Once only.
 */
export function reversePayment(ctx: EngineContext, input: { id: number; reason: string }) {
  const { sqlite } = ctx.ledger;
  const payment = sqlite
    .prepare(
      'SELECT id, number, customer_id AS customerId, amount, reversed_on AS reversedOn FROM payments WHERE id = ?',
    )
    .get(input.id) as
    { id: number; number: string; customerId: number; amount: number; reversedOn: string | null } | undefined;
  if (!payment) throw notFound(`Receipt ${input.id}`, 'id');
  if (payment.reversedOn) throw conflict(`${payment.number} was already reversed on ${payment.reversedOn}`, 'id');
  const allocations = sqlite
    .prepare('SELECT invoice_id AS invoiceId, amount FROM payment_allocations WHERE payment_id = ?')
    .all(payment.id) as { invoiceId: number; amount: number }[];
  for (const a of allocations)
    sqlite.prepare('UPDATE invoices SET paid = paid - ? WHERE id = ?').run(a.amount, a.invoiceId);
  const today = businessToday(ctx);
  // The allocation rows stay as history of what the receipt had settled; the receipt is marked reversed.
  sqlite
    .prepare('UPDATE payments SET reversed_at = ?, reversed_on = ?, reversed_by = ?, reversal_reason = ? WHERE id = ?')
    .run(ctx.now().toISOString(), today, ctx.actor?.id ?? null, input.reason, payment.id);
  refreshPaymentStatus(
    ctx,
    allocations.map((a) => a.invoiceId),
    `${payment.number} reversed (${input.reason})`,
  );
  const reopened = allocations.reduce((s, a) => s + a.amount, 0);
  recordAudit(ctx, 'reverse', 'payment', payment.id, {
    number: payment.number,
    amount: payment.amount,
    reopened,
    reason: input.reason,
  });
  publishPaymentReversed(ctx, payment.id, { reversedOn: businessToday(ctx), reason: input.reason });
  return getPayment(
    ctx,
    payment.id,
    `${formatMoney(reopened)} is owed again on ${allocations.length} invoice${allocations.length === 1 ? '' : 's'}`,
  );
}

const PAYMENT_COLUMNS = `p.id, p.number, p.customer_id AS customerId, c.name AS customerName, p.received_on AS receivedOn, p.mode, p.reference, p.amount,
  p.tds, p.amount + p.tds - p.unallocated AS allocated, p.reversed_on AS reversedOn, p.reversal_reason AS reversalReason`;

type PaymentRow = {
  id: number;
  number: string;
  customerId: number;
  customerName: string;
  receivedOn: string;
  mode: string;
  reference: string;
  amount: number;
  tds: number;
  allocated: number;
  reversedOn: string | null;
  reversalReason: string;
};

function getPayment(ctx: EngineContext, id: number, message: string) {
  const row = ctx.ledger.sqlite
    .prepare(`SELECT ${PAYMENT_COLUMNS} FROM payments p JOIN customers c ON c.id = p.customer_id WHERE p.id = ?`)
    .get(id) as PaymentRow;
  return { ...row, message };
}

/** Receipts, newest first, optionally of one customer: what the billing clerk can reverse. */
export function listPayments(
  ctx: EngineContext,
  input: { customerId: number | null; offset: number; limit: number; after?: Cursor | null; before?: Cursor | null },
) {
  const { sqlite } = ctx.ledger;
  const where = new Where().when(input.customerId, 'p.customer_id = ?', input.customerId);
  const page = keysetPage(sqlite, { ...input, from: 'payments p', where, key: 'p.id', id: 'p.id', dir: 'desc' });
  const rows = sqlite
    .prepare(
      `SELECT ${PAYMENT_COLUMNS} FROM json_each(?) AS page JOIN payments p ON p.id = page.value
       JOIN customers c ON c.id = p.customer_id`,
    )
    .all(JSON.stringify(page.ids)) as PaymentRow[];
  return pageWith(page, rows);
}
