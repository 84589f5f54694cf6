import type { EngineContext } from '../../src-main/engine/context';
import { publishEvent } from '../../src-main/engine/sync/publish-event';
import { enrolWithHq } from '../../src-main/engine/sync/sync-admin';
import { updateSyncSettings } from '../../src-main/engine/sync/sync-settings';
import { SyncWorker, type SyncWorkerOptions } from '../../src-main/engine/sync/sync-worker';
import { engineContext } from './engine';
import type { TestHq } from './hq';
import { invoicePayload } from './sync-events';

/** A distributor's ledger enrolled with a test HQ, and a worker with quick retries; optionally talking through a proxy. */
export async function enrolledDevice(
  hq: TestHq,
  distributorCode: string,
  options: SyncWorkerOptions & { via?: string; now?: () => Date } = {},
) {
  const ctx = engineContext(options.now?.());
  const device: EngineContext = options.now ? { ...ctx, now: options.now } : ctx;
  await hq.admin('POST', '/admin/distributors', { code: distributorCode, name: `Distributor ${distributorCode}` });
  const code = await hq.admin<{ code: string }>('POST', '/admin/enrolment-codes', { distributorCode });
  const status = await enrolWithHq(device, {
    hqAddress: hq.url,
    enrolmentCode: code.body.code,
    deviceName: 'Counter PC',
  });
  if (options.via) updateSyncSettings(device, { hqAddress: options.via });
  const worker = new SyncWorker(device.ledger, {
    now: device.now,
    timeoutMs: 2_000,
    maxAttempts: 3,
    backoff: { baseMs: 2, capMs: 20 },
    ...options,
  });
  return { ctx: device, worker, deviceId: status.deviceId! };
}

/** n invoice.posted events in the outbox, numbered from `from`. */
export function queueInvoices(ctx: EngineContext, from: number, n: number): void {
  ctx.ledger.sqlite.transaction(() => {
    for (let i = 0; i < n; i++)
      publishEvent(ctx, 'invoice.posted', invoicePayload(`INV/26-27/${from + i}`, '2026-11-22'));
  })();
}

export function outboxStatuses(ctx: EngineContext): Record<string, number> {
  const rows = ctx.ledger.sqlite.prepare('SELECT status, count(*) AS n FROM outbox_events GROUP BY status').all() as {
    status: string;
    n: number;
  }[];
  return Object.fromEntries(rows.map((r) => [r.status, r.n]));
}

export async function heldAtHq(hq: TestHq, deviceId: string) {
  const [row] = await hq.sql.query<{ n: number; seqs: number; hi: number | null }>(
    'select count(*)::int as n, count(distinct device_seq)::int as seqs, max(device_seq) as hi from inbox where device_id = $1',
    [deviceId],
  );
  return row!;
}
