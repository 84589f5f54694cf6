import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { now } from './users';

export const products = sqliteTable(
  'products',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    sku: text('sku').notNull().unique(),
    name: text('name').notNull(),
    brand: text('brand').notNull().default(''),
    category: text('category').notNull().default(''),
    hsn: text('hsn').notNull().default(''),
    /** The licence a buyer must hold to be billed this product: none, a drug licence, or FSSAI. */
    licence: text('licence', { enum: ['none', 'drug', 'food'] })
      .notNull()
      .default('none'),
    taxRate: integer('tax_rate_bps').notNull().default(0),
    mrp: integer('mrp').notNull().default(0),
    price: integer('price').notNull().default(0),
    baseUnit: text('base_unit').notNull().default('pc'),
    /** the GST unit code (UQC: PCS, KGS, …) of the base unit; '' = the usual code for the unit's name */
    uqc: text('uqc').notNull().default(''),
    batchTracked: integer('batch_tracked', { mode: 'boolean' }).notNull().default(true),
    shelfLifeDays: integer('shelf_life_days').notNull().default(0),
    rackLocation: text('rack_location').notNull().default(''),
    status: text('status').notNull().default('active'),
    version: integer('version').notNull().default(1),
    createdAt: text('created_at').notNull().default(now),
    updatedAt: text('updated_at').notNull().default(now),
  },
  (t) => [
    index('products_name_idx').on(t.name),
    index('products_brand_idx').on(t.brand),
    index('products_category_idx').on(t.category),
  ],
);

/** Packs: 1 case = 24 pieces. Quantities are stored in base units; packs convert at the edges. */
export const productUnits = sqliteTable(
  'product_units',
  {
    productId: integer('product_id')
      .notNull()
      .references(() => products.id),
    unit: text('unit').notNull(),
    factor: integer('factor').notNull(),
  },
  (t) => [primaryKey({ columns: [t.productId, t.unit] })],
);

export const productBarcodes = sqliteTable(
  'product_barcodes',
  {
    code: text('code').primaryKey(),
    productId: integer('product_id')
      .notNull()
      .references(() => products.id),
    unit: text('unit').notNull().default(''),
  },
  (t) => [index('product_barcodes_product_idx').on(t.productId)],
);

/** Batch master (number, dates, batch MRP); stock per batch lives in the inventory ledger. */
export const batches = sqliteTable(
  'batches',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    productId: integer('product_id')
      .notNull()
      .references(() => products.id),
    batchNo: text('batch_no').notNull(),
    manufacturedOn: text('manufactured_on'),
    expiresOn: text('expires_on'),
    mrp: integer('mrp'),
    createdAt: text('created_at').notNull().default(now),
  },
  (t) => [
    uniqueIndex('batches_product_batch_uq').on(t.productId, t.batchNo),
    index('batches_expiry_idx').on(t.productId, t.expiresOn),
  ],
);
