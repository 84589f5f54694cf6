import { auditLog } from '../ledger/schema';
import type { EngineContext } from './context';
import { isoNow } from './context';
import type { Cursor } from './keyset';
import { keysetPage, pageWith } from './keyset-page';
import { Where } from './list-query';

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

/** The audit trail, newest first, of one kind of record or one record: driven by audit_log's rowid. */
export function listAudit(
  ctx: EngineContext,
  input: {
    entity: string;
    entityId: number | null;
    offset: number;
    limit: number;
    after?: Cursor | null;
    before?: Cursor | null;
  },
) {
  const where = new Where()
    .when(input.entity, 'a.entity = ?', input.entity)
    .when(input.entityId, 'a.entity_id = ?', input.entityId);
  const { sqlite } = ctx.ledger;
  const page = keysetPage(sqlite, { ...input, from: 'audit_log a', where, key: 'a.id', id: 'a.id', dir: 'desc' });
  const rows = sqlite
    .prepare(
      `SELECT a.id, a.at, coalesce(u.display_name, 'system') AS userName, a.action, a.entity, a.entity_id AS entityId, a.detail
       FROM json_each(?) AS page JOIN audit_log a ON a.id = page.value LEFT JOIN users u ON u.id = a.user_id`,
    )
    .all(JSON.stringify(page.ids)) as {
    id: number;
    at: string;
    userName: string;
    action: string;
    entity: string;
    entityId: number | null;
    detail: string;
  }[];
  return pageWith(page, rows);
}
