import { createHash } from 'node:crypto';
import { controlTotalsOf, type SyncEvent } from '../../../src-shared/sync';
import type { EngineContext } from '../context';
import type { SyncClient } from './sync-client';
import { updateSyncSettings } from './sync-settings';

const sha256Hex = (text: string) => createHash('sha256').update(text).digest('hex');

/** The device's totals for a business day: its events HQ did not reject (parked and skipped ones are left out). */
export function deviceControlTotals(ctx: EngineContext, businessDate: string) {
  const rows = ctx.ledger.sqlite
    .prepare(
      `SELECT event_id AS eventId, seq AS deviceSeq, type, schema_version AS schemaVersion, occurred_at AS occurredAt,
              business_date AS businessDate, payload
       FROM outbox_events WHERE business_date = ? AND status NOT IN ('parked', 'skipped') ORDER BY seq`,
    )
    .all(businessDate) as (Omit<SyncEvent, 'payload'> & { payload: string })[];
  const events = rows.map((r) => ({ ...r, payload: JSON.parse(r.payload) }) as SyncEvent);
  return controlTotalsOf(events, sha256Hex);
}

/** Sends the day's totals and keeps HQ's answer for the Sync screen. Call after a push, when HQ holds the day. */
export async function sendControlTotals(ctx: EngineContext, client: SyncClient, businessDate: string) {
  const answer = await client.controlTotals(businessDate, deviceControlTotals(ctx, businessDate));
  const kept = { ...answer, checkedAt: ctx.now().toISOString() };
  updateSyncSettings(ctx, { lastControlTotals: JSON.stringify(kept) });
  return kept;
}
