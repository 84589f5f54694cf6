import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { customers } from './customers';
import { invoices } from './orders';
import { now, users } from './users';

/** A goods transport agency: the e-way bill names it by its GSTIN or 15-character TRANSIN. */
export const transporters = sqliteTable('transporters', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  name: text('name').notNull(),
  /** GSTIN or TRANSIN (15 characters) */
  transporterId: text('transporter_id').notNull().unique(),
  active: integer('active', { mode: 'boolean' }).notNull().default(true),
  createdAt: text('created_at').notNull().default(now),
});

/**
 * Road distance in km from our warehouse to a customer's ship-to, as the e-way bill wants it (the portal refuses
 * more than 10 % above its PIN-to-PIN distance). Kept apart from the customer master: only dispatch reads it.
 */
export const customerDistances = sqliteTable('customer_distances', {
  customerId: integer('customer_id')
    .primaryKey()
    .references(() => customers.id),
  km: integer('km').notNull(),
});

/** The e-way bill the portal generated for an invoice (imported back from its response), one per invoice. */
export const ewayBills = sqliteTable('eway_bills', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  invoiceId: integer('invoice_id')
    .notNull()
    .unique()
    .references(() => invoices.id),
  /** 12 digits */
  number: text('number').notNull().unique(),
  /** instants (ISO, UTC) read from the portal's local times in the company's time zone */
  generatedAt: text('generated_at').notNull(),
  validUpto: text('valid_upto').notNull(),
  importedAt: text('imported_at').notNull(),
  importedBy: integer('imported_by').references(() => users.id),
});
