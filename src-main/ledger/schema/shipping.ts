import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { customers } from './customers';
import { transporters } from './eway-bills';
import { invoices, orders } from './orders';
import { users } from './users';

/**
 * The shipping terms a customer's orders take unless an order overrides them (order_shipping_terms).
 *
 * freight_basis is how the trade writes it on the order: `paid` ("Freight paid": we pay the carrier, nothing billed),
 * `to_pay` ("To pay": the buyer pays the carrier on delivery, nothing billed) or `for_destination` ("FOR destination,
 * freight extra": we deliver to the door and bill the freight on the invoice). Only `for_destination` puts a freight
 * charge on the invoice, by freight_rule: `flat` (freight_amount paise per invoice) or `percent` (freight_rate_bps of
 * the goods' taxable value).
 */
const termColumns = () => ({
  freightBasis: text('freight_basis', { enum: ['paid', 'to_pay', 'for_destination'] })
    .notNull()
    .default('paid'),
  transporterId: integer('transporter_id').references(() => transporters.id),
  /** the customer's own account number with its carrier (courier or transport agency) */
  carrierAccount: text('carrier_account').notNull().default(''),
  packingInstructions: text('packing_instructions').notNull().default(''),
  /** flat | percent; null when the basis bills nothing */
  freightRule: text('freight_rule', { enum: ['flat', 'percent'] }),
  freightAmount: integer('freight_amount').notNull().default(0),
  freightRateBps: integer('freight_rate_bps').notNull().default(0),
  updatedAt: text('updated_at').notNull(),
  updatedBy: integer('updated_by').references(() => users.id),
});

export const customerShippingTerms = sqliteTable('customer_shipping_terms', {
  customerId: integer('customer_id')
    .primaryKey()
    .references(() => customers.id),
  ...termColumns(),
});

/** One order's own terms, replacing its customer's whole set; kept apart from the orders table. */
export const orderShippingTerms = sqliteTable('order_shipping_terms', {
  orderId: integer('order_id')
    .primaryKey()
    .references(() => orders.id),
  ...termColumns(),
});

/**
 * A charge on an invoice besides its goods (freight, for now): a service with its SAC, taxed at its own rate with
 * the goods' CGST + SGST or IGST split. The invoice header's gross, taxable, taxes and total include it.
 */
export const invoiceCharges = sqliteTable(
  'invoice_charges',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    invoiceId: integer('invoice_id')
      .notNull()
      .references(() => invoices.id),
    /** freight */
    kind: text('kind').notNull(),
    description: text('description').notNull(),
    sac: text('sac').notNull(),
    taxable: integer('taxable').notNull(),
    taxRate: integer('tax_rate_bps').notNull(),
    cgst: integer('cgst').notNull(),
    sgst: integer('sgst').notNull(),
    igst: integer('igst').notNull(),
    total: integer('total').notNull(),
  },
  (t) => [index('invoice_charges_invoice_idx').on(t.invoiceId)],
);
