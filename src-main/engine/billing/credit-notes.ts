import { divideRounded, formatMoney } from '../../../src-shared/money';
import { dryRun, hasPolicy, holdPosting, needsApproval } from '../approvals/held-postings';
import { recordAudit } from '../audit';
import type { EngineContext } from '../context';
import { conflict, invalid, notFound } from '../errors';
import { returnValueFromNote } from '../inventory/return-cost';
import { postMovement } from '../inventory/stock-ledger';
import { costReturned } from '../margin/margin-rules';
import { nextDocumentNumber } from '../numbering';
import { lineGst } from './gst';
import { publishCreditNotePosted } from '../sync/payloads/credit-note-payload';
import { reverseRebatesForCreditNote } from '../channel/rebates/rebate-accrual';
import { reverseForCreditNote } from '../channel/end-buyer/accruals';

export interface CreditNoteInput {
  invoiceId: number;
  /** rebate: a rebate settled on the invoice's taxable value (like a price difference, raised by settlement) */
  kind: 'return' | 'price_difference' | 'rebate';
  reason: string;
  lines: { invoiceLineId: number; quantity: number; restock: 'sellable' | 'damaged'; taxable: number }[];
}

interface InvoiceLine {
  id: number;
  productId: number;
  batchId: number;
  quantity: number;
  taxable: number;
  cgst: number;
  sgst: number;
  igst: number;
  taxRate: number;
  warehouseId: number;
  deliveryNoteId: number;
  sku: string;
  cost: number | null;
}

/** The part of an amount that belongs to `now` units after `before` were already credited: parts always add up to the whole. */
const share = (total: number, before: number, now: number, of: number) =>
  divideRounded(total * (before + now), of) - divideRounded(total * before, of);

/**
 * A credit note, or (a credit-note policy matching its total) a request to post one: held, it takes no number and
 * moves no stock until the last level approves.
 */
export function creditNoteOrHold(ctx: EngineContext, input: CreditNoteInput) {
  if (hasPolicy(ctx, 'credit_note')) {
    // The same computation as the posting (shares, GST, rounding), undone: the total asked for is the one posted.
    const note = dryRun(ctx, () => postCreditNote(ctx, input));
    const customer = ctx.ledger.sqlite
      .prepare(
        `SELECT c.name, c.type, c.bill_state_code AS stateCode, c.bill_district AS district
         FROM invoices i JOIN customers c ON c.id = i.customer_id WHERE i.id = ?`,
      )
      .get(input.invoiceId) as { name: string; type: string; stateCode: string; district: string };
    const facts = {
      amount: note.total,
      customerType: customer.type,
      stateCode: customer.stateCode,
      district: customer.district,
      discountBps: 0,
      marginBps: null,
    };
    if (needsApproval(ctx, 'credit_note', facts)) {
      const approval = holdPosting(ctx, {
        kind: 'credit_note',
        input,
        value: note.total,
        description: `Credit note on ${note.invoiceNumber} for ${customer.name} (${input.kind}), ${formatMoney(note.total)}`,
        facts,
      });
      return { ...note, id: null, number: null, approval };
    }
  }
  return { ...postCreditNote(ctx, input), approval: null };
}

/**
 * A credit note against a posted invoice, never an edit of it. A sales return takes goods back
 * into their batch (or straight to damaged) and credits their share of the invoice; a price
 * difference (or a rebate) credits an amount of taxable value with its GST. Numbered CN/yy-yy/nnnnnn.
 */
