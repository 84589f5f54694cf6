import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/**
 * What HQ is owed: one immutable event per business change, written in the change's own
 * transaction. seq is the device's sequence (AUTOINCREMENT: never reused, even after a restore
 * trims rows), so HQ orders by it and never by clocks.
 */
export const outboxEvents = sqliteTable(
  'outbox_events',
  {
    seq: integer('seq').primaryKey({ autoIncrement: true }),
    eventId: text('event_id').notNull().unique(),
    type: text('type').notNull(),
    schemaVersion: integer('schema_version').notNull(),
    /** the device's clock: informational only */
    occurredAt: text('occurred_at').notNull(),
    businessDate: text('business_date').notNull(),
    /** the state at the time of the event, as JSON */
    payload: text('payload').notNull(),
    /** pending until HQ answers; accepted | duplicate once HQ holds it; parked when rejected; skipped by an admin */
    status: text('status').notNull().default('pending'),
    reason: text('reason').notNull().default(''),
    answeredAt: text('answered_at'),
  },
  (t) => [index('outbox_status_seq_idx').on(t.status, t.seq)],
);
