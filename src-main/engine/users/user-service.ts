import { rolePermissions, type Role } from '../../../src-shared/permissions';
import type { User } from '../../../src-shared/contract/users';
import { recordAudit } from '../audit';
import type { EngineContext } from '../context';
import { DomainError, conflict, isUniqueViolation, notFound } from '../errors';
import { checkDefaultWarehouse } from '../orders/default-warehouse';
import { hashPassword, verifyPassword } from './password';
import { endSession, startSession } from './sessions';

interface UserRow {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  active: number;
  passwordHash: string;
  defaultWarehouseId: number | null;
}

const SELECT =
  'SELECT id, username, display_name AS displayName, role, active, password_hash AS passwordHash, default_warehouse_id AS defaultWarehouseId FROM users';

function toUser(row: UserRow): User {
  return {
    id: row.id,
    username: row.username,
    displayName: row.displayName,
    role: row.role,
    active: row.active === 1,
    defaultWarehouseId: row.defaultWarehouseId,
    permissions: [...rolePermissions[row.role]],
  };
}

function findRow(ctx: EngineContext, id: number): UserRow {
  const row = ctx.ledger.sqlite.prepare(`${SELECT} WHERE id = ?`).get(id) as UserRow | undefined;
  if (!row) throw notFound(`User ${id}`, 'id');
  return row;
}

export function getUser(ctx: EngineContext, id: number): User {
  return toUser(findRow(ctx, id));
}

export function listUsers(ctx: EngineContext): User[] {
  return (ctx.ledger.sqlite.prepare(`${SELECT} ORDER BY active DESC, display_name`).all() as UserRow[]).map(toUser);
}

export function assignableUsers(ctx: EngineContext) {
  return ctx.ledger.sqlite
    .prepare('SELECT id, display_name AS displayName, role FROM users WHERE active = 1 ORDER BY display_name')
    .all() as {
    id: number;
    displayName: string;
    role: Role;
  }[];
}

export function createUser(
  ctx: EngineContext,
  input: { username: string; displayName: string; role: Role; password: string; defaultWarehouseId?: number | null },
): User {
  checkDefaultWarehouse(ctx, input.defaultWarehouseId ?? null);
  try {
    const result = ctx.ledger.sqlite
      .prepare(
        'INSERT INTO users (username, display_name, role, password_hash, default_warehouse_id) VALUES (?, ?, ?, ?, ?)',
      )
      .run(
        input.username,
        input.displayName,
        input.role,
        hashPassword(input.password),
        input.defaultWarehouseId ?? null,
      );
    const id = Number(result.lastInsertRowid);
    recordAudit(ctx, 'create', 'user', id, { username: input.username, role: input.role });
    return getUser(ctx, id);
  } catch (error) {
    if (isUniqueViolation(error, 'username')) throw conflict(`Username ${input.username} is already taken`, 'username');
    throw error;
  }
}

export function updateUser(
  ctx: EngineContext,
  input: {
    id: number;
    displayName: string;
    role: Role;
    active: boolean;
    newPassword?: string;
    defaultWarehouseId?: number | null;
  },
): User {
  const before = findRow(ctx, input.id);
  const warehouseId = input.defaultWarehouseId === undefined ? before.defaultWarehouseId : input.defaultWarehouseId;
  if (warehouseId !== before.defaultWarehouseId) checkDefaultWarehouse(ctx, warehouseId);
  const demotingLastAdmin = before.role === 'admin' && (input.role !== 'admin' || !input.active);
  if (demotingLastAdmin) {
    const admins = ctx.ledger.sqlite
      .prepare("SELECT count(*) AS n FROM users WHERE role = 'admin' AND active = 1")
      .get() as { n: number };
    if (admins.n <= 1)
      throw conflict('This is the only active administrator; make someone else an administrator first', 'role');
  }
  ctx.ledger.sqlite
    .prepare('UPDATE users SET display_name = ?, role = ?, active = ?, default_warehouse_id = ? WHERE id = ?')
    .run(input.displayName, input.role, input.active ? 1 : 0, warehouseId, input.id);
  if (input.newPassword)
    ctx.ledger.sqlite
      .prepare('UPDATE users SET password_hash = ? WHERE id = ?')
      .run(hashPassword(input.newPassword), input.id);
  if (!input.active || input.newPassword)
    ctx.ledger.sqlite.prepare('DELETE FROM sessions WHERE user_id = ?').run(input.id);
  recordAudit(ctx, 'update', 'user', input.id, {
    role: input.role,
    active: input.active,
    defaultWarehouseId: warehouseId,
    passwordReset: Boolean(input.newPassword),
  });
  return getUser(ctx, input.id);
}

export function login(
  ctx: EngineContext,
  input: { username: string; password: string },
): { user: User; token: string } {
  const row = ctx.ledger.sqlite.prepare(`${SELECT} WHERE username = ?`).get(input.username) as UserRow | undefined;
  // One message for unknown user and wrong password, so the form does not reveal who exists.
  if (!row || !verifyPassword(input.password, row.passwordHash))
    throw new DomainError('unauthenticated', 'Username or password is incorrect', 'password');
  if (row.active !== 1)
    throw new DomainError('unauthenticated', 'This user has been deactivated; ask an administrator', 'username');
  const token = startSession(ctx, row.id);
  recordAudit(
    { ...ctx, actor: { id: row.id, username: row.username, displayName: row.displayName, role: row.role } },
    'login',
    'user',
    row.id,
  );
  return { user: toUser(row), token };
}

export function logout(ctx: EngineContext, token: string | undefined): { ok: true } {
  if (token) endSession(ctx, token);
  return { ok: true };
}

export function userCount(ctx: EngineContext): number {
  return (ctx.ledger.sqlite.prepare('SELECT count(*) AS n FROM users').get() as { n: number }).n;
}
