import { integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { products } from './catalog';
import { now } from './users';
import { warehouses } from './warehouses';

/**
 * How much of a product a warehouse should hold, for the suggested order: a min/max pair (reorder at min, fill to
 * max) and/or days of cover (hold this many days of average sales beyond the supplier's lead time). Base units.
 */
export const stockNorms = sqliteTable(
  'stock_norms',
  {
    warehouseId: integer('warehouse_id')
      .notNull()
      .references(() => warehouses.id),
    productId: integer('product_id')
      .notNull()
      .references(() => products.id),
    minQuantity: integer('min_quantity'),
    maxQuantity: integer('max_quantity'),
    coverDays: integer('cover_days'),
    updatedAt: text('updated_at').notNull().default(now),
  },
  (t) => [primaryKey({ columns: [t.warehouseId, t.productId] })],
);
