import { businessToday } from '../business-date';
import type { EngineContext } from '../context';
import { newEventId } from './event-id';

export interface OutboxEvent {
  seq: number;
  eventId: string;
  type: string;
  schemaVersion: number;
  occurredAt: string;
  businessDate: string;
  payload: unknown;
}

/**
 * Writes an event for HQ in the caller's transaction: if the change rolls back, so does its
 * event, and a committed change always has one. The payload is the state now, frozen.
 */
export function recordEvent(ctx: EngineContext, type: string, schemaVersion: number, payload: unknown): OutboxEvent {
  const event = {
    eventId: newEventId(),
    type,
    schemaVersion,
    occurredAt: ctx.now().toISOString(),
    businessDate: businessToday(ctx),
    payload,
  };
  const { seq } = ctx.ledger.sqlite
    .prepare(
      `INSERT INTO outbox_events (event_id, type, schema_version, occurred_at, business_date, payload)
       VALUES (?, ?, ?, ?, ?, ?) RETURNING seq`,
    )
    .get(event.eventId, type, schemaVersion, event.occurredAt, event.businessDate, JSON.stringify(payload)) as {
    seq: number;
  };
  return { seq, ...event };
}

/** The next events to push, in sequence order from the given mark, bounded by count. */
export function eventsFrom(ctx: EngineContext, afterSeq: number, limit: number): OutboxEvent[] {
  const rows = ctx.ledger.sqlite
    .prepare(
      `SELECT seq, event_id AS eventId, type, schema_version AS schemaVersion, occurred_at AS occurredAt,
              business_date AS businessDate, payload
       FROM outbox_events WHERE seq > ? AND status <> 'skipped' ORDER BY seq LIMIT ?`,
    )
    .all(afterSeq, limit) as (Omit<OutboxEvent, 'payload'> & { payload: string })[];
  return rows.map((r) => ({ ...r, payload: JSON.parse(r.payload) as unknown }));
}
