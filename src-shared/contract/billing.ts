import { shippingTerms } from './channel-shipping';
import { z } from 'zod';
import { parties } from './order-parties';
import { operation } from './define';
import { distanceKm, vehicleType } from './eway-bills';
import { invoiceMargin } from './margin';
import { distinctIds, heldApproval, id, idInput, isoDate, keysetOutput, keysetPage, money, page, text } from './common';

const taxLine = { cgst: z.int(), sgst: z.int(), igst: z.int() };
const reason = (what: string) => z.string().trim().min(3, `Say why ${what}`).max(200);
const paymentOut = z.object({
  id,
  number: z.string(),
  customerId: id,
  customerName: z.string(),
  receivedOn: z.string(),
  mode: z.string(),
  reference: z.string(),
  amount: z.int(),
  /** TDS the buyer deducted (194Q): settles invoices with the amount */
  tds: z.int(),
  allocated: z.int(),
  reversedOn: z.string().nullable(),
  reversalReason: z.string(),
});
const pdfOut = z.object({ filename: z.string(), base64: z.string() });
const dispatchOut = z.object({
  id,
  number: z.string(),
  vehicleNo: z.string(),
  driver: z.string(),
  transporter: z.string(),
  lrNumber: z.string(),
  route: z.string(),
  transporterId: id.nullable(),
  vehicleType: z.string(),
  lrDate: z.string().nullable(),
  distanceKm: z.int().nullable(),
  dispatchedAt: z.string(),
  notes: z.array(
    z.object({
      deliveryNoteId: id,
      number: z.string(),
      customerName: z.string(),
      city: z.string(),
      packages: z.int(),
      weightGrams: z.int(),
      outcome: z.string(),
      deliveredOn: z.string().nullable(),
      invoiceNumber: z.string().nullable(),
      invoiceTotal: z.int().nullable(),
      /** the consignment's e-way bill, '' when none; ewayBillOverride says why one above the limit moved without */
      ewayBill: z.string(),
      ewayBillOverride: z.string(),
      /** until when the imported e-way bill is valid (ISO instant); null when none was imported */
      ewayBillValidUpto: z.string().nullable(),
    }),
  ),
});
const ewayBillNumber = z
  .string()
  .trim()
  .refine((v) => v === '' || /^\d{12}$/.test(v), 'An e-way bill number has 12 digits')
  .default('');
export const invoice = z.object({
  id,
  number: z.string(),
  customerId: id,
  customerName: z.string(),
  customerGstin: z.string(),
  invoiceDate: z.string(),
  dueDate: z.string(),
  placeOfSupply: z.string(),
  gross: z.int(),
  discount: z.int(),
  taxable: z.int(),
  ...taxLine,
  roundOff: z.int(),
  total: z.int(),
  paid: z.int(),
  status: z.string(),
  deliveryNotes: z.array(z.string()),
  /** bill-to, ship-to, payer and end buyer as copied from the order (the sold-to where none is named) */
  parties,
  /** posted | cancelled: a cancelled invoice keeps its number; the day and reason are printed on it */
  cancelledOn: z.string().nullable(),
  cancelReason: z.string(),
  lines: z.array(
    z.object({
      id,
      sku: z.string(),
      productName: z.string(),
      hsn: z.string(),
      batchNo: z.string(),
      expiresOn: z.string().nullable(),
      quantity: z.int(),
      baseUnit: z.string(),
      /** the agreed price per unit, as on the order: before GST, or including it when taxInclusive */
      unitPrice: z.int(),
      taxInclusive: z.boolean(),
      /** the unit rate before GST as printed (rupees): gross ÷ quantity, 4 decimals when not a whole paisa */
      rate: z.string(),
      /** gross − discount = taxable, before GST (for an inclusive price, with the tax backed out); taxable + GST = total */
      gross: z.int(),
      discount: z.int(),
      taxable: z.int(),
      taxRate: z.int(),
      ...taxLine,
      total: z.int(),
      isFree: z.boolean(),
    }),
  ),
  /** charges besides the goods (freight under FOR-destination terms): a service with its SAC; in the header totals */
  charges: z.array(
    z.object({
      id,
      kind: z.string(),
      description: z.string(),
      sac: z.string(),
      taxable: z.int(),
      taxRate: z.int(),
      ...taxLine,
      total: z.int(),
    }),
  ),
  /** per HSN (goods) and SAC (charges) and rate */
  hsnSummary: z.array(z.object({ hsn: z.string(), rateBps: z.int(), taxable: z.int(), ...taxLine })),
  /** cost of goods and gross margin: only for roles with cost.read */
  margin: invoiceMargin.optional(),
});

