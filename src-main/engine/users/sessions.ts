import crypto from 'node:crypto';
import type { Actor, EngineContext } from '../context';
import type { Role } from '../../../src-shared/permissions';

const SESSION_HOURS = 12;

const sha256 = (token: string) => crypto.createHash('sha256').update(token).digest('hex');

/** Where a call came from, as the transport saw it: an admin sees it in the list of devices. */
export interface Terminal {
  remoteAddress?: string;
  userAgent?: string;
  /** The browser's device cookie; absent for the desktop app's own window. */
  deviceId?: string;
}

export function startSession(ctx: EngineContext & Terminal, userId: number): string {
  const token = crypto.randomBytes(32).toString('base64url');
  const now = ctx.now().toISOString();
  const expires = new Date(ctx.now().getTime() + SESSION_HOURS * 3600_000).toISOString();
  ctx.ledger.sqlite
    .prepare(
      `INSERT INTO sessions (token_hash, user_id, created_at, expires_at, device_id, address, user_agent, last_seen_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      sha256(token),
      userId,
      now,
      expires,
      ctx.deviceId ?? 'desktop',
      ctx.remoteAddress ?? 'local',
      ctx.userAgent ?? (ctx.deviceId ? '' : 'Stockist desktop app'),
      now,
    );
  return token;
}

export { sha256 as sessionHash };

export function endSession(ctx: EngineContext, token: string): void {
  ctx.ledger.sqlite.prepare('DELETE FROM sessions WHERE token_hash = ?').run(sha256(token));
}

/** The user behind a token, if the session is live and the user still active. */
export function actorForToken(ctx: EngineContext, token: string | undefined): Actor | null {
  if (!token) return null;
  const row = ctx.ledger.sqlite
    .prepare(
      `SELECT u.id, u.username, u.display_name AS displayName, u.role FROM sessions s JOIN users u ON u.id = s.user_id
       WHERE s.token_hash = ? AND s.expires_at > ? AND u.active = 1`,
    )
    .get(sha256(token), ctx.now().toISOString()) as (Omit<Actor, 'role'> & { role: Role }) | undefined;
  return row ?? null;
}

/** Ends every session of a user but the caller's own: after a password change, a thief's copy stops working. */
export function endOtherSessions(ctx: EngineContext, userId: number, keepToken: string | undefined): void {
  ctx.ledger.sqlite
    .prepare('DELETE FROM sessions WHERE user_id = ? AND token_hash != ?')
    .run(userId, keepToken ? sha256(keepToken) : '');
}

/**
 * Expired sessions are refused already; deleting them keeps the table to the live ones. Only
 * those a day past expiry: a PC clock set wrong and then corrected must not sign everyone out.
 */
export function purgeExpiredSessions(ctx: EngineContext): number {
  const cutoff = new Date(ctx.now().getTime() - 24 * 3600_000).toISOString();
  return ctx.ledger.sqlite.prepare('DELETE FROM sessions WHERE expires_at <= ?').run(cutoff).changes;
}
