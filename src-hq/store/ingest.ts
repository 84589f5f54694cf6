import { eventProblem, type EventEnvelope, type EventResult, type SyncEvent } from '../../src-shared/sync';
import type { Device } from './devices';
import { applyEffects } from './effects';
import { canonicalJson, sha256 } from './hash';
import { advanceHighWaterMark } from './high-water-mark';
import { ensureMonthPartitions } from './partitions';
import type { Sql } from './sql';

/** Take one pushed batch: answer each event, store new ones in the inbox and the event log, apply the
 * accepted ones' effects, and advance the high-water mark — all in one transaction, so an event is either
 * held with its effects or not held at all, however often it is delivered. */

export class BusyDevice extends Error {}

interface Held {
  event_id: string;
  device_seq: number;
  payload_hash: string;
  status: 'accepted' | 'rejected';
  reason: string | null;
}

export function eventHash(e: EventEnvelope): string {
  const { eventId, deviceSeq, type, schemaVersion, occurredAt, businessDate, payload } = e;
  return sha256(canonicalJson({ eventId, deviceSeq, type, schemaVersion, occurredAt, businessDate, payload }));
}

export async function ingestBatch(
  sql: Sql,
  device: Device,
  events: EventEnvelope[],
): Promise<{ results: EventResult[]; highWaterMark: number }> {
  await ensureMonthPartitions(
    sql,
    events.map((e) => e.businessDate),
  );
  return sql.transaction(async (tx) => {
    const heldRows = await tx.query<Held>(
      `select event_id, device_seq, payload_hash, status, reason from inbox
       where device_id = $1 and (event_id = any($2::uuid[]) or device_seq = any($3::bigint[]))`,
      [device.deviceId, events.map((e) => e.eventId), events.map((e) => e.deviceSeq)],
    );
    const byId = new Map(heldRows.map((r) => [r.event_id.toLowerCase(), r]));
    const bySeq = new Map(heldRows.map((r) => [r.device_seq, r]));
    const results: EventResult[] = [];
    const fresh: Array<EventEnvelope & { hash: string; status: Held['status']; reason: string | null }> = [];
    const conflicts: Array<{ device_seq: number; event_id: string; reason: string }> = [];
    for (const e of events) {
      const hash = eventHash(e);
      const sameId = byId.get(e.eventId.toLowerCase());
      const sameSeq = bySeq.get(e.deviceSeq);
      if (sameId && sameId.payload_hash === hash) {
        results.push(
          sameId.status === 'accepted'
            ? { eventId: e.eventId, status: 'duplicate' }
            : { eventId: e.eventId, status: 'rejected', reason: sameId.reason ?? 'rejected' },
        );
        continue;
      }
      if (sameId || sameSeq) {
        const reason = sameId
          ? `HQ already holds event ${e.eventId} (deviceSeq ${sameId.device_seq}) with a different content`
          : `HQ already holds deviceSeq ${e.deviceSeq} as event ${sameSeq!.event_id}`;
        results.push({ eventId: e.eventId, status: 'conflict', reason });
        if (!sameSeq) conflicts.push({ device_seq: e.deviceSeq, event_id: e.eventId, reason });
        continue;
      }
      const problem = eventProblem(e);
      const row = { ...e, hash, status: problem ? ('rejected' as const) : ('accepted' as const), reason: problem };
      fresh.push(row);
      byId.set(e.eventId.toLowerCase(), {
        event_id: e.eventId,
        device_seq: e.deviceSeq,
        payload_hash: hash,
        status: row.status,
        reason: problem,
      });
      bySeq.set(e.deviceSeq, byId.get(e.eventId.toLowerCase())!);
      results.push(
        problem
          ? { eventId: e.eventId, status: 'rejected', reason: problem }
          : { eventId: e.eventId, status: 'accepted' },
      );
    }
    if (fresh.length) await storeFresh(tx, device, fresh);
    if (conflicts.length) {
      await tx.query(
        `insert into seq_conflicts (device_id, device_seq, event_id, reason)
         select $1, device_seq, event_id, reason from jsonb_to_recordset($2::jsonb) as c(device_seq bigint, event_id uuid, reason text)
         on conflict (device_id, device_seq) do update set event_id = excluded.event_id, reason = excluded.reason`,
        [device.deviceId, JSON.stringify(conflicts)],
      );
    }
    const accepted = fresh.filter((f) => f.status === 'accepted');
    await applyEffects(
      tx,
      accepted.map((e) => ({
        deviceId: device.deviceId,
        distributorCode: device.distributorCode,
        event: e as SyncEvent,
      })),
    );
    return { results, highWaterMark: await advanceHighWaterMark(tx, device.deviceId) };
  });
}

async function storeFresh(
  tx: Sql,
  device: Device,
  fresh: Array<EventEnvelope & { hash: string; status: string; reason: string | null }>,
) {
  const inboxRows = fresh.map((f) => ({
    event_id: f.eventId,
    device_seq: f.deviceSeq,
    type: f.type,
    business_date: f.businessDate,
    payload_hash: f.hash,
    status: f.status,
    reason: f.reason,
  }));
  const inserted = await tx.query(
    `insert into inbox (device_id, event_id, device_seq, type, business_date, payload_hash, status, reason)
     select $1, event_id, device_seq, type, business_date, payload_hash, status, reason
     from jsonb_to_recordset($2::jsonb)
       as r(event_id uuid, device_seq bigint, type text, business_date date, payload_hash text, status text, reason text)
     on conflict do nothing returning event_id`,
    [device.deviceId, JSON.stringify(inboxRows)],
  );
  // Another push from the same device got there first: roll back and let the device retry; its retry
  // will find these events held and be answered duplicate.
  if (inserted.length !== fresh.length) throw new BusyDevice('Another push from this device is in progress; retry');
  const eventRows = fresh.map((f) => ({
    event_id: f.eventId,
    device_seq: f.deviceSeq,
    type: f.type,
    schema_version: f.schemaVersion,
    business_date: f.businessDate,
    occurred_at: f.occurredAt,
    status: f.status,
    payload: f.payload ?? null,
  }));
  await tx.query(
    `insert into events (device_id, event_id, device_seq, distributor_code, type, schema_version, business_date, occurred_at, status, payload)
     select $1, event_id, device_seq, $2, type, schema_version, business_date, occurred_at, status, coalesce(payload, 'null'::jsonb)
     from jsonb_to_recordset($3::jsonb) as r(event_id uuid, device_seq bigint, type text, schema_version int,
       business_date date, occurred_at timestamptz, status text, payload jsonb)`,
    [device.deviceId, device.distributorCode, JSON.stringify(eventRows)],
  );
}
