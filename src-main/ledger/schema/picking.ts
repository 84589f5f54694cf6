import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { batches, products } from './catalog';
import { orderLines, orders, reservations } from './orders';
import { users } from './users';
import { warehouses } from './warehouses';

/** A wave: one walk through one warehouse for one or many confirmed orders. */
export const pickLists = sqliteTable('pick_lists', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  number: text('number').notNull().unique(),
  warehouseId: integer('warehouse_id')
    .notNull()
    .references(() => warehouses.id),
  /** open → picked (every line picked or marked short) */
  status: text('status').notNull().default('open'),
  createdAt: text('created_at').notNull(),
  createdBy: integer('created_by').references(() => users.id),
  completedAt: text('completed_at'),
});

export const pickListLines = sqliteTable(
  'pick_list_lines',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    pickListId: integer('pick_list_id')
      .notNull()
      .references(() => pickLists.id),
    reservationId: integer('reservation_id')
      .notNull()
      .references(() => reservations.id),
    orderId: integer('order_id')
      .notNull()
      .references(() => orders.id),
    orderLineId: integer('order_line_id')
      .notNull()
      .references(() => orderLines.id),
    productId: integer('product_id')
      .notNull()
      .references(() => products.id),
    batchId: integer('batch_id')
      .notNull()
      .references(() => batches.id),
    rack: text('rack').notNull().default(''),
    quantity: integer('quantity').notNull(),
    picked: integer('picked').notNull().default(0),
    short: integer('short').notNull().default(0),
  },
  (t) => [index('pick_lines_list_idx').on(t.pickListId), index('pick_lines_reservation_idx').on(t.reservationId)],
);
