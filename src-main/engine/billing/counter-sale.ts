import { businessToday } from '../business-date';
import { recordAudit } from '../audit';
import type { EngineContext } from '../context';
import { DomainError, invalid } from '../errors';
import { postDeliveryNote } from '../fulfilment/delivery-notes';
import { getOrderDetail } from '../orders/order-store';
import { placeOrder } from '../orders/place-order';
import { recordPayment } from '../payments/record-payment';
import { priceOrder } from '../orders/price-order';
import { formatMoney } from '../../../src-shared/money';
import { getInvoice } from './invoice-view';
import { withoutCost } from '../margin/margin-rules';
import { postInvoice } from './post-invoice';
import { refreshOrderMilestones } from '../summaries/order-milestones';

export interface CounterSaleInput {
  customerId: number | null;
  warehouseId: number;
  lines: { productId: number; quantity: number }[];
  payment: { mode: 'cash' | 'upi' | 'bank' | 'cheque'; tendered: number; reference: string };
}

/** The walk-in "Cash customer": one per ledger, made the first time the counter needs it. */
export function cashCustomerId(ctx: EngineContext): number {
  const { sqlite } = ctx.ledger;
  const found = sqlite.prepare("SELECT id FROM customers WHERE code = 'CASH'").get() as { id: number } | undefined;
  if (found) return found.id;
  const state = (sqlite.prepare('SELECT state_code AS s FROM company WHERE id = 1').get() as { s: string }).s;
  const now = ctx.now().toISOString();
  return Number(
    sqlite
      .prepare(
        "INSERT INTO customers (code, name, type, bill_state_code, credit_limit, payment_terms_days, status, created_at, updated_at) VALUES ('CASH', 'Cash customer', 'other', ?, 0, 0, 'active', ?, ?)",
      )
      .run(state, now, now).lastInsertRowid,
  );
}

/**
 * A counter sale in one transaction: the order is placed (FEFO), handed over at once (picked
 * and delivered), invoiced and paid. If anything is short, or a cash customer pays less than
 * the bill, nothing at all is written.
 */
/** What the counter screen needs to open: the cash customer and the warehouses it can sell from. */
export function counterStart(ctx: EngineContext) {
  return {
    cashCustomerId: cashCustomerId(ctx),
    warehouses: ctx.ledger.sqlite.prepare('SELECT id, code FROM warehouses WHERE active = 1 ORDER BY code').all() as {
      id: number;
      code: string;
    }[],
  };
}

export function counterSale(ctx: EngineContext, input: CounterSaleInput) {
  const cashId = cashCustomerId(ctx);
  const customerId = input.customerId ?? cashId;
  const isCash = customerId === cashId;
  const orderInput = {
    customerId,
    warehouseId: input.warehouseId,
    paymentType: input.payment.mode === 'cheque' ? 'cheque' : input.payment.mode === 'cash' ? 'cash' : 'upi_bank',
    endBuyer: '',
    endBuyerId: null,
    requiredDate: null,
    reference: 'Counter',
    remarks: '',
    lines: input.lines.map((l) => ({
      ...l,
      enteredAs: '',
      priceOverride: null,
      manualDiscountBps: 0,
      shortageAction: 'backorder' as const,
      warehouseId: null,
    })),
  } as const;
  // The walk-in customer has no credit: say so about the money, before the credit rule says it about the limit.
  if (isCash) {
    // The quote's total is already rounded to the rupee, as the invoice will be.
    const bill = priceOrder(ctx, orderInput).total;
    if (input.payment.tendered < bill)
      throw invalid(`A cash customer pays the whole bill of ${formatMoney(bill)}`, 'payment.tendered');
  }
  // Only the money tendered here and now is exempt from the credit check; the rest is credit.
  const order = placeOrder(
    ctx,
    { ...orderInput, id: null, version: null },
    { method: 'fefo', paidNow: input.payment.tendered },
  );
  if (order.status !== 'confirmed')
    throw new DomainError(
      'rule_violated',
      `This sale needs a manager's approval (${order.approvalReasons.map(withoutCost).join('; ')}); take it as an order instead`,
      'customerId',
    );
  const short = order.short > 0 ? getOrderDetail(ctx, order.id).lines.filter((l) => l.backordered > 0) : [];
  if (short.length)
    throw new DomainError(
      'rule_violated',
      `Not in stock at the counter: ${short.map((l) => `${l.sku} (${l.quantity - l.backordered} of ${l.quantity})`).join(', ')}`,
      'lines',
    );
  const { sqlite } = ctx.ledger;
  // Handed over the counter: the reservations are picked at once.
  sqlite
    .prepare(
      "UPDATE reservations SET status = 'picked' WHERE status = 'active' AND order_line_id IN (SELECT id FROM order_lines WHERE order_id = ?)",
    )
    .run(order.id);
  sqlite.prepare('UPDATE order_lines SET picked = quantity WHERE order_id = ?').run(order.id);
  sqlite.prepare("UPDATE orders SET status = 'picked' WHERE id = ?").run(order.id);
  refreshOrderMilestones(ctx, [order.id]);
  const note = postDeliveryNote(ctx, { orderId: order.id, lines: null, packages: 1, weightGrams: 0 });
  // Under the default flow the note has raised its invoice already; otherwise the counter raises it now.
  const invoice =
    note.invoiceId !== null ? getInvoice(ctx, note.invoiceId) : postInvoice(ctx, { deliveryNoteIds: [note.id] });
  if (isCash && input.payment.tendered < invoice.total)
    throw invalid(`A cash customer pays the whole bill of ${formatMoney(invoice.total)}`, 'payment.tendered');
  const paid = Math.min(input.payment.tendered, invoice.total);
  const payment =
    paid > 0
      ? recordPayment(ctx, {
          customerId,
          receivedOn: businessToday(ctx),
          mode: input.payment.mode,
          reference: input.payment.reference || 'counter',
          bank: '',
          chequeDate: null,
          amount: paid,
          allocations: [{ invoiceId: invoice.id, amount: paid }],
        })
      : null;
  recordAudit(ctx, 'counter_sale', 'invoice', invoice.id, { order: order.number, total: invoice.total });
  return {
    orderNumber: order.number!,
    deliveryNote: note.number,
    invoice,
    receipt: payment?.number ?? null,
    paid,
    change: Math.max(0, input.payment.tendered - invoice.total),
  };
}
