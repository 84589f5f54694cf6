import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { batches, products } from './catalog';
import { customers } from './customers';
import { invoiceLines } from './billing';
import { invoices } from './orders';
import { deliveryNotes } from './delivery';
import { users } from './users';
import { warehouses } from './warehouses';

/** A credit note: a sales return (goods back) or a price difference, against one invoice; numbered like invoices. */
export const creditNotes = sqliteTable(
  'credit_notes',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    number: text('number').notNull().unique(),
    invoiceId: integer('invoice_id')
      .notNull()
      .references(() => invoices.id),
    customerId: integer('customer_id')
      .notNull()
      .references(() => customers.id),
    /** return | price_difference | rebate (settled on taxable value, no goods) */
    kind: text('kind').notNull(),
    reason: text('reason').notNull(),
    taxable: integer('taxable').notNull(),
    cgst: integer('cgst').notNull(),
    sgst: integer('sgst').notNull(),
    igst: integer('igst').notNull(),
    total: integer('total').notNull(),
    postedAt: text('posted_at').notNull(),
    postedBy: integer('posted_by').references(() => users.id),
  },
  (t) => [index('credit_notes_invoice_idx').on(t.invoiceId), index('credit_notes_customer_idx').on(t.customerId)],
);

export const creditNoteLines = sqliteTable('credit_note_lines', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  creditNoteId: integer('credit_note_id')
    .notNull()
    .references(() => creditNotes.id),
  invoiceLineId: integer('invoice_line_id')
    .notNull()
    .references(() => invoiceLines.id),
  productId: integer('product_id')
    .notNull()
    .references(() => products.id),
  batchId: integer('batch_id')
    .notNull()
    .references(() => batches.id),
  quantity: integer('quantity').notNull(),
  /** where returned goods went: sellable (back into the batch) or damaged */
  restock: text('restock').notNull().default('sellable'),
  warehouseId: integer('warehouse_id').references(() => warehouses.id),
  taxable: integer('taxable').notNull(),
  tax: integer('tax').notNull(),
  /** cost of goods that came back with a return (paise), taken off the invoice line's cost; null when unknown */
  cost: integer('cost'),
});

/** A vehicle trip: delivery notes grouped for one route. */
export const dispatches = sqliteTable('dispatches', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  number: text('number').notNull().unique(),
  vehicleNo: text('vehicle_no').notNull(),
  driver: text('driver').notNull().default(''),
  transporter: text('transporter').notNull().default(''),
  lrNumber: text('lr_number').notNull().default(''),
  route: text('route').notNull().default(''),
  /** before e-way bills were kept per consignment (dispatch_notes); kept for old dispatches */
  ewayBill: text('eway_bill').notNull().default(''),
  /** the transporter master row, when the trip goes by a transport agency (its name is copied to transporter) */
  transporterId: integer('transporter_id'),
  /** R regular, O over-dimensional cargo: the e-way bill's validity runs 200 or 20 km a day */
  vehicleType: text('vehicle_type', { enum: ['R', 'O'] })
    .notNull()
    .default('R'),
  lrDate: text('lr_date'),
  /** km for this trip's e-way bills, overriding each customer's distance; null uses theirs */
  distanceKm: integer('distance_km'),
  dispatchedAt: text('dispatched_at').notNull(),
  postedBy: integer('posted_by').references(() => users.id),
});

export const dispatchNotes = sqliteTable('dispatch_notes', {
  dispatchId: integer('dispatch_id')
    .notNull()
    .references(() => dispatches.id),
  deliveryNoteId: integer('delivery_note_id')
    .notNull()
    .unique()
    .references(() => deliveryNotes.id),
  /** pending | delivered | partly_delivered | refused */
  outcome: text('outcome').notNull().default('pending'),
  deliveredOn: text('delivered_on'),
  remarks: text('remarks').notNull().default(''),
  /** the e-way bill this consignment moves under (12 digits), or '' */
  ewayBill: text('eway_bill').notNull().default(''),
  /** why a consignment above the threshold moves without one; '' when none was overridden */
  ewayBillOverride: text('eway_bill_override').notNull().default(''),
});
