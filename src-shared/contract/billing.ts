import { z } from 'zod';
import { operation } from './define';
import { id, idInput, money, text } from './common';

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
