import { z } from 'zod';
import { eventPayloads, eventTypes, type EventType } from './event-payloads';
import { day, instant } from './primitives';

/** The schema version each event type is at. A device sends the version it built the payload with;
 * HQ rejects versions it does not know (the event is parked on the device until HQ is upgraded). */
export const eventSchemaVersions: Record<EventType, number> = Object.fromEntries(
  eventTypes.map((t) => [t, 1]),
) as Record<EventType, number>;

const head = {
  eventId: z.uuid().describe('Stable id chosen by the device when the event was written; the idempotency key'),
  deviceSeq: z.int().min(1).describe('Per-device sequence number: 1, 2, 3… without gaps, in the order events happened'),
  schemaVersion: z.int().min(1).describe("Version of this type's payload schema"),
  occurredAt: instant.describe('Device clock when the event was written. Informational only: never used for ordering'),
  businessDate: day.describe("The distributor's business day the event belongs to (used for daily control totals)"),
};

/** What HQ checks for the whole request: if any event fails this, the request is refused (400). */
export const eventEnvelope = z
  .object({
    ...head,
    type: z.string().min(1).max(60).describe('Event type, e.g. invoice.posted'),
    payload: z.unknown(),
  })
  .describe('An event as it travels: the envelope is checked for the whole batch, the payload per event');
export type EventEnvelope = z.output<typeof eventEnvelope>;

/** The full, typed event for one type: envelope plus that type's payload. */
export function typedEvent<T extends EventType>(type: T) {
  return z
    .object({ ...head, type: z.literal(type), payload: eventPayloads[type] })
    .describe(eventPayloads[type].description ?? type);
}

export const syncEvent = z.discriminatedUnion(
  'type',
  eventTypes.map((t) => typedEvent(t)) as unknown as [
    ReturnType<typeof typedEvent>,
    ...ReturnType<typeof typedEvent>[],
  ],
);
export type SyncEvent = {
  [T in EventType]: Omit<EventEnvelope, 'type' | 'payload'> & { type: T; payload: z.output<(typeof eventPayloads)[T]> };
}[EventType];

/** Why HQ would reject this event, or null when its type, version and payload are acceptable. */
export function eventProblem(event: EventEnvelope): string | null {
  if (!(eventTypes as string[]).includes(event.type)) return `unknown event type ${event.type}`;
  const type = event.type as EventType;
  if (event.schemaVersion !== eventSchemaVersions[type]) {
    return `${type} schema version ${event.schemaVersion} is not supported (this HQ knows version ${eventSchemaVersions[type]})`;
  }
  const parsed = eventPayloads[type].safeParse(event.payload);
  if (parsed.success) return null;
  const issue = parsed.error.issues[0]!;
  return `payload.${issue.path.join('.')}: ${issue.message}`;
}
