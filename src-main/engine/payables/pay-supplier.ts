import { formatMoney } from '../../../src-shared/money';
import { recordAudit } from '../audit';
import { businessToday } from '../business-date';
import type { EngineContext } from '../context';
import { invalid } from '../errors';
import { nextDocumentNumber } from '../numbering';
import { openPurchaseInvoices } from './supplier-account';

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
  let plan: { purchaseInvoiceId: number; amount: number }[];
  if (input.allocations) {
    plan = input.allocations;
    plan.forEach((a, i) => {
      const inv = open.find((o) => o.id === a.purchaseInvoiceId);
      if (!inv)
        throw invalid(
          `Purchase invoice ${a.purchaseInvoiceId} is not an open invoice of this supplier`,
          `allocations.${i}.purchaseInvoiceId`,
        );
      if (plan.filter((b) => b.purchaseInvoiceId === a.purchaseInvoiceId).length > 1)
        throw invalid(`${inv.number} is named twice`, `allocations.${i}.purchaseInvoiceId`);
      if (a.amount > inv.due)
        throw invalid(`Only ${formatMoney(inv.due)} is due on ${inv.number}`, `allocations.${i}.amount`);
    });
    const set = plan.reduce((s, a) => s + a.amount, 0);
    if (set > input.amount)
      throw invalid(
        `The allocations (${formatMoney(set)}) are more than the payment (${formatMoney(input.amount)})`,
        'allocations',
      );
  } else {
    let left = input.amount;
    plan = [];
    for (const inv of open) {
      if (left === 0) break;
      const take = Math.min(left, inv.due);
      plan.push({ purchaseInvoiceId: inv.id, amount: take });
      left -= take;
    }
  }
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
