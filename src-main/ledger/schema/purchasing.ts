import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { products } from './catalog';
import { now, users } from './users';
import { warehouses } from './warehouses';

/** The brand and other principals the distributor buys from. */
export const suppliers = sqliteTable(
  'suppliers',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    code: text('code').notNull().unique(),
    name: text('name').notNull(),
    gstin: text('gstin').notNull().default(''),
    /** GST state code (two digits): decides CGST+SGST or IGST on the supplier's invoices. */
    stateCode: text('state_code').notNull(),
    address: text('address').notNull().default(''),
    phone: text('phone').notNull().default(''),
    email: text('email').notNull().default(''),
    paymentTermsDays: integer('payment_terms_days').notNull().default(0),
    /** Days from order to goods on the shelf: the suggested order covers it. */
    leadTimeDays: integer('lead_time_days').notNull().default(7),
    /** The distributor deducts TDS under section 194Q on this supplier's purchases. */
    tds194q: integer('tds_194q').notNull().default(0),
    status: text('status').notNull().default('active'),
    version: integer('version').notNull().default(1),
    createdAt: text('created_at').notNull().default(now),
    updatedAt: text('updated_at').notNull().default(now),
  },
  (t) => [index('suppliers_name_idx').on(t.name)],
);

/** The supplier's price list: the purchase rate (paise per base unit, before tax) of each product. */
export const supplierRates = sqliteTable(
  'supplier_rates',
  {
    supplierId: integer('supplier_id')
      .notNull()
      .references(() => suppliers.id),
    productId: integer('product_id')
      .notNull()
      .references(() => products.id),
    rate: integer('rate').notNull(),
    /** Trade discount the supplier gives on this product, in basis points. */
    discountBps: integer('discount_bps').notNull().default(0),
    updatedAt: text('updated_at').notNull().default(now),
  },
  (t) => [primaryKey({ columns: [t.supplierId, t.productId] }), index('supplier_rates_product_idx').on(t.productId)],
);

/** An indent to a supplier for one warehouse. Status follows what has been received against it. */
export const purchaseOrders = sqliteTable(
  'purchase_orders',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    number: text('number').notNull().unique(),
    supplierId: integer('supplier_id')
      .notNull()
      .references(() => suppliers.id),
    warehouseId: integer('warehouse_id')
      .notNull()
      .references(() => warehouses.id),
    orderDate: text('order_date').notNull(),
    expectedOn: text('expected_on'),
    /** open | partly_received | closed | cancelled */
    status: text('status').notNull().default('open'),
    notes: text('notes').notNull().default(''),
    userId: integer('user_id').references(() => users.id),
    createdAt: text('created_at').notNull().default(now),
    /** when the order was last sent to the supplier (PDF/CSV); edits after that are the clerk's to resend */
    sentAt: text('sent_at'),
    cancelReason: text('cancel_reason').notNull().default(''),
    version: integer('version').notNull().default(1),
  },
  (t) => [index('purchase_orders_supplier_idx').on(t.supplierId, t.orderDate)],
);

export const purchaseOrderLines = sqliteTable(
  'purchase_order_lines',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    purchaseOrderId: integer('purchase_order_id')
      .notNull()
      .references(() => purchaseOrders.id),
    lineNo: integer('line_no').notNull(),
    productId: integer('product_id')
      .notNull()
      .references(() => products.id),
    /** base units ordered, and received so far against this line (kept by receipts in their transaction) */
    quantity: integer('quantity').notNull(),
    received: integer('received').notNull().default(0),
    /** paise per base unit before tax, and trade discount in basis points, as agreed when ordering */
    rate: integer('rate').notNull(),
    discountBps: integer('discount_bps').notNull().default(0),
  },
  (t) => [
    uniqueIndex('purchase_order_lines_no_idx').on(t.purchaseOrderId, t.lineNo),
    index('purchase_order_lines_product_idx').on(t.productId),
  ],
);

/**
 * The supplier's account, one row per posting: purchase invoices credit it; payments, TDS deducted and
 * debit notes debit it. The balance (credit − debit) is what the distributor owes.
 */
export const supplierLedger = sqliteTable(
  'supplier_ledger',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    supplierId: integer('supplier_id')
      .notNull()
      .references(() => suppliers.id),
    /** business date of the posting */
    date: text('date').notNull(),
    /** purchase_invoice | supplier_payment | tds | debit_note | brand_credit | opening */
    kind: text('kind').notNull(),
    documentType: text('document_type').notNull(),
    documentId: integer('document_id').notNull(),
    number: text('number').notNull(),
    debit: integer('debit').notNull().default(0),
    credit: integer('credit').notNull().default(0),
    /** when a credit falls due (purchase invoices), for ageing of payables */
    dueOn: text('due_on'),
    narration: text('narration').notNull().default(''),
    postedAt: text('posted_at').notNull(),
  },
  (t) => [
    index('supplier_ledger_supplier_idx').on(t.supplierId, t.date, t.id),
    index('supplier_ledger_document_idx').on(t.documentType, t.documentId),
  ],
);
