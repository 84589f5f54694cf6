import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { users } from './users';

/**
 * One row per Idempotency-Key a user sent with a document-creating call, written in the same
 * transaction as the document: a retry with the key gets the first answer back instead of a
 * second document. Keys are per user and forgotten after a day (see src-main/api/idempotency.ts).
 */
export const idempotencyKeys = sqliteTable(
  'idempotency_keys',
  {
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    key: text('key').notNull(),
    operation: text('operation').notNull(),
    /** SHA-256 of the canonical JSON of the validated input: a different body under one key is refused */
    requestHash: text('request_hash').notNull(),
    status: integer('status').notNull(),
    /** the first answer, as JSON, replayed to every retry */
    response: text('response').notNull(),
    createdAt: text('created_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.key] }), index('idempotency_keys_created_idx').on(t.createdAt)],
);
