import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { batches, products } from './catalog';
import { suppliers } from './purchasing';
import { users } from './users';
import { warehouses } from './warehouses';

/**
 * Goods sent back to the brand (expiry, damage, recall) under a debit note (DN/yy-yy/nnnnnn). The supplier's
 * account is debited with the goods' purchase value (cost + input GST); the brand's answer (the claim it accepts)
 * is recorded later: settled when it accepts it all, short when it accepts less.
 */
export const brandReturns = sqliteTable(
  'brand_returns',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    number: text('number').notNull().unique(),
    supplierId: integer('supplier_id')
      .notNull()
      .references(() => suppliers.id),
    warehouseId: integer('warehouse_id')
      .notNull()
      .references(() => warehouses.id),
    /** business date of the debit note */
    returnDate: text('return_date').notNull(),
    /** expiry | damage | recall */
    reason: text('reason').notNull(),
    notes: text('notes').notNull().default(''),
    /** paise: goods at cost, input GST on them, and the debit note's total (cost + GST) */
    value: integer('value').notNull(),
    cgst: integer('cgst').notNull().default(0),
    sgst: integer('sgst').notNull().default(0),
    igst: integer('igst').notNull().default(0),
    total: integer('total').notNull(),
    /** claimed | settled | short */
    status: text('status').notNull().default('claimed'),
    accepted: integer('accepted'),
    claimReference: text('claim_reference').notNull().default(''),
    claimSettledOn: text('claim_settled_on'),
    postedAt: text('posted_at').notNull(),
    userId: integer('user_id').references(() => users.id),
  },
  (t) => [index('brand_returns_supplier_idx').on(t.supplierId, t.returnDate)],
);

export const brandReturnLines = sqliteTable(
  'brand_return_lines',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    brandReturnId: integer('brand_return_id')
      .notNull()
      .references(() => brandReturns.id),
    lineNo: integer('line_no').notNull(),
    productId: integer('product_id')
      .notNull()
      .references(() => products.id),
    batchId: integer('batch_id')
      .notNull()
      .references(() => batches.id),
    quantity: integer('quantity').notNull(),
    /** paise the goods left the shelf at (the moving average), and the input GST on them */
    value: integer('value').notNull(),
    taxRateBps: integer('tax_rate_bps').notNull(),
    tax: integer('tax').notNull(),
  },
  (t) => [uniqueIndex('brand_return_lines_no_idx').on(t.brandReturnId, t.lineNo)],
);
