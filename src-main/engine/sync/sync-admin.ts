import { recordAudit } from '../audit';
import type { EngineContext } from '../context';
import { DomainError, invalid, notFound } from '../errors';
import { HqAddressError } from './hq-address';
import { inPlainWords } from './plain-words';
import { SyncClient } from './sync-client';
import { SyncError } from './sync-errors';
import { syncSettings, updateSyncSettings } from './sync-settings';
import { syncWorkerFor } from './sync-worker';

/** The Sync screen's view of this installation and its outbox. */
export function syncStatus(ctx: EngineContext) {
  const s = syncSettings(ctx);
  const counts = ctx.ledger.sqlite
    .prepare(
      `SELECT (SELECT count(*) FROM outbox_events WHERE status = 'pending') AS queued,
              (SELECT count(*) FROM outbox_events WHERE status = 'parked') AS parked,
              (SELECT coalesce(max(seq), 0) FROM outbox_events) AS lastSeq`,
    )
    .get() as { queued: number; parked: number; lastSeq: number };
  const totals = s.lastControlTotals
    ? (JSON.parse(s.lastControlTotals) as {
        businessDate: string;
        matches: boolean;
        differences: [];
        checkedAt: string;
      })
    : null;
  return {
    enrolled: Boolean(s.deviceId && s.secret),
    hqAddress: s.hqAddress,
    distributorCode: s.distributorCode,
    distributorName: s.distributorName,
    deviceId: s.deviceId,
    enabled: s.enabled,
    running: syncWorkerFor(ctx.ledger).running,
    ...counts,
    hqHighWaterMark: s.hqHighWaterMark,
    lastPushAt: s.lastPushAt,
    lastPullAt: s.lastPullAt,
    lastError: s.lastError,
    lastErrorAt: s.lastErrorAt,
    controlTotals: totals && {
      businessDate: totals.businessDate,
      matches: totals.matches,
      differences: totals.differences,
      checkedAt: totals.checkedAt,
    },
  };
}

/**
 * Enrols with HQ: the one-time code buys a device id and secret, kept in the ledger's sync settings.
 * Not inside a transaction (it waits on HQ); the settings are written in one statement afterwards.
 * Enrolling again (a new code) replaces the old identity and starts pulling from the beginning.
 */
export async function enrolWithHq(
  ctx: EngineContext,
  input: { hqAddress: string; enrolmentCode: string; deviceName: string },
  fetchImpl?: typeof fetch,
) {
  let client: SyncClient;
  try {
    client = new SyncClient({ hqAddress: input.hqAddress, fetch: fetchImpl, timeoutMs: 15_000 });
  } catch (error) {
    if (error instanceof HqAddressError) throw invalid(error.message, 'hqAddress');
    throw error;
  }
  let answer;
  try {
    answer = await client.enrol({
      enrolmentCode: input.enrolmentCode,
      deviceName: input.deviceName,
      appVersion: '0.1.0',
    });
  } catch (error) {
    if (error instanceof SyncError && error.status >= 400 && error.status < 500) {
      throw invalid(`HQ refused the enrolment: ${error.message.replace(/^enrol: /, '')}`, 'enrolmentCode');
    }
    throw new DomainError('rule_violated', inPlainWords(error), 'hqAddress');
  }
  ctx.ledger.sqlite.transaction(() => {
    updateSyncSettings(ctx, {
      hqAddress: client.base.href.replace(/\/$/, ''),
      deviceId: answer.deviceId,
      secret: answer.secret,
      distributorCode: answer.distributorCode,
      distributorName: answer.distributorName,
      enrolledAt: ctx.now().toISOString(),
      pullCursor: null,
      hqHighWaterMark: 0,
      lastError: '',
      lastErrorAt: null,
    });
    recordAudit(ctx, 'enrol', 'sync', null, {
      hqAddress: client.base.origin,
      deviceId: answer.deviceId,
      distributor: answer.distributorCode,
    });
  })();
  return syncStatus(ctx);
}

export function setSyncEnabled(ctx: EngineContext, enabled: boolean) {
  const s = syncSettings(ctx);
  if (enabled && !(s.deviceId && s.secret)) throw invalid('Enrol with HQ before turning sync on', 'enabled');
  updateSyncSettings(ctx, { enabled });
  recordAudit(ctx, enabled ? 'enable' : 'disable', 'sync', null);
  return { enabled };
}

export function parkedEvents(ctx: EngineContext) {
  const rows = ctx.ledger.sqlite
    .prepare(
      `SELECT seq, type, business_date AS businessDate, coalesce(json_extract(payload, '$.number'), json_extract(payload, '$.code'),
              json_extract(payload, '$.warehouseCode'), '') AS document, reason, answered_at AS answeredAt
       FROM outbox_events WHERE status = 'parked' ORDER BY seq`,
    )
    .all() as {
    seq: number;
    type: string;
    businessDate: string;
    document: string;
    reason: string;
    answeredAt: string | null;
  }[];
  return rows.map((r) => ({ ...r, document: String(r.document) }));
}

function parked(ctx: EngineContext, seq: number) {
  const row = ctx.ledger.sqlite.prepare('SELECT status, type, reason FROM outbox_events WHERE seq = ?').get(seq) as
    { status: string; type: string; reason: string } | undefined;
  if (!row) throw notFound(`Event ${seq}`, 'seq');
  if (row.status !== 'parked') throw invalid(`Event ${seq} is not parked (it is ${row.status})`, 'seq');
  return row;
}

export function resendParked(ctx: EngineContext, seq: number) {
  const row = parked(ctx, seq);
  ctx.ledger.sqlite
    .prepare("UPDATE outbox_events SET status = 'pending', reason = '', answered_at = NULL WHERE seq = ?")
    .run(seq);
  recordAudit(ctx, 'resend', 'sync_event', seq, { type: row.type, hqReason: row.reason });
  return { ok: true as const };
}

export function skipParked(ctx: EngineContext, seq: number, reason: string) {
  const row = parked(ctx, seq);
  ctx.ledger.sqlite
    .prepare("UPDATE outbox_events SET status = 'skipped', reason = ? WHERE seq = ?")
    .run(`Skipped: ${reason} (HQ said: ${row.reason})`, seq);
  recordAudit(ctx, 'skip', 'sync_event', seq, { type: row.type, reason, hqReason: row.reason });
  return { ok: true as const };
}

/** Sync now, from the API: the worker's run (or the one already under way), then the status. */
export async function syncNow(ctx: EngineContext) {
  const run = await syncWorkerFor(ctx.ledger).runNow();
  return {
    ok: run.ok,
    message: run.message,
    pushed: run.push?.sent ?? 0,
    pulled: run.pull?.items ?? 0,
    status: syncStatus(ctx),
  };
}
