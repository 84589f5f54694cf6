import { integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { customers } from './customers';
import { users } from './users';

/**
 * One row (id = 1): how Stockist's documents map onto the accountant's Tally ledgers, as the JSON of the contract's
 * tallyMapping (validated on save). No row means the defaults ("Sales @ 18%", "Output CGST", …).
 */
export const tallyMapping = sqliteTable('tally_mapping', {
  id: integer('id').primaryKey(),
  mapping: text('mapping').notNull(),
  updatedAt: text('updated_at').notNull(),
  updatedBy: integer('updated_by').references(() => users.id),
});

/** A customer whose Tally ledger is not called by their name in Stockist (Tally needs each name once). */
export const tallyPartyNames = sqliteTable(
  'tally_party_names',
  {
    customerId: integer('customer_id')
      .primaryKey()
      .references(() => customers.id),
    ledgerName: text('ledger_name').notNull(),
  },
  (t) => [uniqueIndex('tally_party_names_ledger_idx').on(t.ledgerName)],
);
