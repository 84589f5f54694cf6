import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { products } from './catalog';
import { customers } from './customers';
import { imports } from './imports';
import { users } from './users';

/**
 * What an outlet calls one of our products in its files (its own item code, a short name), learnt when a clerk
 * maps a held row. `customer_id` null: the code means that product from any outlet (a brand-wide code).
 */
export const channelProductAliases = sqliteTable(
  'channel_product_aliases',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    customerId: integer('customer_id').references(() => customers.id),
    /** the outlet's code as written in its file, trimmed and upper-cased */
    code: text('code').notNull(),
    productId: integer('product_id')
      .notNull()
      .references(() => products.id),
    createdAt: text('created_at').notNull(),
    createdBy: integer('created_by').references(() => users.id),
  },
  (t) => [uniqueIndex('channel_product_aliases_key').on(t.code, t.customerId)],
);

/**
 * A sell-out / closing-stock row an import could not post: its outlet or product is unknown. Kept as the file said
 * it (quantities in the file's unit) until a clerk maps it; never dropped. Posting it writes the report row and
 * marks it posted.
 */
export const channelImportRows = sqliteTable(
  'channel_import_rows',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    importId: integer('import_id').references(() => imports.id),
    outletText: text('outlet_text').notNull(),
    productText: text('product_text').notNull(),
    /** what the import could resolve (null: unknown, the reason says which) */
    customerId: integer('customer_id').references(() => customers.id),
    productId: integer('product_id').references(() => products.id),
    periodStart: text('period_start').notNull(),
    reportDate: text('report_date').notNull(),
    /** in `unit` (the file's), not yet converted: the product decides what a pack holds */
    closingQuantity: integer('closing_quantity'),
    soldQuantity: integer('sold_quantity'),
    unit: text('unit').notNull().default(''),
    /** held | posted */
    status: text('status').notNull().default('held'),
    reason: text('reason').notNull(),
    createdAt: text('created_at').notNull(),
    resolvedAt: text('resolved_at'),
    resolvedBy: integer('resolved_by').references(() => users.id),
  },
  (t) => [index('channel_import_rows_status_idx').on(t.status, t.id)],
);

/**
 * How much a customer (a retailer, or an end buyer) is expected to take of a product in a month, in base units:
 * entered in the grid, imported, or a baseline computed from billed history (moving average or same month last
 * year). One row per customer × product × month; saving again replaces it.
 */
export const forecasts = sqliteTable(
  'forecasts',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    customerId: integer('customer_id')
      .notNull()
      .references(() => customers.id),
    productId: integer('product_id')
      .notNull()
      .references(() => products.id),
    /** 'YYYY-MM' */
    month: text('month').notNull(),
    quantity: integer('quantity').notNull(),
    /** entered | imported | baseline */
    source: text('source').notNull(),
    /** baseline rows: moving_average:k or seasonal_naive */
    method: text('method').notNull().default(''),
    updatedAt: text('updated_at').notNull(),
    userId: integer('user_id').references(() => users.id),
  },
  (t) => [
    uniqueIndex('forecasts_key').on(t.customerId, t.productId, t.month),
    index('forecasts_month_idx').on(t.month),
  ],
);
