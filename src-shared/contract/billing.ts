import { z } from 'zod';
import { operation } from './define';
import { id, idInput, money, page, text } from './common';

const taxLine = { cgst: z.int(), sgst: z.int(), igst: z.int() };
export const invoice = z.object({
  id, number: z.string(), customerId: id, customerName: z.string(), customerGstin: z.string(), invoiceDate: z.string(), dueDate: z.string(), placeOfSupply: z.string(),
  gross: z.int(), discount: z.int(), taxable: z.int(), ...taxLine, roundOff: z.int(), total: z.int(), paid: z.int(), status: z.string(), deliveryNotes: z.array(z.string()),
  lines: z.array(z.object({
    id, sku: z.string(), productName: z.string(), hsn: z.string(), batchNo: z.string(), expiresOn: z.string().nullable(), quantity: z.int(), baseUnit: z.string(),
    unitPrice: z.int(), gross: z.int(), discount: z.int(), taxable: z.int(), taxRate: z.int(), ...taxLine, total: z.int(), isFree: z.boolean(),
  })),
  hsnSummary: z.array(z.object({ hsn: z.string(), rateBps: z.int(), taxable: z.int(), ...taxLine })),
});

export const billingOperations = {
  'invoices.post': operation({
    summary: 'A GST tax invoice for one or more posted delivery notes of one customer (CGST+SGST within the state, IGST across); gapless INV/yy-yy/nnnnnn.',
    access: 'billing.write',
    kind: 'write',
    input: z.object({ deliveryNoteIds: z.array(id).min(1, 'Choose at least one delivery note').max(100) }),
    output: invoice,
  }),
  'invoices.get': operation({ summary: 'One invoice with lines, batches, tax breakup and HSN summary.', access: 'billing.read', kind: 'read', input: idInput, output: invoice }),
  'billing.toDeliver': operation({
    summary: 'Orders with picked goods waiting for a delivery note.',
    access: 'orders.read',
    kind: 'read',
    input: z.object({}),
    output: z.array(z.object({ id, number: z.string(), customerName: z.string(), city: z.string(), units: z.int(), requiredDate: z.string().nullable() })),
  }),
  'billing.toInvoice': operation({
    summary: 'Posted delivery notes not yet invoiced, by customer.',
    access: 'billing.read',
    kind: 'read',
    input: z.object({}),
    output: z.array(z.object({ id, number: z.string(), customerId: id, customerName: z.string(), placeOfSupply: z.string(), orderNumber: z.string(), postedAt: z.string(), units: z.int() })),
  }),
  'invoices.list': operation({
    summary: 'Invoices, newest first, with what is paid and how many days overdue.',
    access: 'billing.read',
    kind: 'read',
    input: z.object({ ...page, customerId: id.nullable().default(null), unpaidOnly: z.boolean().default(false) }),
    output: z.object({ rows: z.array(z.object({ id, number: z.string(), invoiceDate: z.string(), dueDate: z.string(), customerName: z.string(), total: z.int(), paid: z.int(), status: z.string(), daysOverdue: z.int() })), total: z.int() }),
  }),
  'counter.start': operation({
    summary: 'Opens the counter: the walk-in cash customer (created once) and the warehouse the counter sells from.',
    access: 'billing.write',
    kind: 'write',
    input: z.object({}),
    output: z.object({ cashCustomerId: id, warehouses: z.array(z.object({ id, code: z.string() })) }),
  }),
  'counter.sale': operation({
    summary: 'A counter sale in one transaction: order (FEFO), delivery note, invoice and payment. A shortage, or a cash customer paying less than the bill, writes nothing.',
    access: 'billing.write',
    kind: 'write',
    input: z.object({
      customerId: id.nullable().default(null),
      warehouseId: id,
      lines: z.array(z.object({ productId: id, quantity: z.int().positive('Quantity must be more than zero') })).min(1, 'Scan at least one product').max(200),
      payment: z.object({ mode: z.enum(['cash', 'upi', 'bank', 'cheque']).default('cash'), tendered: money('Amount tendered').default(0), reference: text(40) }),
    }),
    output: z.object({ orderNumber: z.string(), deliveryNote: z.string(), invoice, receipt: z.string().nullable(), paid: z.int(), change: z.int() }),
  }),
  'documents.receipt': operation({
    summary: 'The 80 mm counter receipt for an invoice as a PDF (base64).',
    access: 'billing.read',
    kind: 'read',
    input: z.object({ id, tendered: money('Tendered').nullable().default(null) }),
    output: z.object({ filename: z.string(), base64: z.string() }),
  }),
  'documents.invoice': operation({ summary: 'The A4 tax invoice as a PDF (base64).', access: 'billing.read', kind: 'read', input: idInput, output: z.object({ filename: z.string(), base64: z.string() }) }),
  'payments.record': operation({
    summary: 'Records a receipt (cash, cheque, UPI, bank) and sets it against invoices, oldest first unless named; the rest stays on account.',
    access: 'billing.write',
    kind: 'write',
    input: z
      .object({
        customerId: id,
        receivedOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Date must be YYYY-MM-DD'),
        mode: z.enum(['cash', 'cheque', 'upi', 'bank'], 'Mode must be cash, cheque, upi or bank'),
        reference: text(40),
        bank: text(60),
        chequeDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Date must be YYYY-MM-DD').nullable().default(null),
        amount: money('Amount').refine((a) => a > 0, 'Amount must be more than zero'),
        allocations: z.array(z.object({ invoiceId: id, amount: money('Amount').refine((a) => a > 0, 'Amount must be more than zero') })).nullable().default(null),
      }),
    output: z.object({ id, number: z.string(), amount: z.int(), allocated: z.int(), onAccount: z.int(), allocations: z.array(z.object({ invoiceId: id, amount: z.int() })) }),
  }),
};