export function postCreditNote(ctx: EngineContext, input: CreditNoteInput) {
  const { sqlite } = ctx.ledger;
  const invoice = sqlite
    .prepare('SELECT id, number, customer_id AS customerId, status, igst FROM invoices WHERE id = ?')
    .get(input.invoiceId) as
    { id: number; number: string; customerId: number; status: string; igst: number } | undefined;
  if (!invoice) throw notFound(`Invoice ${input.invoiceId}`, 'invoiceId');
  if (invoice.status !== 'posted') throw conflict(`Invoice ${invoice.number} is ${invoice.status}`, 'invoiceId');
  const number = nextDocumentNumber(ctx, 'CN');
  const id = Number(
    sqlite
      .prepare(
        'INSERT INTO credit_notes (number, invoice_id, customer_id, kind, reason, taxable, cgst, sgst, igst, total, posted_at, posted_by) VALUES (?, ?, ?, ?, ?, 0, 0, 0, 0, 0, ?, ?)',
      )
      .run(
        number,
        invoice.id,
        invoice.customerId,
        input.kind,
        input.reason,
        ctx.now().toISOString(),
        ctx.actor?.id ?? null,
      ).lastInsertRowid,
  );
  const totals = { taxable: 0, cgst: 0, sgst: 0, igst: 0 };
  input.lines.forEach((req, i) => {
    const line = sqlite
      .prepare(
        `SELECT il.id, il.product_id AS productId, il.batch_id AS batchId, il.quantity, il.taxable, il.cgst, il.sgst, il.igst, il.tax_rate_bps AS taxRate, d.warehouse_id AS warehouseId, d.id AS deliveryNoteId, p.sku, il.cost
         FROM invoice_lines il JOIN delivery_note_lines dl ON dl.id = il.delivery_note_line_id JOIN delivery_notes d ON d.id = dl.delivery_note_id JOIN products p ON p.id = il.product_id
         WHERE il.id = ? AND il.invoice_id = ?`,
      )
      .get(req.invoiceLineId, invoice.id) as InvoiceLine | undefined;
    if (!line)
      throw invalid(`Line ${req.invoiceLineId} is not on invoice ${invoice.number}`, `lines.${i}.invoiceLineId`);
    const credited = sqlite
      .prepare(
        'SELECT coalesce(sum(quantity), 0) AS q, coalesce(sum(taxable), 0) AS t FROM credit_note_lines WHERE invoice_line_id = ?',
      )
      .get(line.id) as { q: number; t: number };
    let taxable: number;
    let tax: { cgst: number; sgst: number; igst: number };
    let costBack: number | null = null;
    if (input.kind === 'return') {
      if (req.quantity <= 0) throw invalid('Enter how many came back', `lines.${i}.quantity`);
      if (req.quantity > line.quantity - credited.q)
        throw invalid(
          `Only ${line.quantity - credited.q} of ${line.sku} can still be returned on this invoice`,
          `lines.${i}.quantity`,
        );
      taxable = share(line.taxable, credited.q, req.quantity, line.quantity);
      tax = {
        cgst: share(line.cgst, credited.q, req.quantity, line.quantity),
        sgst: share(line.sgst, credited.q, req.quantity, line.quantity),
        igst: share(line.igst, credited.q, req.quantity, line.quantity),
      };
      // Returned goods come back at the cost they were sold at, which leaves the bill's cost of goods.
      costBack = line.cost === null ? null : costReturned(line.cost, line.quantity, credited.q, req.quantity);
      postMovement(
        ctx,
        {
          warehouseId: line.warehouseId,
          productId: line.productId,
          batchId: line.batchId,
          kind: 'return',
          quantity: req.quantity,
          documentType: 'credit_note',
          documentId: id,
          reason: input.reason,
          // back at the cost it was sold at (the bill's cost of goods); unknown cost: its share of what the note issued
          value: costBack ?? returnValueFromNote(ctx, line.deliveryNoteId, line.batchId, req.quantity) ?? undefined,
        },
        `lines.${i}.quantity`,
      );
      if (req.restock === 'damaged') {
        postMovement(ctx, {
          warehouseId: line.warehouseId,
          productId: line.productId,
          batchId: line.batchId,
          kind: 'damage',
          quantity: -req.quantity,
          documentType: 'credit_note',
          documentId: id,
          reason: `returned damaged: ${input.reason}`,
        });
      }
    } else {
      if (req.taxable <= 0) throw invalid('Enter the amount of taxable value to credit', `lines.${i}.taxable`);
      if (req.taxable > line.taxable - credited.t)
        throw invalid(
          `At most ${formatMoney(line.taxable - credited.t)} of ${line.sku} can still be credited`,
          `lines.${i}.taxable`,
        );
      taxable = req.taxable;
      tax = lineGst(taxable, line.taxRate, invoice.igst === 0);
    }
    sqlite
      .prepare(
        'INSERT INTO credit_note_lines (credit_note_id, invoice_line_id, product_id, batch_id, quantity, restock, warehouse_id, taxable, tax, cost) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
      )
      .run(
        id,
        line.id,
        line.productId,
        line.batchId,
        input.kind === 'return' ? req.quantity : 0,
        req.restock,
        line.warehouseId,
        taxable,
        tax.cgst + tax.sgst + tax.igst,
        input.kind === 'return' ? costBack : 0,
      );
    totals.taxable += taxable;
    totals.cgst += tax.cgst;
    totals.sgst += tax.sgst;
    totals.igst += tax.igst;
  });
  const total = totals.taxable + totals.cgst + totals.sgst + totals.igst;
  sqlite
    .prepare('UPDATE credit_notes SET taxable = ?, cgst = ?, sgst = ?, igst = ?, total = ? WHERE id = ?')
    .run(totals.taxable, totals.cgst, totals.sgst, totals.igst, total, id);
  sqlite.prepare('UPDATE invoices SET credited = credited + ? WHERE id = ?').run(total, invoice.id);
  reverseForCreditNote(ctx, id);
  recordAudit(ctx, 'post', 'credit_note', id, { number, invoice: invoice.number, kind: input.kind, total });
  // A rebate's credit note is not a purchase returned: it leaves what the rebate tiers count alone.
  if (input.kind !== 'rebate') reverseRebatesForCreditNote(ctx, id);
  publishCreditNotePosted(ctx, id);
  return { id, number, invoiceNumber: invoice.number, kind: input.kind, ...totals, total };
}
