import { recordAudit } from '../audit';
import type { EngineContext } from '../context';
import { DomainError } from '../errors';
import { sessionHash } from './sessions';

export interface SessionRow {
  id: number;
  deviceId: string;
  userId: number;
  userName: string;
  username: string;
  address: string;
  userAgent: string;
  signedInAt: string;
  lastSeenAt: string | null;
  current: boolean;
}

/** Every live session, newest activity first: who is signed in at which terminal, from where. */
export function listSessions(ctx: EngineContext & { sessionToken?: string }): SessionRow[] {
  const mine = ctx.sessionToken ? sessionHash(ctx.sessionToken) : '';
  const rows = ctx.ledger.sqlite
    .prepare(
      `SELECT s.rowid AS id, s.device_id AS deviceId, s.user_id AS userId, u.display_name AS userName,
              u.username, s.address, s.user_agent AS userAgent, s.created_at AS signedInAt,
              s.last_seen_at AS lastSeenAt, s.token_hash = ? AS current
       FROM sessions s JOIN users u ON u.id = s.user_id
       WHERE s.expires_at > ? AND u.active = 1
       ORDER BY COALESCE(s.last_seen_at, s.created_at) DESC, s.rowid DESC`,
    )
    .all(mine, ctx.now().toISOString()) as (Omit<SessionRow, 'current'> & { current: number })[];
  return rows.map((r) => ({ ...r, current: r.current === 1 }));
}

/** Ends one session: that terminal's next call answers 401 and it shows the sign-in page. */
export function endSessionById(ctx: EngineContext, id: number): { ok: true } {
  const row = ctx.ledger.sqlite
    .prepare('SELECT rowid AS id, user_id AS userId, device_id AS deviceId, address FROM sessions WHERE rowid = ?')
    .get(id) as { id: number; userId: number; deviceId: string; address: string } | undefined;
  if (!row) throw new DomainError('not_found', 'That session has already ended', 'id');
  ctx.ledger.sqlite.prepare('DELETE FROM sessions WHERE rowid = ?').run(id);
  recordAudit(ctx, 'end_session', 'user', row.userId, { deviceId: row.deviceId, address: row.address });
  return { ok: true };
}

/** Ends every session started from one terminal (a PC left signed in, a lost tablet). */
export function endDeviceSessions(ctx: EngineContext, deviceId: string): { ended: number } {
  const ended = ctx.ledger.sqlite.prepare('DELETE FROM sessions WHERE device_id = ?').run(deviceId).changes;
  if (ended === 0) throw new DomainError('not_found', 'No one is signed in on that device', 'deviceId');
  recordAudit(ctx, 'end_device_sessions', 'device', null, { deviceId, ended });
  return { ended };
}

/**
 * Marks a session as seen. The caller throttles (once a minute per session): a write per call
 * would cost an fsync each. Outside any transaction; a busy or read-only ledger just skips it.
 */
export function touchSession(ctx: EngineContext, token: string): void {
  try {
    ctx.ledger.sqlite
      .prepare('UPDATE sessions SET last_seen_at = ? WHERE token_hash = ?')
      .run(ctx.now().toISOString(), sessionHash(token));
  } catch {
    // last-seen is a courtesy; the call itself goes on
  }
}

export function lanEnabled(ctx: EngineContext): boolean {
  const row = ctx.ledger.sqlite.prepare('SELECT lan_enabled AS on_ FROM company WHERE id = 1').get() as
    { on_: number } | undefined;
  return row?.on_ === 1;
}

export function setLanEnabled(ctx: EngineContext, enabled: boolean): void {
  const changed = ctx.ledger.sqlite.prepare('UPDATE company SET lan_enabled = ? WHERE id = 1').run(enabled ? 1 : 0);
  if (changed.changes === 0) throw new DomainError('not_found', 'Set up the company first', 'enabled');
  recordAudit(ctx, enabled ? 'lan_on' : 'lan_off', 'company', 1, { enabled });
}
