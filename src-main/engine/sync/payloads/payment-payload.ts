import type { EngineContext } from '../../context';
import { publishEvent } from '../publish-event';
import { partyOf } from './party';

const modes = { cash: 'cash', cheque: 'cheque', upi: 'upi', bank: 'bank-transfer' } as const;

export function paymentPayload(ctx: EngineContext, paymentId: number) {
  const { sqlite } = ctx.ledger;
  const p = sqlite
    .prepare(
      'SELECT number, received_on AS date, customer_id AS customerId, mode, reference, amount FROM payments WHERE id = ?',
    )
    .get(paymentId) as {
    number: string;
    date: string;
    customerId: number;
    mode: keyof typeof modes;
    reference: string;
    amount: number;
  };
  const allocations = sqlite
    .prepare(
      'SELECT i.number AS invoiceNumber, a.amount AS amountPaise FROM payment_allocations a JOIN invoices i ON i.id = a.invoice_id WHERE a.payment_id = ? ORDER BY a.id',
    )
    .all(paymentId) as { invoiceNumber: string; amountPaise: number }[];
  return {
    number: p.number,
    date: p.date,
    party: partyOf(ctx, p.customerId),
    amountPaise: p.amount,
    mode: modes[p.mode] ?? 'other',
    reference: p.reference.slice(0, 80),
    allocations,
  };
}

export function publishPaymentReceived(ctx: EngineContext, paymentId: number): void {
  publishEvent(ctx, 'payment.received', paymentPayload(ctx, paymentId));
}

/** Hook for payment reversal (e.g. a bounced cheque): call at the end of reversePayment, in its transaction. */
export function publishPaymentReversed(
  ctx: EngineContext,
  paymentId: number,
  why: { reversedOn: string; reason: string },
): void {
  const { number, date, party, amountPaise } = paymentPayload(ctx, paymentId);
  publishEvent(ctx, 'payment.reversed', {
    number,
    date,
    party,
    amountPaise,
    reversedOn: why.reversedOn,
    reason: why.reason || 'not given',
  });
}
