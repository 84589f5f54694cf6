import { z } from 'zod';
import { operation } from './define';
import { id, isoDate, money, text } from './common';

const positive = (label: string) => money(label).refine((a) => a > 0, `${label} must be more than zero`);

export const supplierLedgerEntry = z.object({
  date: z.string(),
  kind: z.string(),
  number: z.string(),
  narration: z.string(),
  dueOn: z.string().nullable(),
  debit: z.int(),
  credit: z.int(),
  /** what is owed to the supplier after this entry (credit − debit so far) */
  balance: z.int(),
});

const ageingRow = z.object({
  supplierId: id,
  code: z.string(),
  name: z.string(),
  notDue: z.int(),
  d0: z.int(),
  d31: z.int(),
  d61: z.int(),
  d90: z.int(),
  total: z.int(),
});

export const payablesOperations = {
  'payables.ledger': operation({
    summary:
      "A supplier's account for a period: balance brought forward, each invoice (credit), payment, TDS and cancellation (debit) with the running balance owed.",
    access: 'purchasing.read',
    kind: 'read',
    input: z
      .object({ supplierId: id, from: isoDate, to: isoDate })
      .refine((f) => f.from <= f.to, { message: 'From must not be after To', path: ['to'] }),
    output: z.object({
      opening: z.int(),
      entries: z.array(supplierLedgerEntry),
      closing: z.int(),
      debits: z.int(),
      credits: z.int(),
    }),
  }),
  'payables.openInvoices': operation({
    summary: "A supplier's purchase invoices with something still to pay (total − TDS − paid), oldest due first.",
    access: 'purchasing.read',
    kind: 'read',
    input: z.object({ supplierId: id }),
    output: z.array(
      z.object({
        id,
        number: z.string(),
        supplierInvoiceNo: z.string(),
        invoiceDate: z.string(),
        dueOn: z.string(),
        total: z.int(),
        tds: z.int(),
        paid: z.int(),
        due: z.int(),
      }),
    ),
  }),
  'payables.pay': operation({
    summary:
      'Records a payment to a supplier (cash, bank transfer, UPI) and sets it against their invoices, oldest due first unless named; the rest stays on account as an advance. Numbered SPAY/yy-yy/nnnnnn.',
    access: 'payables.write',
    kind: 'write',
    idempotent: true,
    input: z.object({
      supplierId: id,
      paidOn: isoDate,
      mode: z.enum(['cash', 'bank', 'upi'], 'Mode must be cash, bank or upi'),
      reference: text(40),
      amount: positive('Amount'),
      allocations: z
        .array(z.object({ purchaseInvoiceId: id, amount: positive('Amount') }))
        .nullable()
        .default(null),
    }),
    output: z.object({
      id,
      number: z.string(),
      amount: z.int(),
      allocated: z.int(),
      onAccount: z.int(),
      allocations: z.array(z.object({ purchaseInvoiceId: id, amount: z.int() })),
    }),
  }),
  'payables.ageing': operation({
    summary:
      'Ageing of payables: what is owed to each supplier on unpaid invoices, not yet due and then by days past the due date (1–30, 31–60, 61–90, over 90), as of today.',
    access: 'purchasing.read',
    kind: 'read',
    input: z.object({ supplierId: id.nullable().default(null) }),
    output: z.object({
      rows: z.array(ageingRow),
      totals: ageingRow.omit({ supplierId: true, code: true, name: true }),
    }),
  }),
  'payables.tds': operation({
    summary:
      'TDS under section 194Q deducted from suppliers in a period (net of reversals), per supplier, and the total payable to the government.',
    access: 'purchasing.read',
    kind: 'read',
    input: z
      .object({ from: isoDate, to: isoDate })
      .refine((f) => f.from <= f.to, { message: 'From must not be after To', path: ['to'] }),
    output: z.object({
      rows: z.array(z.object({ supplierId: id, name: z.string(), gstin: z.string(), tds: z.int() })),
      total: z.int(),
    }),
  }),
};
