import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { products } from './catalog';
import { customers, customerTypes } from './customers';
import { invoices } from './orders';
import { suppliers } from './purchasing';
import { creditNotes } from './returns';
import { claims } from './channel';
import { users } from './users';

/**
 * A rebate agreed in advance with a customer for a period. Scope: one customer (with the outlets whose parent it is:
 * their purchases count toward its tiers and the rebate is paid to it), or every customer of a type (each earns on
 * its own purchases). Basis: taxable value (paise) or volume (base units) of the invoice lines that pass the
 * product/brand filter. Tiers pay a rate in basis points of the taxable value or paise per unit, retroactively
 * (the reached tier's rate on everything) or incrementally (each tier's rate on the slice above its threshold).
 */
export const rebateAgreements = sqliteTable(
  'rebate_agreements',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    code: text('code').notNull().unique(),
    name: text('name').notNull(),
    customerId: integer('customer_id').references(() => customers.id),
    customerType: text('customer_type').references(() => customerTypes.code),
    periodFrom: text('period_from').notNull(),
    periodTo: text('period_to').notNull(),
    /** value | volume */
    basis: text('basis').notNull(),
    /** bps (of taxable value) | per_unit (paise per base unit) */
    rateKind: text('rate_kind').notNull(),
    /** retroactive | incremental */
    method: text('method').notNull(),
    productId: integer('product_id').references(() => products.id),
    brand: text('brand').notNull().default(''),
    /** the brand (a supplier) that funds it: settled rebates are claimed from it; null when the distributor pays */
    fundedBy: integer('funded_by').references(() => suppliers.id),
    /** active | settled */
    status: text('status').notNull().default('active'),
    createdAt: text('created_at').notNull(),
    createdBy: integer('created_by').references(() => users.id),
    version: integer('version').notNull().default(1),
  },
  (t) => [index('rebate_agreements_period_idx').on(t.periodFrom, t.periodTo)],
);

/** A tier: from `threshold` (paise or base units of the basis) the rate applies (bps, or paise per unit). */
export const rebateTiers = sqliteTable(
  'rebate_tiers',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    agreementId: integer('agreement_id')
      .notNull()
      .references(() => rebateAgreements.id),
    threshold: integer('threshold').notNull(),
    rate: integer('rate').notNull(),
  },
  (t) => [uniqueIndex('rebate_tiers_key').on(t.agreementId, t.threshold)],
);

/**
 * The rebate ledger of one agreement for one customer (the one it is paid to): each row moves what is accrued.
 * accrual (an invoice, at the projected tier), reversal (a credit note taking value back), true_up (re-estimate),
 * release (settlement clears the accrual). `value`/`units` are what the row adds to the achieved basis.
 */
export const rebateEntries = sqliteTable(
  'rebate_entries',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    agreementId: integer('agreement_id')
      .notNull()
      .references(() => rebateAgreements.id),
    customerId: integer('customer_id')
      .notNull()
      .references(() => customers.id),
    kind: text('kind').notNull(),
    invoiceId: integer('invoice_id').references(() => invoices.id),
    creditNoteId: integer('credit_note_id').references(() => creditNotes.id),
    value: integer('value').notNull().default(0),
    units: integer('units').notNull().default(0),
    /** paise, signed */
    amount: integer('amount').notNull(),
    /** the tier's rate the row was booked at (bps or paise per unit), and the basis projected for the period */
    rate: integer('rate').notNull().default(0),
    projected: integer('projected').notNull().default(0),
    /** business date: ages the liability */
    entryDate: text('entry_date').notNull(),
    note: text('note').notNull().default(''),
    recordedAt: text('recorded_at').notNull(),
  },
  (t) => [
    index('rebate_entries_agreement_idx').on(t.agreementId, t.customerId),
    index('rebate_entries_invoice_idx').on(t.invoiceId),
  ],
);

/** The rebate earned at the actual tier once the period is over, its credit notes, and the claim on the brand. */
export const rebateSettlements = sqliteTable(
  'rebate_settlements',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    agreementId: integer('agreement_id')
      .notNull()
      .references(() => rebateAgreements.id),
    customerId: integer('customer_id')
      .notNull()
      .references(() => customers.id),
    settledOn: text('settled_on').notNull(),
    achievedValue: integer('achieved_value').notNull(),
    achievedUnits: integer('achieved_units').notNull(),
    rate: integer('rate').notNull(),
    /** paise of taxable value credited; accrued is what the release cleared; difference = earned - accrued */
    earned: integer('earned').notNull(),
    accrued: integer('accrued').notNull(),
    /** JSON array of credit note ids (one per invoice of the period, so GST is reduced against each) */
    creditNoteIds: text('credit_note_ids').notNull().default('[]'),
    claimId: integer('claim_id').references(() => claims.id),
    settledBy: integer('settled_by').references(() => users.id),
  },
  (t) => [uniqueIndex('rebate_settlements_key').on(t.agreementId, t.customerId)],
);

/**
 * Stock rotation: a customer (or every customer of a type) may send slow stock back up to `allowance_bps` of its
 * purchases (taxable value of invoices dated in the period).
 */
export const returnAllowances = sqliteTable('return_allowances', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  customerId: integer('customer_id').references(() => customers.id),
  customerType: text('customer_type').references(() => customerTypes.code),
  allowanceBps: integer('allowance_bps').notNull(),
  periodFrom: text('period_from').notNull(),
  periodTo: text('period_to').notNull(),
  createdAt: text('created_at').notNull(),
});

/** A return taken under a stock rotation allowance: the credit note that took the goods back, and its value. */
export const rotationReturns = sqliteTable(
  'rotation_returns',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    allowanceId: integer('allowance_id')
      .notNull()
      .references(() => returnAllowances.id),
    customerId: integer('customer_id')
      .notNull()
      .references(() => customers.id),
    creditNoteId: integer('credit_note_id')
      .notNull()
      .references(() => creditNotes.id),
    returnDate: text('return_date').notNull(),
    /** taxable paise credited */
    value: integer('value').notNull(),
  },
  (t) => [index('rotation_returns_customer_idx').on(t.customerId, t.returnDate)],
);
