import { eventPayloads, eventSchemaVersions, type EventPayload, type EventType } from '../../../src-shared/sync';
import type { EngineContext } from '../context';
import { recordEvent, type OutboxEvent } from './outbox';

/**
 * Event types whose payload schema is another type's, word for word (event-payloads.ts builds both from
 * one schema; tests/unit/sync/order-events.test.ts proves they stay the same). A payload checked for
 * one is checked for the other, so an order placed and confirmed in one transaction is checked once.
 */
const sameSchemaAs: Partial<Record<EventType, EventType>> = { 'order.confirmed': 'order.placed' };
const schemaKey = (type: EventType): EventType => sameSchemaAs[type] ?? type;

/** Payloads that passed a schema, by the schema they passed. They are frozen, so still what was checked. */
const checked = new WeakMap<object, EventType>();

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

/**
 * Writes one HQ event in the caller's transaction after checking its payload against the
 * protocol. A payload that does not fit is our bug, not the clerk's: it throws, and the change
 * it belongs to rolls back with it rather than sending HQ something it would reject.
 * The written payload is returned frozen; publishing that same object again skips the check.
 */
export function publishEvent<T extends EventType>(ctx: EngineContext, type: T, payload: EventPayload<T>): OutboxEvent {
  const key = schemaKey(type);
  if (payload !== null && typeof payload === 'object' && checked.get(payload) === key) {
    return recordEvent(ctx, type, eventSchemaVersions[type], payload);
  }
  const parsed = eventPayloads[type].safeParse(payload);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(`${type} payload does not follow the sync protocol: ${issue.path.join('.')}: ${issue.message}`);
  }
  const data = deepFreeze(parsed.data);
  if (data !== null && typeof data === 'object') checked.set(data, key);
  return recordEvent(ctx, type, eventSchemaVersions[type], data);
}
