import { z } from 'zod';
import { operation } from './define';
import { id, isoDate, money, text } from './common';

const realDate = isoDate.refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)), 'Not a real date');
const units = (label: string) =>
  z.int(`${label} must be whole base units`).min(0, `${label} cannot be negative`).max(100_000_000);

export const purchaseInvoiceLine = z
  .object({
    productId: id,
    batchNo: text(30),
    manufacturedOn: realDate.nullable().default(null),
    expiresOn: realDate.nullable().default(null),
    mrp: money('Batch MRP').nullable().default(null),
    /** billed base units, and scheme goods received free on top */
    quantity: units('Quantity'),
    freeQuantity: units('Free quantity').default(0),
    /** paise per base unit before tax */
    rate: money('Rate'),
    discountBps: z.int('Discount must be whole basis points').min(0).max(10_000, 'Discount is at most 100%').default(0),
    discountAmount: money('Discount').default(0),
  })
  .refine((l) => l.quantity + l.freeQuantity > 0, { message: 'Enter a quantity', path: ['quantity'] });

export const purchaseInvoiceInput = z.object({
  supplierId: id,
  supplierInvoiceNo: z.string().trim().min(1, "Enter the supplier's invoice number").max(30).toUpperCase(),
  invoiceDate: realDate,
  warehouseId: id,
  purchaseOrderId: id.nullable().default(null),
  /** a receipt already posted for these goods (a primary shipment pulled by sync): value it, do not receive again */
  goodsReceiptId: id.nullable().default(null),
  freight: money('Freight').default(0),
  otherCharges: money('Other charges').default(0),
  notes: text(300),
  lines: z.array(purchaseInvoiceLine).min(1, 'Add at least one line').max(500),
});

const workedLine = z.object({
  lineNo: z.int(),
  productId: id,
  sku: z.string(),
  productName: z.string(),
  batchNo: z.string(),
  quantity: z.int(),
  freeQuantity: z.int(),
  rate: z.int(),
  taxRate: z.int(),
  gross: z.int(),
  discount: z.int(),
  charges: z.int(),
  taxable: z.int(),
  cgst: z.int(),
  sgst: z.int(),
  igst: z.int(),
  total: z.int(),
  /** the order's rate per base unit; null when the line is not on the order (or there is no order) */
  orderRate: z.int().nullable(),
  /** units billed beyond what is still open on the order */
  excessQuantity: z.int(),
  /** what differs from the order, in words, for the clerk; empty when nothing does */
  differences: z.array(z.string()),
});

const totals = z.object({
  gross: z.int(),
  discount: z.int(),
  charges: z.int(),
  taxable: z.int(),
  cgst: z.int(),
  sgst: z.int(),
  igst: z.int(),
  roundOff: z.int(),
  total: z.int(),
  tds: z.int(),
});

export const purchaseInvoiceWorked = z.object({
  intraState: z.boolean(),
  dueOn: z.string(),
  lines: z.array(workedLine),
  totals,
});

export const purchaseInvoiceView = purchaseInvoiceWorked.extend({
  id,
  number: z.string(),
  supplierId: id,
  supplierName: z.string(),
  supplierGstin: z.string(),
  supplierInvoiceNo: z.string(),
  invoiceDate: z.string(),
  warehouseId: id,
  purchaseOrderId: z.int().nullable(),
  goodsReceiptId: z.int().nullable(),
  goodsReceiptNumber: z.string().nullable(),
  freight: z.int(),
  otherCharges: z.int(),
  paid: z.int(),
  status: z.string(),
  cancelledOn: z.string().nullable(),
});
export type PurchaseInvoiceView = z.output<typeof purchaseInvoiceView>;

const listRow = z.object({
  id,
  number: z.string(),
  supplierInvoiceNo: z.string(),
  invoiceDate: z.string(),
  supplierId: id,
  supplierName: z.string(),
  supplierGstin: z.string(),
  taxable: z.int(),
  cgst: z.int(),
  sgst: z.int(),
  igst: z.int(),
  total: z.int(),
  tds: z.int(),
  paid: z.int(),
  status: z.string(),
  differences: z.int(),
});

const period = z
  .object({ from: isoDate, to: isoDate, supplierId: id.nullable().default(null) })
  .refine((f) => f.from <= f.to, { message: 'From must not be after To', path: ['to'] });

export const purchaseInvoiceOperations = {
  'purchaseInvoices.preview': operation({
    summary:
      "Works out a purchase invoice without posting it: landed cost per line (charges spread by value), input GST, round-off, TDS under 194Q, and each line's differences from the purchase order.",
    access: 'purchasing.read',
    kind: 'read',
    input: purchaseInvoiceInput,
    output: purchaseInvoiceWorked,
  }),
  'purchaseInvoices.post': operation({
    summary:
      "Books the brand's invoice: receives the goods at landed cost (free goods at zero) or values the receipt named, counts them received on the order, credits the supplier (due after the payment terms) and deducts TDS under 194Q. Numbered PIN/yy-yy/nnnnnn.",
    access: 'purchasing.write',
    kind: 'write',
    idempotent: true,
    input: purchaseInvoiceInput,
    output: purchaseInvoiceView,
  }),
  'purchaseInvoices.get': operation({
    summary: 'One purchase invoice with its lines, landed cost, GST and differences from the order.',
    access: 'purchasing.read',
    kind: 'read',
    input: z.object({ id }),
    output: purchaseInvoiceView,
  }),
  'purchaseInvoices.list': operation({
    summary: 'Purchase invoices of a period (by invoice date), optionally of one supplier, newest first.',
    access: 'purchasing.read',
    kind: 'read',
    input: period,
    output: z.array(listRow),
  }),
  'purchaseInvoices.cancel': operation({
    summary:
      'Cancels a purchase invoice by reversing it: the goods leave at the value they came in at (only while they are still in the warehouse), the order and the supplier account are set back. Refused once paid.',
    access: 'purchasing.write',
    kind: 'write',
    idempotent: true,
    input: z.object({ id, reason: z.string().trim().min(3, 'Say why (at least 3 characters)').max(200) }),
    output: purchaseInvoiceView,
  }),
  'purchaseRegister.export': operation({
    summary:
      'The purchase register of a period (optionally one supplier) as CSV or XLSX (base64): invoice, supplier GSTIN, taxable value, CGST, SGST, IGST and total.',
    access: 'purchasing.read',
    kind: 'read',
    input: z.object({ filters: period, format: z.enum(['csv', 'xlsx']) }),
    output: z.object({ filename: z.string(), mime: z.string(), base64: z.string() }),
  }),
};
