import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { claimLines, claims } from './channel';
import { products } from './catalog';
import { suppliers } from './purchasing';
import { users } from './users';

/**
 * The brand cut a product's purchase rate from a date: stock bought at the old rate and still held by the
 * distributor or its retailers on that date is owed the difference (price protection).
 */
export const priceChanges = sqliteTable(
  'price_changes',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    supplierId: integer('supplier_id')
      .notNull()
      .references(() => suppliers.id),
    productId: integer('product_id')
      .notNull()
      .references(() => products.id),
    /** paise per base unit, before tax */
    oldRate: integer('old_rate').notNull(),
    newRate: integer('new_rate').notNull(),
    /** business date the new rate applies from */
    effectiveOn: text('effective_on').notNull(),
    reference: text('reference').notNull().default(''),
    createdAt: text('created_at').notNull(),
    createdBy: integer('created_by').references(() => users.id),
  },
  (t) => [index('price_changes_product_idx').on(t.productId, t.effectiveOn)],
);

/**
 * A photo or PDF backing a claim (or one of its lines). The bytes live beside the ledger in
 * "<ledger>-claims/<claim id>-<sha256>.<ext>", not in SQLite, so the ledger and its backups stay small.
 */
export const claimEvidence = sqliteTable(
  'claim_evidence',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    claimId: integer('claim_id')
      .notNull()
      .references(() => claims.id),
    claimLineId: integer('claim_line_id').references(() => claimLines.id),
    filename: text('filename').notNull(),
    mime: text('mime').notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    storedAs: text('stored_as').notNull(),
    addedAt: text('added_at').notNull(),
    addedBy: integer('added_by').references(() => users.id),
  },
  (t) => [index('claim_evidence_claim_idx').on(t.claimId)],
);
