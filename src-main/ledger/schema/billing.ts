import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { batches, products } from './catalog';
import { customers } from './customers';
import { invoices, orderLines } from './orders';
import { deliveryNoteLines } from './delivery';
import { users } from './users';

export const invoiceLines = sqliteTable(
  'invoice_lines',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    invoiceId: integer('invoice_id')
      .notNull()
      .references(() => invoices.id),
    deliveryNoteLineId: integer('delivery_note_line_id')
      .notNull()
      .references(() => deliveryNoteLines.id),
    orderLineId: integer('order_line_id')
      .notNull()
      .references(() => orderLines.id),
    productId: integer('product_id')
      .notNull()
      .references(() => products.id),
    batchId: integer('batch_id')
      .notNull()
      .references(() => batches.id),
    hsn: text('hsn').notNull().default(''),
    quantity: integer('quantity').notNull(),
    unitPrice: integer('unit_price').notNull(),
    gross: integer('gross').notNull(),
    discount: integer('discount').notNull(),
    taxable: integer('taxable').notNull(),
    taxRate: integer('tax_rate_bps').notNull(),
    cgst: integer('cgst').notNull(),
    sgst: integer('sgst').notNull(),
    igst: integer('igst').notNull(),
    total: integer('total').notNull(),
    isFree: integer('is_free', { mode: 'boolean' }).notNull().default(false),
    /** cost of goods of the billed units (paise), from the delivery note line; null when unknown */
    cost: integer('cost'),
  },
  (t) => [index('invoice_lines_invoice_idx').on(t.invoiceId), index('invoice_lines_order_line_idx').on(t.orderLineId)],
);

export const payments = sqliteTable(
  'payments',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    number: text('number').notNull().unique(),
    customerId: integer('customer_id')
      .notNull()
      .references(() => customers.id),
    receivedOn: text('received_on').notNull(),
    /** cash | cheque | upi | bank */
    mode: text('mode').notNull(),
    reference: text('reference').notNull().default(''),
    bank: text('bank').notNull().default(''),
    chequeDate: text('cheque_date'),
    amount: integer('amount').notNull(),
    /**
     * Income tax the buyer deducted at source (section 194Q) and pays to the government on our
     * account: it settles invoices as the money received does, and shows on the ledger on its own line.
     */
    tds: integer('tds').notNull().default(0),
    /** what is not yet set against an invoice (of amount + tds): an advance or on-account amount */
    unallocated: integer('unallocated').notNull(),
    postedAt: text('posted_at').notNull(),
    postedBy: integer('posted_by').references(() => users.id),
    /** a bounced cheque: the receipt stays, its allocations are undone and the ledger shows the reversal */
    reversedAt: text('reversed_at'),
    reversedOn: text('reversed_on'),
    reversedBy: integer('reversed_by').references(() => users.id),
    reversalReason: text('reversal_reason').notNull().default(''),
  },
  (t) => [
    // Received per customer over a period (customer performance) is read from sales_rollups.received.
    index('payments_customer_idx').on(t.customerId, t.receivedOn),
  ],
);

export const paymentAllocations = sqliteTable(
  'payment_allocations',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    paymentId: integer('payment_id')
      .notNull()
      .references(() => payments.id),
    invoiceId: integer('invoice_id')
      .notNull()
      .references(() => invoices.id),
    amount: integer('amount').notNull(),
  },
  (t) => [index('payment_allocations_invoice_idx').on(t.invoiceId)],
);
