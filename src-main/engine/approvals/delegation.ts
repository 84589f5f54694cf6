import { businessDate } from '../business-date';
import type { EngineContext } from '../context';

/**
 * A delegation is in force on the business dates it names (company time zone, both days included) until it is
 * ended early: `ended_at` is an instant, so "back at noon" stops the substitute at noon.
 */
const IN_FORCE = 'starts_on <= ? AND ends_on >= ? AND (ended_at IS NULL OR ended_at > ?)';

/** Who stands in for `userId` at that instant, or null: routing sends a request waiting on them here too. */
export function activeSubstituteFor(ctx: EngineContext, userId: number, at: Date): number | null {
  const day = businessDate(ctx, at);
  const row = ctx.ledger.sqlite
    .prepare(
      `SELECT substitute_id AS id FROM approval_delegations WHERE approver_id = ? AND ${IN_FORCE} ORDER BY id DESC LIMIT 1`,
    )
    .get(userId, day, day, at.toISOString()) as { id: number } | undefined;
  return row?.id ?? null;
}

/** Whom `substituteId` stands in for at that instant: their queues show those approvers' requests too. */
export function standingInFor(ctx: EngineContext, substituteId: number, at: Date): number[] {
  const day = businessDate(ctx, at);
  const rows = ctx.ledger.sqlite
    .prepare(
      `SELECT DISTINCT approver_id AS id FROM approval_delegations WHERE substitute_id = ? AND ${IN_FORCE} ORDER BY approver_id`,
    )
    .all(substituteId, day, day, at.toISOString()) as { id: number }[];
  return rows.map((r) => r.id);
}
