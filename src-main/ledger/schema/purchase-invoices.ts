import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { batches, products } from './catalog';
import { goodsReceipts } from './inventory';
import { purchaseOrderLines, purchaseOrders, suppliers } from './purchasing';
import { users } from './users';
import { warehouses } from './warehouses';

/**
 * The brand's invoice as booked: their number and date (unique per supplier), what it cost landed, input GST,
 * and the goods receipt it valued. Posted invoices are never edited; a mistake is cancelled (reversed).
 */
export const purchaseInvoices = sqliteTable(
  'purchase_invoices',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    /** our own gapless number (PIN/yy-yy/nnnnnn) */
    number: text('number').notNull().unique(),
    supplierId: integer('supplier_id')
      .notNull()
      .references(() => suppliers.id),
    supplierInvoiceNo: text('supplier_invoice_no').notNull(),
    invoiceDate: text('invoice_date').notNull(),
    warehouseId: integer('warehouse_id')
      .notNull()
      .references(() => warehouses.id),
    purchaseOrderId: integer('purchase_order_id').references(() => purchaseOrders.id),
    goodsReceiptId: integer('goods_receipt_id').references(() => goodsReceipts.id),
    /** 1 when the goods came against a receipt already posted (a primary shipment pulled by sync) */
    matchedReceipt: integer('matched_receipt').notNull().default(0),
    intraState: integer('intra_state').notNull(),
    gross: integer('gross').notNull(),
    discount: integer('discount').notNull(),
    freight: integer('freight').notNull().default(0),
    otherCharges: integer('other_charges').notNull().default(0),
    /** Σ lines' taxable value: after discount, with the charges apportioned (the landed cost) */
    taxable: integer('taxable').notNull(),
    cgst: integer('cgst').notNull(),
    sgst: integer('sgst').notNull(),
    igst: integer('igst').notNull(),
    roundOff: integer('round_off').notNull(),
    total: integer('total').notNull(),
    /** TDS under 194Q deducted when the invoice was booked (debited to the supplier's account) */
    tds: integer('tds').notNull().default(0),
    /** paid to the supplier against this invoice (allocations of supplier payments) */
    paid: integer('paid').notNull().default(0),
    dueOn: text('due_on').notNull(),
    /** posted | cancelled */
    status: text('status').notNull().default('posted'),
    cancelledOn: text('cancelled_on'),
    notes: text('notes').notNull().default(''),
    postedAt: text('posted_at').notNull(),
    userId: integer('user_id').references(() => users.id),
  },
  (t) => [
    uniqueIndex('purchase_invoices_supplier_no_idx').on(t.supplierId, t.supplierInvoiceNo),
    index('purchase_invoices_date_idx').on(t.invoiceDate),
  ],
);

export const purchaseInvoiceLines = sqliteTable(
  'purchase_invoice_lines',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    purchaseInvoiceId: integer('purchase_invoice_id')
      .notNull()
      .references(() => purchaseInvoices.id),
    lineNo: integer('line_no').notNull(),
    productId: integer('product_id')
      .notNull()
      .references(() => products.id),
    batchId: integer('batch_id')
      .notNull()
      .references(() => batches.id),
    purchaseOrderLineId: integer('purchase_order_line_id').references(() => purchaseOrderLines.id),
    /** billed base units, and scheme goods received free on top */
    quantity: integer('quantity').notNull(),
    freeQuantity: integer('free_quantity').notNull().default(0),
    rate: integer('rate').notNull(),
    discountBps: integer('discount_bps').notNull().default(0),
    discountAmount: integer('discount_amount').notNull().default(0),
    gross: integer('gross').notNull(),
    discount: integer('discount').notNull(),
    /** freight and other charges apportioned to this line by value */
    charges: integer('charges').notNull(),
    /** landed value: after discount, with charges; input GST is on it and is not part of it */
    taxable: integer('taxable').notNull(),
    taxRate: integer('tax_rate_bps').notNull(),
    cgst: integer('cgst').notNull(),
    sgst: integer('sgst').notNull(),
    igst: integer('igst').notNull(),
    total: integer('total').notNull(),
    /** differences from the order, recorded when posted: the PO's rate (null: not on the order) and excess units */
    orderRate: integer('order_rate'),
    excessQuantity: integer('excess_quantity').notNull().default(0),
  },
  (t) => [
    uniqueIndex('purchase_invoice_lines_no_idx').on(t.purchaseInvoiceId, t.lineNo),
    index('purchase_invoice_lines_product_idx').on(t.productId),
  ],
);

/** Money paid to a supplier: cash, bank transfer or UPI, allocated to their invoices. */
export const supplierPayments = sqliteTable(
  'supplier_payments',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    number: text('number').notNull().unique(),
    supplierId: integer('supplier_id')
      .notNull()
      .references(() => suppliers.id),
    paidOn: text('paid_on').notNull(),
    /** cash | bank | upi */
    mode: text('mode').notNull(),
    reference: text('reference').notNull().default(''),
    amount: integer('amount').notNull(),
    /** what is left on account after allocation (an advance) */
    unallocated: integer('unallocated').notNull().default(0),
    postedAt: text('posted_at').notNull(),
    userId: integer('user_id').references(() => users.id),
  },
  (t) => [index('supplier_payments_supplier_idx').on(t.supplierId, t.paidOn)],
);

export const supplierPaymentAllocations = sqliteTable(
  'supplier_payment_allocations',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    paymentId: integer('payment_id')
      .notNull()
      .references(() => supplierPayments.id),
    purchaseInvoiceId: integer('purchase_invoice_id')
      .notNull()
      .references(() => purchaseInvoices.id),
    amount: integer('amount').notNull(),
  },
  (t) => [index('supplier_payment_allocations_invoice_idx').on(t.purchaseInvoiceId)],
);
