import type { User } from '../../../src-shared/contract/users';
import { recordAudit } from '../audit';
import type { EngineContext } from '../context';
import { DomainError } from '../errors';
import { throttleFor } from './login-throttle';
import { dummyPasswordHash, hashPasswordAsync, verifyPasswordAsync } from './password';
import { endOtherSessions, purgeExpiredSessions, startSession } from './sessions';
import { getUser } from './user-service';

interface Credentials {
  id: number;
  username: string;
  displayName: string;
  role: User['role'];
  active: number;
  passwordHash: string;
}

function credentials(ctx: EngineContext, where: string, value: string | number): Credentials | undefined {
  return ctx.ledger.sqlite
    .prepare(
      `SELECT id, username, display_name AS displayName, role, active, password_hash AS passwordHash FROM users WHERE ${where} = ?`,
    )
    .get(value) as Credentials | undefined;
}

/** One short write of its own; these operations run outside the dispatcher's transaction. */
function write<T>(ctx: EngineContext, fn: () => T): T {
  return ctx.ledger.sqlite.transaction(fn).immediate();
}

/**
 * Sign-in: throttle, check the password off the main thread (scrypt on libuv's pool) with no
 * transaction open, and only then take the write lock briefly to start the session. An unknown
 * username is checked against a dummy hash so it answers as slowly as a known one.
 */
export async function signIn(
  ctx: EngineContext & { remoteAddress?: string },
  input: { username: string; password: string },
): Promise<{ user: User; token: string }> {
  const address = ctx.remoteAddress ?? 'local';
  const throttle = throttleFor(ctx.ledger);
  throttle.begin(input.username, address, ctx.now().getTime());
  const row = credentials(ctx, 'username', input.username);
  const matches = await verifyPasswordAsync(input.password, row?.passwordHash ?? (await dummyPasswordHash()));
  if (!row || !matches || row.active !== 1) {
    try {
      // Who tried which name from where; never the password.
      write(ctx, () =>
        recordAudit({ ...ctx, actor: null }, 'login_failed', 'user', row?.id ?? null, {
          username: input.username,
          address,
          reason: !row ? 'unknown user' : !matches ? 'wrong password' : 'deactivated',
        }),
      );
    } catch {
      // A full or read-only disk must not turn a wrong password into a different answer.
    }
    if (row && matches)
      throw new DomainError('unauthenticated', 'This user has been deactivated; ask an administrator', 'username');
    throw new DomainError('unauthenticated', 'Username or password is incorrect', 'password');
  }
  throttle.succeeded(input.username, address);
  const actor = { id: row.id, username: row.username, displayName: row.displayName, role: row.role };
  const token = write(ctx, () => {
    purgeExpiredSessions(ctx);
    const started = startSession(ctx, row.id);
    recordAudit({ ...ctx, actor }, 'login', 'user', row.id, { address });
    return started;
  });
  return { user: getUser(ctx, row.id), token };
}

/** The same shape for a password change: verify and hash off the main thread, then one short write. */
export async function changeOwnPassword(
  ctx: EngineContext & { sessionToken?: string },
  input: { currentPassword: string; newPassword: string },
): Promise<{ ok: true }> {
  const row = credentials(ctx, 'id', ctx.actor!.id)!;
  if (!(await verifyPasswordAsync(input.currentPassword, row.passwordHash)))
    throw new DomainError('invalid_input', 'Current password is incorrect', 'currentPassword');
  const hash = await hashPasswordAsync(input.newPassword);
  write(ctx, () => {
    ctx.ledger.sqlite.prepare('UPDATE users SET password_hash = ? WHERE id = ?').run(hash, row.id);
    endOtherSessions(ctx, row.id, ctx.sessionToken);
    recordAudit(ctx, 'change_password', 'user', row.id, { otherSessionsEnded: true });
  });
  return { ok: true };
}
