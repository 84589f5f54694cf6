import type { EngineContext } from '../context';

/** This installation's link to HQ, as the worker and the Sync screen read it. */
export interface SyncSettings {
  hqAddress: string;
  deviceId: string | null;
  secret: string | null;
  distributorCode: string;
  distributorName: string;
  enabled: boolean;
  enrolledAt: string | null;
  lastPushAt: string | null;
  lastPullAt: string | null;
  lastError: string;
  lastErrorAt: string | null;
  pullCursor: string | null;
  hqHighWaterMark: number;
  lastControlTotals: string | null;
}

export function syncSettings(ctx: EngineContext): SyncSettings {
  const { sqlite } = ctx.ledger;
  sqlite.prepare('INSERT OR IGNORE INTO sync_settings (id) VALUES (1)').run();
  const row = sqlite
    .prepare(
      `SELECT hq_address AS hqAddress, device_id AS deviceId, secret, distributor_code AS distributorCode, distributor_name AS distributorName,
              enabled, enrolled_at AS enrolledAt, last_push_at AS lastPushAt, last_pull_at AS lastPullAt, last_error AS lastError,
              last_error_at AS lastErrorAt, pull_cursor AS pullCursor, hq_high_water_mark AS hqHighWaterMark,
              last_control_totals AS lastControlTotals
       FROM sync_settings WHERE id = 1`,
    )
    .get() as Omit<SyncSettings, 'enabled'> & { enabled: number };
  return { ...row, enabled: row.enabled === 1 };
}

const columns: Record<keyof SyncSettings, string> = {
  hqAddress: 'hq_address',
  deviceId: 'device_id',
  secret: 'secret',
  distributorCode: 'distributor_code',
  distributorName: 'distributor_name',
  enabled: 'enabled',
  enrolledAt: 'enrolled_at',
  lastPushAt: 'last_push_at',
  lastPullAt: 'last_pull_at',
  lastError: 'last_error',
  lastErrorAt: 'last_error_at',
  pullCursor: 'pull_cursor',
  hqHighWaterMark: 'hq_high_water_mark',
  lastControlTotals: 'last_control_totals',
};

export function updateSyncSettings(ctx: EngineContext, change: Partial<SyncSettings>): void {
  const { sqlite } = ctx.ledger;
  sqlite.prepare('INSERT OR IGNORE INTO sync_settings (id) VALUES (1)').run();
  const keys = Object.keys(change) as (keyof SyncSettings)[];
  if (keys.length === 0) return;
  const values = keys.map((k) => (typeof change[k] === 'boolean' ? (change[k] ? 1 : 0) : change[k]));
  sqlite
    .prepare(`UPDATE sync_settings SET ${keys.map((k) => `${columns[k]} = ?`).join(', ')} WHERE id = 1`)
    .run(...values);
}

/** A failure as the Sync screen shows it; a later success clears it. */
export function recordSyncError(ctx: EngineContext, message: string): void {
  updateSyncSettings(ctx, { lastError: message, lastErrorAt: ctx.now().toISOString() });
}