export const billingOperations = {
  'invoices.post': operation({
    summary:
      'A GST tax invoice for one or more posted delivery notes of one customer (CGST+SGST within the state, IGST across); gapless INV/yy-yy/nnnnnn.',
    access: 'billing.write',
    kind: 'write',
    idempotent: true,
    input: z.object({
      deliveryNoteIds: distinctIds('Delivery note').min(1, 'Choose at least one delivery note').max(100),
    }),
    output: invoice,
  }),
  'invoices.get': operation({
    summary: 'One invoice with lines, batches, tax breakup and HSN summary.',
    access: 'billing.read',
    kind: 'read',
    input: idInput,
    output: invoice,
  }),
  'billing.toDeliver': operation({
    summary: 'Orders with picked goods waiting for a delivery note.',
    access: 'orders.read',
    kind: 'read',
    input: z.object({}),
    output: z.array(
      z.object({
        id,
        number: z.string(),
        customerName: z.string(),
        city: z.string(),
        units: z.int(),
        requiredDate: z.string().nullable(),
      }),
    ),
  }),
  'billing.toInvoice': operation({
    summary: 'Posted delivery notes not yet invoiced, by customer.',
    access: 'billing.read',
    kind: 'read',
    input: z.object({}),
    output: z.array(
      z.object({
        id,
        number: z.string(),
        customerId: id,
        customerName: z.string(),
        placeOfSupply: z.string(),
        orderNumber: z.string(),
        postedAt: z.string(),
        units: z.int(),
      }),
    ),
  }),
  'invoices.list': operation({
    summary:
      'Invoices, newest first, with what is paid and how many days overdue. Page on with `after: next` (or back with `before: prev`).',
    access: 'billing.read',
    kind: 'read',
    input: z.object({
      ...page,
      customerId: id.nullable().default(null),
      unpaidOnly: z.boolean().default(false),
      ...keysetPage,
    }),
    output: z.object({
      rows: z.array(
        z.object({
          id,
          number: z.string(),
          invoiceDate: z.string(),
          dueDate: z.string(),
          customerName: z.string(),
          total: z.int(),
          paid: z.int(),
          /** by credit notes: what is still owed is total − paid − credited */
          credited: z.int(),
          status: z.string(),
          daysOverdue: z.int(),
        }),
      ),
      total: z.int(),
      ...keysetOutput,
    }),
  }),
  'counter.start': operation({
    summary: 'Opens the counter: the walk-in cash customer (created once) and the warehouse the counter sells from.',
    access: 'billing.write',
    kind: 'write',
    input: z.object({}),
    output: z.object({ cashCustomerId: id, warehouses: z.array(z.object({ id, code: z.string() })) }),
  }),
  'counter.sale': operation({
    summary:
      'A counter sale in one transaction: order (FEFO), delivery note, invoice and payment. A shortage, or a cash customer paying less than the bill, writes nothing.',
    access: 'billing.write',
    kind: 'write',
    idempotent: true,
    input: z.object({
      customerId: id.nullable().default(null),
      warehouseId: id,
      lines: z
        .array(
          z.object({
            productId: id,
            quantity: z
              .int()
              .positive('Quantity must be more than zero')
              .max(10_000_000, 'Quantity must be at most 10000000 base units'),
          }),
        )
        .min(1, 'Scan at least one product')
        .max(200),
      payment: z.object({
        mode: z.enum(['cash', 'upi', 'bank', 'cheque']).default('cash'),
        tendered: money('Amount tendered').default(0),
        reference: text(40),
      }),
    }),
    output: z.object({
      orderNumber: z.string(),
      deliveryNote: z.string(),
      invoice,
      receipt: z.string().nullable(),
      paid: z.int(),
      change: z.int(),
    }),
  }),
  'documents.receipt': operation({
    summary: 'The 80 mm counter receipt for an invoice as a PDF (base64).',
    access: 'billing.read',
    kind: 'read',
    runs: 'worker',
    input: z.object({ id, tendered: money('Tendered').nullable().default(null) }),
    output: z.object({ filename: z.string(), base64: z.string() }),
  }),
  'creditNotes.post': operation({
    summary:
      'A credit note against a posted invoice: a sales return (goods back into their batch, or to damaged) or a price difference. Numbered CN/yy-yy/nnnnnn. When a credit-note approval policy matches its total it is held instead: no number, no stock back (id and number null, `approval` names the request) until the last level approves.',
    access: 'billing.write',
    kind: 'write',
    idempotent: true,
    input: z.object({
      invoiceId: id,
      kind: z.enum(['return', 'price_difference']),
      reason: z.string().trim().min(3, 'Say why').max(200),
      lines: z
        .array(
          z.object({
            invoiceLineId: id,
            quantity: z.int().min(0).default(0),
            restock: z.enum(['sellable', 'damaged']).default('sellable'),
            taxable: money('Amount').default(0),
          }),
        )
        .min(1, 'Choose at least one line'),
    }),
    output: z.object({
      /** id and number are null while a credit-note approval policy holds it: no number is taken until approved */
      id: id.nullable(),
      number: z.string().nullable(),
      approval: heldApproval.nullable(),
      invoiceNumber: z.string(),
      kind: z.string(),
      taxable: z.int(),
      cgst: z.int(),
      sgst: z.int(),
      igst: z.int(),
      total: z.int(),
    }),
  }),
  'customers.ledger': operation({
    summary:
      'A customer’s account for a period: opening balance, invoices, payments and credit notes with the running balance, closing balance.',
    access: 'billing.read',
    kind: 'read',
    input: z.object({ customerId: id, from: isoDate, to: isoDate }),
    output: z.object({
      opening: z.int(),
      closing: z.int(),
      debits: z.int(),
      credits: z.int(),
      entries: z.array(
        z.object({
          date: z.string(),
          document: z.string(),
          kind: z.string(),
          debit: z.int(),
          credit: z.int(),
          balance: z.int(),
        }),
      ),
    }),
  }),
  'receivables.ageing': operation({
    summary: 'What customers owe by the age of each bill: 0–30, 31–60, 61–90 and over 90 days.',
    access: 'billing.read',
    kind: 'read',
    input: z.object({ customerId: id.nullable().default(null) }),
    output: z.object({
      rows: z.array(
        z.object({
          customerId: id,
          code: z.string(),
          name: z.string(),
          d0: z.int(),
          d31: z.int(),
          d61: z.int(),
          d90: z.int(),
          total: z.int(),
        }),
      ),
      totals: z.object({ d0: z.int(), d31: z.int(), d61: z.int(), d90: z.int(), total: z.int() }),
    }),
  }),
  'dispatches.create': operation({
    summary:
      'Loads delivery notes onto a vehicle: vehicle number, driver, transporter, LR/docket, route. Numbered DSP/yy-yy/nnnnnn. Every note must be invoiced (409 naming deliveryNoteIds.N). ' +
      'A note whose invoice value (incl. tax) is above the company e-way bill threshold needs ewayBills[noteId].number (12 digits) or an overrideReason, which is audited. ' +
      'An e-way bill imported for the invoice (ewayBills.import) stands in; a different number typed, or one that has run out, is refused (409). ' +
      'transporterId (master), vehicleType R/O, lrDate and distanceKm (overriding each customer’s km) feed the e-way bill file.',
    access: 'dispatch.write',
    kind: 'write',
    idempotent: true,
    input: z.object({
      deliveryNoteIds: distinctIds('Delivery note').min(1, 'Choose at least one delivery note').max(200),
      vehicleNo: z.string().trim().min(4, 'Vehicle number is required').max(15),
      driver: text(60),
      transporter: text(80),
      lrNumber: text(30),
      route: text(40),
      transporterId: id.nullable().default(null),
      vehicleType,
      lrDate: isoDate.nullable().default(null),
      distanceKm: distanceKm.nullable().default(null),
      ewayBills: z
        .record(
          z.string().regex(/^\d+$/, 'Key e-way bills by delivery note id'),
          z.object({ number: ewayBillNumber, overrideReason: text(200) }),
        )
        .default({}),
    }),
    output: dispatchOut,
  }),
  'dispatches.confirmDelivery': operation({
    summary:
      'Records what happened at the stop: delivered, partly delivered (returned quantities go back to stock) or refused. An invoiced note takes returns back by credit note.',
    access: 'dispatch.write',
    kind: 'write',
    idempotent: true,
    input: z.object({
      dispatchId: id,
      deliveryNoteId: id,
      outcome: z.enum(['delivered', 'partly_delivered', 'refused']),
      deliveredOn: isoDate,
      returned: z.array(z.object({ deliveryNoteLineId: id, quantity: z.int() })).default([]),
      remarks: text(200),
    }),
    output: dispatchOut,
  }),
  'dispatches.pending': operation({
    summary:
      'The dispatch board: posted delivery notes not yet loaded on a vehicle, by route, with warehouse, day posted, packages, invoice and whether it needs an e-way bill. ' +
      "Filters: warehouseId, route ('-' for customers without one), from/to (business date the note was posted).",
    access: 'orders.read',
    kind: 'read',
    input: z.object({
      warehouseId: id.nullable().default(null),
      route: z.string().trim().max(40).default(''),
      from: isoDate.or(z.literal('')).default(''),
      to: isoDate.or(z.literal('')).default(''),
    }),
    output: z.array(
      z.object({
        id,
        number: z.string(),
        customerName: z.string(),
        customerCode: z.string(),
        city: z.string(),
        route: z.string(),
        warehouseId: id,
        warehouseCode: z.string(),
        postedOn: z.string(),
        packages: z.int(),
        invoiceNumber: z.string().nullable(),
        invoiceTotal: z.int().nullable(),
        needsEwayBill: z.boolean(),
        /** the e-way bill imported for its invoice, '' when none; the warning says if it has run out or will en route */
        ewayBill: z.string(),
        ewayBillValidUpto: z.string().nullable(),
        ewayBillWarning: z.string(),
        /** the order's shipping terms: freight basis, preferred transporter, carrier account, packing instructions */
        shipping: shippingTerms,
      }),
    ),
  }),
  'dispatches.open': operation({
    summary: 'Dispatches with stops still to confirm.',
    access: 'orders.read',
    kind: 'read',
    input: z.object({}),
    output: z.array(dispatchOut),
  }),
  'documents.deliveryNote': operation({
    summary: 'The delivery note as a PDF (base64).',
    access: 'orders.read',
    kind: 'read',
    runs: 'worker',
    input: idInput,
    output: pdfOut,
  }),
  'documents.dispatchSheet': operation({
    summary: 'The dispatch sheet as a PDF (base64).',
    access: 'orders.read',
    kind: 'read',
    runs: 'worker',
    input: idInput,
    output: pdfOut,
  }),
  'documents.statement': operation({
    summary: 'A customer statement as a PDF (base64).',
    access: 'billing.read',
    kind: 'read',
    runs: 'worker',
    input: z.object({ customerId: id, from: isoDate, to: isoDate }),
    output: pdfOut,
  }),
  'documents.invoice': operation({
    summary: 'The A4 tax invoice as a PDF (base64).',
    access: 'billing.read',
    kind: 'read',
    runs: 'worker',
    input: idInput,
    output: z.object({ filename: z.string(), base64: z.string() }),
  }),
  'invoices.cancel': operation({
    summary:
      'Cancels a posted invoice within the company’s window (invoiceCancelDays after its date, default 1): the number stays used and prints CANCELLED, its delivery notes return to “to invoice”, receivables and credit follow. Refused (409) when payments or credit notes are against it, or outside the window (issue a credit note instead).',
    access: 'billing.write',
    kind: 'write',
    idempotent: true,
    input: z.object({ id, reason: reason('the invoice is cancelled') }),
    output: invoice,
  }),
  'payments.list': operation({
    summary: 'Receipts, newest first (optionally of one customer), with what each settled and whether it was reversed.',
    access: 'billing.read',
    kind: 'read',
    input: z.object({ ...page, customerId: id.nullable().default(null), ...keysetPage }),
    output: z.object({ rows: z.array(paymentOut), total: z.int(), ...keysetOutput }),
  }),
  'payments.reverse': operation({
    summary:
      'Reverses a receipt that bounced: its allocations are undone (the invoices are owed again), orders’ payment status follows, the ledger shows a reversal on today’s date. Once only (409).',
    access: 'billing.write',
    kind: 'write',
    idempotent: true,
    input: z.object({ id, reason: reason('the receipt is reversed') }),
    output: paymentOut.extend({ message: z.string() }),
  }),
  'payments.record': operation({
    summary:
      'Records a receipt (cash, cheque, UPI, bank), with any TDS the buyer deducted (194Q), and sets both against invoices, oldest first unless named; the rest stays on account.',
    access: 'billing.write',
    kind: 'write',
    idempotent: true,
    input: z.object({
      customerId: id,
      receivedOn: isoDate,
      mode: z.enum(['cash', 'cheque', 'upi', 'bank'], 'Mode must be cash, cheque, upi or bank'),
      reference: text(40),
      bank: text(60),
      chequeDate: isoDate.nullable().default(null),
      amount: money('Amount').refine((a) => a > 0, 'Amount must be more than zero'),
      /** income tax the buyer deducted under section 194Q: settles invoices with the amount */
      tds: money('TDS').default(0),
      allocations: z
        .array(
          z.object({ invoiceId: id, amount: money('Amount').refine((a) => a > 0, 'Amount must be more than zero') }),
        )
        .nullable()
        .default(null),
    }),
    output: z.object({
      id,
      number: z.string(),
      amount: z.int(),
      tds: z.int(),
      allocated: z.int(),
      onAccount: z.int(),
      allocations: z.array(z.object({ invoiceId: id, amount: z.int() })),
    }),
  }),
};
