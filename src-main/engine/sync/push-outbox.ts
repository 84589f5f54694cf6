import { SYNC_LIMITS, type EventEnvelope, type EventResult } from '../../../src-shared/sync';
import type { EngineContext } from '../context';
import { takeBatch, type BatchLimits } from './batching';
import type { SyncClient } from './sync-client';
import { updateSyncSettings } from './sync-settings';

/**
 * Push: the outbox goes to HQ in sequence order, a batch at a time. Each batch is read, then sent
 * with no transaction open (clerks keep working), then its answers are written in one short
 * transaction. A rejected event is parked with HQ's reason and never holds back the ones after it.
 */

export interface PushOutcome {
  sent: number;
  accepted: number;
  duplicate: number;
  parked: number;
  resent: number;
  highWaterMark: number;
}

function pendingEnvelopes(ctx: EngineContext, limit: number): EventEnvelope[] {
  const rows = ctx.ledger.sqlite
    .prepare(
      `SELECT event_id AS eventId, seq AS deviceSeq, type, schema_version AS schemaVersion, occurred_at AS occurredAt,
              business_date AS businessDate, payload
       FROM outbox_events WHERE status = 'pending' ORDER BY seq LIMIT ?`,
    )
    .all(limit) as (Omit<EventEnvelope, 'payload'> & { payload: string })[];
  return rows.map((r) => ({ ...r, payload: JSON.parse(r.payload) as unknown }));
}

/** The highest n such that every event 1..n has had HQ's answer: what we believe HQ holds. */
export function answeredThrough(ctx: EngineContext): number {
  const row = ctx.ledger.sqlite
    .prepare(
      `SELECT coalesce((SELECT min(seq) FROM outbox_events WHERE status = 'pending') - 1,
                       (SELECT coalesce(max(seq), 0) FROM outbox_events)) AS n`,
    )
    .get() as { n: number };
  return row.n;
}

function recordAnswers(ctx: EngineContext, results: EventResult[], highWaterMark: number, outcome: PushOutcome): void {
  const { sqlite } = ctx.ledger;
  const at = ctx.now().toISOString();
  // Only a pending event takes the answer: an admin may have skipped it while the batch was out.
  const update = sqlite.prepare(
    "UPDATE outbox_events SET status = ?, reason = ?, answered_at = ? WHERE event_id = ? AND status = 'pending'",
  );
  sqlite.transaction(() => {
    for (const r of results) {
      if (r.status === 'accepted' || r.status === 'duplicate') {
        update.run(r.status, '', at, r.eventId);
        outcome[r.status]++;
      } else {
        update.run(
          'parked',
          `HQ ${r.status === 'rejected' ? 'rejected it' : 'reported a conflict'}: ${r.reason}`,
          at,
          r.eventId,
        );
        outcome.parked++;
      }
    }
    updateSyncSettings(ctx, { hqHighWaterMark: highWaterMark, lastPushAt: at });
  })();
}

/**
 * HQ holds less than we thought (it was restored from an older backup): everything after its mark
 * goes again. HQ answers duplicate for what it still has. A skipped event HQ never saw would hold
 * HQ's mark below it for ever, so it does not count as a restore.
 */
function resendAfter(ctx: EngineContext, highWaterMark: number): number {
  const { sqlite } = ctx.ledger;
  const next = sqlite.prepare('SELECT status FROM outbox_events WHERE seq = ?').get(highWaterMark + 1) as
    { status: string } | undefined;
  if (!next || next.status === 'pending' || next.status === 'skipped') return 0;
  return sqlite
    .prepare(
      "UPDATE outbox_events SET status = 'pending', reason = '', answered_at = NULL WHERE seq > ? AND status IN ('accepted', 'duplicate', 'parked')",
    )
    .run(highWaterMark).changes;
}

export async function pushOutbox(
  ctx: EngineContext,
  client: SyncClient,
  limits?: Partial<BatchLimits>,
): Promise<PushOutcome> {
  const outcome: PushOutcome = { sent: 0, accepted: 0, duplicate: 0, parked: 0, resent: 0, highWaterMark: 0 };
  const maxEvents = limits?.maxEvents ?? SYNC_LIMITS.maxBatchEvents;
  const batchLimits = { maxEvents, maxBytes: limits?.maxBytes ?? SYNC_LIMITS.maxBatchBytes };
  let restoreChecked = false;
  for (;;) {
    const batch = takeBatch(pendingEnvelopes(ctx, maxEvents), batchLimits);
    // An empty push still asks HQ for its high-water mark, which is how a restore at HQ shows.
    const answer = await client.push(batch);
    recordAnswers(ctx, answer.results, answer.highWaterMark, outcome);
    outcome.sent += batch.length;
    outcome.highWaterMark = answer.highWaterMark;
    if (batch.length > 0) continue;
    if (restoreChecked || answer.highWaterMark >= answeredThrough(ctx)) break;
    restoreChecked = true;
    outcome.resent = ctx.ledger.sqlite.transaction(() => resendAfter(ctx, answer.highWaterMark))();
    if (outcome.resent === 0) break;
  }
  return outcome;
}
