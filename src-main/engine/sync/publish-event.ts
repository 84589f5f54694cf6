import { eventPayloads, eventSchemaVersions, type EventPayload, type EventType } from '../../../src-shared/sync';
import type { EngineContext } from '../context';
import { recordEvent, type OutboxEvent } from './outbox';

/**
 * Writes one HQ event in the caller's transaction after checking its payload against the
 * protocol. A payload that does not fit is our bug, not the clerk's: it throws, and the change
 * it belongs to rolls back with it rather than sending HQ something it would reject.
 */
export function publishEvent<T extends EventType>(ctx: EngineContext, type: T, payload: EventPayload<T>): OutboxEvent {
  const parsed = eventPayloads[type].safeParse(payload);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(`${type} payload does not follow the sync protocol: ${issue.path.join('.')}: ${issue.message}`);
  }
  return recordEvent(ctx, type, eventSchemaVersions[type], parsed.data);
}
