import type { OutputOf, ParsedInputOf } from '../../../src-shared/contract';
import { roleCan, type Role } from '../../../src-shared/permissions';
import { recordAudit } from '../audit';
import { businessToday } from '../business-date';
import type { EngineContext } from '../context';
import { DomainError, notFound } from '../errors';
import { notify } from '../notifications/notify';
import { APPROVAL_PERMISSION, delegationRefusal, delegationState } from './delegation-rules';

type Delegation = OutputOf<'delegations.add'>;

const SELECT = `SELECT d.id, d.approver_id AS approverId, a.display_name AS approverName, d.substitute_id AS substituteId,
    s.display_name AS substituteName, d.starts_on AS startsOn, d.ends_on AS endsOn, d.reason, d.ended_at AS endedAt
  FROM approval_delegations d JOIN users a ON a.id = d.approver_id JOIN users s ON s.id = d.substitute_id`;

type Row = Omit<Delegation, 'state'>;

function withState(ctx: EngineContext, row: Row): Delegation {
  return { ...row, state: delegationState(row, businessToday(ctx), ctx.now().toISOString()) };
}

const managesUsers = (ctx: EngineContext) => roleCan(ctx.actor!.role, 'users.write');

function delegation(ctx: EngineContext, id: number): Row {
  const row = ctx.ledger.sqlite.prepare(`${SELECT} WHERE d.id = ?`).get(id) as Row | undefined;
  if (!row) throw notFound('Substitute', 'id');
  return row;
}

/** Yours (away, or standing in), newest first; the administrator sees everyone's. */
export function listDelegations(ctx: EngineContext): Delegation[] {
  const me = ctx.actor!.id;
  const rows = managesUsers(ctx)
    ? ctx.ledger.sqlite.prepare(`${SELECT} ORDER BY d.id DESC LIMIT 200`).all()
    : ctx.ledger.sqlite
        .prepare(`${SELECT} WHERE d.approver_id = ? OR d.substitute_id = ? ORDER BY d.id DESC LIMIT 200`)
        .all(me, me);
  return (rows as Row[]).map((r) => withState(ctx, r));
}

/** Active users holding the approval permission: whom the screen offers as substitutes. */
export function substituteCandidates(ctx: EngineContext) {
  const users = ctx.ledger.sqlite
    .prepare('SELECT id, display_name AS displayName, role FROM users WHERE active = 1 ORDER BY display_name')
    .all() as { id: number; displayName: string; role: Role }[];
  return users.filter((u) => roleCan(u.role, APPROVAL_PERMISSION)).map(({ id, displayName }) => ({ id, displayName }));
}

export function addDelegation(ctx: EngineContext, input: ParsedInputOf<'delegations.add'>): Delegation {
  const { sqlite } = ctx.ledger;
  const approverId = input.approverId ?? ctx.actor!.id;
  const today = businessToday(ctx);
  const approver = sqlite.prepare('SELECT display_name AS displayName FROM users WHERE id = ?').get(approverId) as
    { displayName: string } | undefined;
  if (!approver) throw notFound('Approver', 'approverId');
  const substitute = sqlite
    .prepare('SELECT active = 1 AS active, role, display_name AS displayName FROM users WHERE id = ?')
    .get(input.substituteId) as { active: number; role: Role; displayName: string } | undefined;
  const inForce = `ended_at IS NULL AND ends_on >= ?`;
  const refusal = delegationRefusal(
    { approverId, substituteId: input.substituteId, startsOn: input.startsOn, endsOn: input.endsOn },
    {
      today,
      actor: ctx.actor!,
      actorManagesUsers: managesUsers(ctx),
      substitute: substitute ? { ...substitute, active: substitute.active === 1 } : null,
      approverOthers: sqlite
        .prepare(
          `SELECT d.starts_on AS startsOn, d.ends_on AS endsOn, u.display_name AS substituteName
           FROM approval_delegations d JOIN users u ON u.id = d.substitute_id WHERE d.approver_id = ? AND ${inForce}`,
        )
        .all(approverId, today) as { startsOn: string; endsOn: string; substituteName: string }[],
      substituteAway: sqlite
        .prepare(
          `SELECT starts_on AS startsOn, ends_on AS endsOn FROM approval_delegations WHERE approver_id = ? AND ${inForce}`,
        )
        .all(input.substituteId, today) as { startsOn: string; endsOn: string }[],
    },
  );
  if (refusal) throw new DomainError(refusal.code, refusal.message, refusal.field);
  const { lastInsertRowid } = sqlite
    .prepare(
      `INSERT INTO approval_delegations (approver_id, substitute_id, starts_on, ends_on, reason, created_by, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      approverId,
      input.substituteId,
      input.startsOn,
      input.endsOn,
      input.reason,
      ctx.actor!.id,
      ctx.now().toISOString(),
    );
  const id = Number(lastInsertRowid);
  recordAudit(ctx, 'create', 'approval_delegation', id, { approverId, ...input });
  notify(ctx, {
    userId: input.substituteId,
    text: `You approve for ${approver.displayName} from ${input.startsOn} to ${input.endsOn}${input.reason ? ` (${input.reason})` : ''}`,
    kind: 'other',
    subject: { type: 'approval_delegation', id },
  });
  return withState(ctx, delegation(ctx, id));
}

/** The approver is back early (or the plan changed): from now the substitute no longer stands in. */
export function endDelegation(ctx: EngineContext, id: number): Delegation {
  const row = delegation(ctx, id);
  if (row.approverId !== ctx.actor!.id && !managesUsers(ctx))
    throw new DomainError('forbidden', 'You can end only your own substitute', 'id');
  if (withState(ctx, row).state === 'over')
    throw new DomainError('conflict', 'This substitute has already ended', 'id');
  ctx.ledger.sqlite
    .prepare('UPDATE approval_delegations SET ended_at = ?, ended_by = ? WHERE id = ?')
    .run(ctx.now().toISOString(), ctx.actor!.id, id);
  recordAudit(ctx, 'end', 'approval_delegation', id, {});
  notify(ctx, {
    userId: row.substituteId,
    text: `You no longer approve for ${row.approverName}`,
    kind: 'other',
    subject: { type: 'approval_delegation', id },
  });
  return withState(ctx, delegation(ctx, id));
}
