import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/** One row (id = 1): the distributor that owns this ledger. */
export const company = sqliteTable('company', {
  id: integer('id').primaryKey(),
  name: text('name').notNull(),
  addressLine1: text('address_line1').notNull().default(''),
  addressLine2: text('address_line2').notNull().default(''),
  city: text('city').notNull().default(''),
  stateCode: text('state_code').notNull(),
  pincode: text('pincode').notNull().default(''),
  gstin: text('gstin').notNull().default(''),
  phone: text('phone').notNull().default(''),
  email: text('email').notNull().default(''),
  currency: text('currency').notNull().default('INR'),
  locale: text('locale').notNull().default('en-IN'),
  financialYearStartMonth: integer('financial_year_start_month').notNull().default(4),
  /** IANA zone deciding "today", document dates, financial years, due dates and expiry checks */
  timeZone: text('time_zone').notNull().default('Asia/Kolkata'),
  /** fefo | fifo | lifo | manual, for categories without their own rule */
  allocationMethod: text('allocation_method').notNull().default('fefo'),
  nearExpiryDays: integer('near_expiry_days').notNull().default(90),
  /** a clerk's manual discount above this (basis points) needs a manager's approval */
  discountApprovalBps: integer('discount_approval_bps').notNull().default(500),
  /** days after its invoice date a posted, unpaid invoice may still be cancelled; after that, a credit note */
  invoiceCancelDays: integer('invoice_cancel_days').notNull().default(1),
  /**
   * When the tax invoice is raised (GST: at removal of goods). with_delivery_note: posting the
   * delivery note raises it; before_dispatch: notes post alone and a vehicle waits for invoices.
   */
  invoiceFlow: text('invoice_flow', { enum: ['with_delivery_note', 'before_dispatch'] })
    .notNull()
    .default('with_delivery_note'),
  /** a consignment (invoice value incl. tax) above this many paise needs an e-way bill to move */
  ewayBillThreshold: integer('eway_bill_threshold').notNull().default(5_000_000),
  /** GST on freight billed to a customer (SAC 996511), basis points; the goods' place of supply splits it */
  freightGstRateBps: integer('freight_gst_rate_bps').notNull().default(1800),
  /**
   * A bill whose margin is negative (sold below cost): off = nothing said; warn = the clerk is told;
   * approval = the order waits for a manager, through the same approvals as credit.
   */
  marginPolicy: text('margin_policy', { enum: ['off', 'warn', 'approval'] })
    .notNull()
    .default('approval'),
  /**
   * Billing a licensed product (drug, food) to a buyer whose licence is missing or expired:
   * block = refused; approval = the order waits for a manager, through the same approvals as credit.
   */
  licencePolicy: text('licence_policy', { enum: ['block', 'approval'] })
    .notNull()
    .default('block'),
  /** the date e-invoicing (IRN) applies from: B2B invoices dated on or after it need an IRN; null = off */
  einvoiceFrom: text('einvoice_from'),
  /** set by the demo seed: the sign-in screen shows the demo users and their password */
  isDemo: integer('is_demo', { mode: 'boolean' }).notNull().default(false),
  /** The desktop app serves other PCs on this network (LAN mode) while this is on; an admin turns it on. */
  lanEnabled: integer('lan_enabled', { mode: 'boolean' }).notNull().default(false),
  version: integer('version').notNull().default(1),
});
