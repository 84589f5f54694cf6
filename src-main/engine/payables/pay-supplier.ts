import { recordAudit } from '../audit';
import { businessToday } from '../business-date';
import type { EngineContext } from '../context';
import { invalid } from '../errors';
import { nextDocumentNumber } from '../numbering';
import { openPurchaseInvoices } from './supplier-account';
import { planAllocation } from '../payments/allocation-plan';

export interface SupplierPaymentInput {
  supplierId: number;
  paidOn: string;
  mode: 'cash' | 'bank' | 'upi';
  reference: string;
  amount: number;
  /** null: settle the invoices that fall due first */
  allocations: { purchaseInvoiceId: number; amount: number }[] | null;
}

/**
 * A payment to a supplier, set against their invoices (the ones the accountant names, or those due first);
 * whatever is left stays on account as an advance. Debits the supplier's account.
 */
export function paySupplier(ctx: EngineContext, input: SupplierPaymentInput) {
  const { sqlite } = ctx.ledger;
  const open = openPurchaseInvoices(ctx, input.supplierId);
  if (input.paidOn > businessToday(ctx)) throw invalid('A payment cannot be dated after today', 'paidOn');
  if (input.mode !== 'cash' && !input.reference)
    throw invalid('Enter the bank or UPI reference of the payment', 'reference');
  const named = input.allocations?.map((a) => ({ id: a.purchaseInvoiceId, amount: a.amount })) ?? null;
  const plan = planAllocation(open, input.amount, named, {
    idField: 'purchaseInvoiceId',
    bill: 'Purchase invoice',
    whose: 'supplier',
  }).map((a) => ({ purchaseInvoiceId: a.id, amount: a.amount }));
  const allocated = plan.reduce((s, a) => s + a.amount, 0);
  const number = nextDocumentNumber(ctx, 'SPAY');
  const at = ctx.now().toISOString();
  const id = Number(
    sqlite
      .prepare(
        `INSERT INTO supplier_payments (number, supplier_id, paid_on, mode, reference, amount, unallocated, posted_at,
           user_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        number,
        input.supplierId,
        input.paidOn,
        input.mode,
        input.reference,
        input.amount,
        input.amount - allocated,
        at,
        ctx.actor?.id ?? null,
      ).lastInsertRowid,
  );
  for (const a of plan) {
    sqlite
      .prepare('INSERT INTO supplier_payment_allocations (payment_id, purchase_invoice_id, amount) VALUES (?, ?, ?)')
      .run(id, a.purchaseInvoiceId, a.amount);
    sqlite.prepare('UPDATE purchase_invoices SET paid = paid + ? WHERE id = ?').run(a.amount, a.purchaseInvoiceId);
  }
  const paidFor = plan.map((a) => open.find((o) => o.id === a.purchaseInvoiceId)!.number).join(', ');
  sqlite
    .prepare(
      `INSERT INTO supplier_ledger (supplier_id, date, kind, document_type, document_id, number, debit, credit,
         narration, posted_at) VALUES (?, ?, 'supplier_payment', 'supplier_payment', ?, ?, ?, 0, ?, ?)`,
    )
    .run(
      input.supplierId,
      input.paidOn,
      id,
      number,
      input.amount,
      `${input.mode.toUpperCase()} ${input.reference}${paidFor ? ` against ${paidFor}` : ' on account'}`.trim(),
      at,
    );
  recordAudit(ctx, 'post', 'supplier_payment', id, { number, amount: input.amount, allocated });
  return { id, number, amount: input.amount, allocated, onAccount: input.amount - allocated, allocations: plan };
}
