import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { batches, products } from './catalog';
import { customers } from './customers';
import { suppliers } from './purchasing';
import { users } from './users';

/**
 * What a retailer or sub-stockist (a customer: the outlet) reported it held and sold of a product over a period
 * ending on `report_date`: imported from its POS/stock file or entered by hand. Later reports for the same outlet,
 * product and date replace the quantities (the newest word wins), they are not summed.
 */
export const channelStockReports = sqliteTable(
  'channel_stock_reports',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    customerId: integer('customer_id')
      .notNull()
      .references(() => customers.id),
    productId: integer('product_id')
      .notNull()
      .references(() => products.id),
    /** business date the period starts and ends (the closing stock is counted at its end) */
    periodStart: text('period_start').notNull(),
    reportDate: text('report_date').notNull(),
    /** base units; null when the report did not say */
    closingQuantity: integer('closing_quantity'),
    soldQuantity: integer('sold_quantity'),
    /** import | manual */
    source: text('source').notNull(),
    /** the import that brought it (imports.id of the part that owns channel imports), null when entered */
    importId: integer('import_id'),
    recordedAt: text('recorded_at').notNull(),
    userId: integer('user_id').references(() => users.id),
  },
  (t) => [
    uniqueIndex('channel_stock_reports_key').on(t.customerId, t.productId, t.reportDate),
    index('channel_stock_reports_product_idx').on(t.productId, t.reportDate),
  ],
);

/**
 * A claim on the brand (a supplier): benefit the distributor gave or lost on the brand's behalf. Drafts have no
 * number; filing assigns CLM/yy-yy/nnnnnn (gapless) and freezes the lines. The brand answers (accepted, partly
 * accepted, rejected) and settles by its own credit note.
 */
export const claims = sqliteTable(
  'claims',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    number: text('number').unique(),
    supplierId: integer('supplier_id')
      .notNull()
      .references(() => suppliers.id),
    /** scheme | price_difference | ship_and_debit | rebate | damage | expiry | price_protection */
    kind: text('kind').notNull(),
    /** draft | filed | accepted | partly_accepted | rejected | settled */
    status: text('status').notNull().default('draft'),
    /** business dates */
    periodFrom: text('period_from'),
    periodTo: text('period_to'),
    filedOn: text('filed_on'),
    /** paise: the sum of the lines; what the brand accepted; what its credit note settled */
    amount: integer('amount').notNull().default(0),
    acceptedAmount: integer('accepted_amount'),
    settledAmount: integer('settled_amount'),
    brandReference: text('brand_reference').notNull().default(''),
    brandCreditNote: text('brand_credit_note').notNull().default(''),
    settledOn: text('settled_on'),
    /** business date the brand answered, and its reason for cutting or refusing the claim */
    answeredOn: text('answered_on'),
    answerReason: text('answer_reason').notNull().default(''),
    notes: text('notes').notNull().default(''),
    createdAt: text('created_at').notNull(),
    createdBy: integer('created_by').references(() => users.id),
    version: integer('version').notNull().default(1),
  },
  (t) => [index('claims_supplier_idx').on(t.supplierId, t.status), index('claims_status_idx').on(t.status)],
);

/**
 * One claimed amount and where it came from. `source_kind` + `source_id` name the row that earned it (a
 * ship-and-debit accrual, a rebate settlement, a scheme benefit on an invoice line, a brand return line, a
 * price-protection line); the unique key stops the same source being claimed twice.
 */
export const claimLines = sqliteTable(
  'claim_lines',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    claimId: integer('claim_id')
      .notNull()
      .references(() => claims.id),
    lineNo: integer('line_no').notNull(),
    sourceKind: text('source_kind').notNull(),
    sourceId: integer('source_id'),
    productId: integer('product_id').references(() => products.id),
    batchId: integer('batch_id').references(() => batches.id),
    /** base units (0 when the claim is money only) */
    quantity: integer('quantity').notNull().default(0),
    amount: integer('amount').notNull(),
    /** paise the brand accepted of this line, when its answer went line by line (null: not said) */
    acceptedAmount: integer('accepted_amount'),
    description: text('description').notNull().default(''),
  },
  (t) => [
    index('claim_lines_claim_idx').on(t.claimId, t.lineNo),
    uniqueIndex('claim_lines_source_key').on(t.sourceKind, t.sourceId),
  ],
);
