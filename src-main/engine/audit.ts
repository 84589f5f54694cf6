import { auditLog } from '../ledger/schema';
import type { EngineContext } from './context';
import { isoNow } from './context';

/** Every change writes who did what, in the same transaction as the change itself. */
export function recordAudit(
  ctx: EngineContext,
  action: string,
  entity: string,
  entityId: number | null,
  detail: object = {},
): void {
  ctx.ledger.db
    .insert(auditLog)
    .values({
      at: isoNow(ctx),
      userId: ctx.actor?.id ?? null,
      action,
      entity,
      entityId,
      detail: JSON.stringify(detail),
    })
    .run();
}

export function listAudit(
  ctx: EngineContext,
  input: { entity: string; entityId: number | null; offset: number; limit: number },
) {
  const where: string[] = [];
  const params: unknown[] = [];
  if (input.entity) {
    where.push('a.entity = ?');
    params.push(input.entity);
  }
  if (input.entityId !== null) {
    where.push('a.entity_id = ?');
    params.push(input.entityId);
  }
  const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const { sqlite } = ctx.ledger;
  const total = (sqlite.prepare(`SELECT count(*) AS n FROM audit_log a ${clause}`).get(...params) as { n: number }).n;
  const rows = sqlite
    .prepare(
      `SELECT a.id, a.at, coalesce(u.display_name, 'system') AS userName, a.action, a.entity, a.entity_id AS entityId, a.detail
       FROM audit_log a LEFT JOIN users u ON u.id = a.user_id ${clause} ORDER BY a.id DESC LIMIT ? OFFSET ?`,
    )
    .all(...params, input.limit, input.offset) as {
    id: number;
    at: string;
    userName: string;
    action: string;
    entity: string;
    entityId: number | null;
    detail: string;
  }[];
  return { rows, total };
}
