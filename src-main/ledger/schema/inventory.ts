import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { batches, products } from './catalog';
import { users } from './users';
import { warehouses } from './warehouses';

/**
 * The stock ledger: append-only. Quantity is signed base units (+ in, − out). Nothing here is
 * ever updated or deleted; a mistake is corrected by another movement.
 */
export const stockMovements = sqliteTable(
  'stock_movements',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    at: text('at').notNull(),
    warehouseId: integer('warehouse_id')
      .notNull()
      .references(() => warehouses.id),
    productId: integer('product_id')
      .notNull()
      .references(() => products.id),
    batchId: integer('batch_id')
      .notNull()
      .references(() => batches.id),
    kind: text('kind').notNull(),
    quantity: integer('quantity').notNull(),
    /** In transit: + when a transfer leaves for this warehouse, − when it arrives. */
    inTransit: integer('in_transit').notNull().default(0),
    documentType: text('document_type').notNull().default(''),
    documentId: integer('document_id'),
    reason: text('reason').notNull().default(''),
    userId: integer('user_id').references(() => users.id),
    /** Signed paise of stock value moving with `quantity`: at cost in, at moving-average cost out. */
    value: integer('value').notNull().default(0),
    /** Signed paise moving with `in_transit`: the value of goods on the road to this warehouse. */
    transitValue: integer('transit_value').notNull().default(0),
  },
  (t) => [
    index('movements_product_idx').on(t.productId, t.batchId, t.id),
    index('movements_document_idx').on(t.documentType, t.documentId),
    // Closing stock of a past day subtracts what moved since: only the few newest rows, found by time.
    index('movements_warehouse_time_idx').on(t.warehouseId, t.at),
  ],
);

/** Derived from movements and reservations, kept in the same transaction; `inventory.check` recomputes it. */
export const stockBalances = sqliteTable(
  'stock_balances',
  {
    warehouseId: integer('warehouse_id')
      .notNull()
      .references(() => warehouses.id),
    batchId: integer('batch_id')
      .notNull()
      .references(() => batches.id),
    productId: integer('product_id')
      .notNull()
      .references(() => products.id),
    onHand: integer('on_hand').notNull().default(0),
    reserved: integer('reserved').notNull().default(0),
    inTransit: integer('in_transit').notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.warehouseId, t.batchId] }),
    index('balances_product_idx').on(t.productId, t.warehouseId),
  ],
);

/**
 * Stock value per warehouse × product (moving-average cost), kept by postMovement in the same transaction.
 * quantity/value cover goods on hand; transit_* the goods on the road to this warehouse. `inventory.check`
 * recomputes them from the movements.
 */
export const stockValues = sqliteTable(
  'stock_values',
  {
    warehouseId: integer('warehouse_id')
      .notNull()
      .references(() => warehouses.id),
    productId: integer('product_id')
      .notNull()
      .references(() => products.id),
    quantity: integer('quantity').notNull().default(0),
    value: integer('value').notNull().default(0),
    transitQuantity: integer('transit_quantity').notNull().default(0),
    transitValue: integer('transit_value').notNull().default(0),
    /** The last non-empty balance: what stock coming back in is valued at once the shelf is empty. */
    lastQuantity: integer('last_quantity').notNull().default(0),
    lastValue: integer('last_value').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.warehouseId, t.productId] })],
);

/** Gapless numbers per series and financial year: taken inside the posting transaction, so a rollback returns it. */
export const documentSeries = sqliteTable('document_series', {
  series: text('series').primaryKey(),
  lastNumber: integer('last_number').notNull().default(0),
});

export const goodsReceipts = sqliteTable('goods_receipts', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  number: text('number').notNull().unique(),
  warehouseId: integer('warehouse_id')
    .notNull()
    .references(() => warehouses.id),
  supplier: text('supplier').notNull().default(''),
  reference: text('reference').notNull().default(''),
  kind: text('kind').notNull().default('receipt'),
  postedAt: text('posted_at').notNull(),
  userId: integer('user_id').references(() => users.id),
});

export const transfers = sqliteTable('transfers', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  number: text('number').notNull().unique(),
  fromWarehouseId: integer('from_warehouse_id')
    .notNull()
    .references(() => warehouses.id),
  toWarehouseId: integer('to_warehouse_id')
    .notNull()
    .references(() => warehouses.id),
  status: text('status').notNull().default('in_transit'),
  /** the delivery challan the goods move under (DC/yy-yy/nnnnnn): own stock, so no tax invoice */
  challanNumber: text('challan_number').unique(),
  sentAt: text('sent_at').notNull(),
  receivedAt: text('received_at'),
  userId: integer('user_id').references(() => users.id),
});

export const transferLines = sqliteTable('transfer_lines', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  transferId: integer('transfer_id')
    .notNull()
    .references(() => transfers.id),
  productId: integer('product_id')
    .notNull()
    .references(() => products.id),
  batchId: integer('batch_id')
    .notNull()
    .references(() => batches.id),
  quantity: integer('quantity').notNull(),
});

/** Allocation method per product category; the company default covers the rest. */
export const allocationRules = sqliteTable('allocation_rules', {
  category: text('category').primaryKey(),
  method: text('method').notNull(),
});
