import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { batches, products } from './catalog';
import { customers } from './customers';
import { orderLines, orders, reservations } from './orders';
import { users } from './users';
import { warehouses } from './warehouses';

/** A posted delivery note: goods leave the warehouse (stock is issued) when it is posted. */
export const deliveryNotes = sqliteTable(
  'delivery_notes',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    number: text('number').notNull().unique(),
    orderId: integer('order_id')
      .notNull()
      .references(() => orders.id),
    customerId: integer('customer_id')
      .notNull()
      .references(() => customers.id),
    warehouseId: integer('warehouse_id')
      .notNull()
      .references(() => warehouses.id),
    /** JSON of the ship-to address at posting; its state is the place of supply */
    shipTo: text('ship_to').notNull(),
    placeOfSupply: text('place_of_supply').notNull(),
    packages: integer('packages').notNull().default(0),
    weightGrams: integer('weight_grams').notNull().default(0),
    status: text('status').notNull().default('posted'),
    invoiceId: integer('invoice_id'),
    postedAt: text('posted_at').notNull(),
    postedBy: integer('posted_by').references(() => users.id),
  },
  (t) => [
    index('delivery_notes_order_idx').on(t.orderId),
    index('delivery_notes_customer_idx').on(t.customerId, t.invoiceId),
    // An invoice's notes (its ship-to and dispatches on the PDF, cancel, e-way bill, sync): without it SQLite
    // skip-scans the customer index once per customer, ≈ 10 ms at L (16,000 customers).
    index('delivery_notes_invoice_idx').on(t.invoiceId),
  ],
);

export const deliveryNoteLines = sqliteTable(
  'delivery_note_lines',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    deliveryNoteId: integer('delivery_note_id')
      .notNull()
      .references(() => deliveryNotes.id),
    orderLineId: integer('order_line_id')
      .notNull()
      .references(() => orderLines.id),
    reservationId: integer('reservation_id')
      .notNull()
      .references(() => reservations.id),
    productId: integer('product_id')
      .notNull()
      .references(() => products.id),
    batchId: integer('batch_id')
      .notNull()
      .references(() => batches.id),
    quantity: integer('quantity').notNull(),
    /**
     * Cost of goods of the line's units (paise): what their issue movements took out of stock value at the
     * moving average, less what came back on the vehicle. Null when unknown: lines posted before stock was
     * valued, or stock that never had a cost (a line is never shown at a 100% margin for want of one).
     */
    cost: integer('cost'),
  },
  (t) => [
    index('delivery_note_lines_note_idx').on(t.deliveryNoteId),
    index('delivery_note_lines_order_line_idx').on(t.orderLineId),
  ],
);
