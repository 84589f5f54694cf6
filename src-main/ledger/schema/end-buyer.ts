import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { invoiceLines } from './billing';
import { products } from './catalog';
import { customers } from './customers';
import { invoices } from './orders';
import { suppliers } from './purchasing';
import { creditNotes } from './returns';
import { claims } from './channel';
import { users } from './users';

/**
 * A ship-and-debit authorisation: the brand (a supplier) lets the distributor sell to one end buyer (a hospital, an
 * institution, a key account: a customer record) at a special price, below its cost if need be, and pays back the
 * difference. `number` is the brand's own reference; sales through other customers (a retailer serving the
 * hospital) count only when `sold_to_ids` names them, or always when it is empty.
 */
export const endBuyerAgreements = sqliteTable(
  'end_buyer_agreements',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    supplierId: integer('supplier_id')
      .notNull()
      .references(() => suppliers.id),
    endBuyerId: integer('end_buyer_id')
      .notNull()
      .references(() => customers.id),
    number: text('number').notNull(),
    /** business dates, both inclusive */
    validFrom: text('valid_from').notNull(),
    validTo: text('valid_to').notNull(),
    /** JSON array of customer ids allowed to sell under it; [] = any selling customer */
    soldToIds: text('sold_to_ids').notNull().default('[]'),
    active: integer('active', { mode: 'boolean' }).notNull().default(true),
    notes: text('notes').notNull().default(''),
    createdAt: text('created_at').notNull(),
    createdBy: integer('created_by').references(() => users.id),
    updatedAt: text('updated_at').notNull(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    uniqueIndex('end_buyer_agreements_number_key').on(t.supplierId, t.number),
    index('end_buyer_agreements_buyer_idx').on(t.endBuyerId, t.validTo),
  ],
);

/**
 * One product on an agreement. The end buyer pays `special_price`; the brand supports the sale with
 * `list_cost − agreed_cost` per unit: its own purchase rate to the distributor (the authorised net cost SAP's
 * ship-and-debit claims from) less the net cost it agreed for this deal. All paise per base unit.
 */
export const endBuyerAgreementLines = sqliteTable(
  'end_buyer_agreement_lines',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    agreementId: integer('agreement_id')
      .notNull()
      .references(() => endBuyerAgreements.id),
    productId: integer('product_id')
      .notNull()
      .references(() => products.id),
    specialPrice: integer('special_price').notNull(),
    listCost: integer('list_cost').notNull(),
    agreedCost: integer('agreed_cost').notNull(),
    /** base units the brand supports in all; null = no cap */
    quantityCap: integer('quantity_cap'),
  },
  (t) => [uniqueIndex('end_buyer_agreement_lines_key').on(t.agreementId, t.productId)],
);

/**
 * What the brand owes for each invoice line sold under an agreement line: a sale adds a row, a return credit note or
 * the invoice's cancellation adds the negative of its share. Rows are never changed except to note the claim that
 * asked for them (`claim_id`), so the net per agreement line is what was sold and kept.
 */
export const shipAndDebitAccruals = sqliteTable(
  'ship_and_debit_accruals',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    agreementLineId: integer('agreement_line_id')
      .notNull()
      .references(() => endBuyerAgreementLines.id),
    invoiceId: integer('invoice_id')
      .notNull()
      .references(() => invoices.id),
    invoiceLineId: integer('invoice_line_id')
      .notNull()
      .references(() => invoiceLines.id),
    creditNoteId: integer('credit_note_id').references(() => creditNotes.id),
    /** sale | return | cancel */
    kind: text('kind').notNull(),
    /** business date of the document that made the row */
    accruedOn: text('accrued_on').notNull(),
    /** base units, negative for a reversal */
    quantity: integer('quantity').notNull(),
    /** paise per base unit, copied from the agreement line when the invoice was posted */
    claimPerUnit: integer('claim_per_unit').notNull(),
    amount: integer('amount').notNull(),
    claimId: integer('claim_id').references(() => claims.id),
    createdAt: text('created_at').notNull(),
  },
  (t) => [
    index('ship_and_debit_accruals_line_idx').on(t.agreementLineId, t.accruedOn),
    index('ship_and_debit_accruals_invoice_line_idx').on(t.invoiceLineId),
    index('ship_and_debit_accruals_claim_idx').on(t.claimId),
  ],
);
