import { recordAudit } from '../audit';
import type { EngineContext } from '../context';
import { conflict } from '../errors';
import type { ApprovalFacts } from './approval-policy-rule';
import type { SubjectHandler } from './approval-subjects';
import { matchPolicy } from './approval-policy-rule';
import { currentPolicies } from './policy-store';
import { requestApproval } from './request-approval';

/**
 * Stock write-offs and credit notes post at once unless an active policy of theirs matches (its amount range
 * holds the value): then what was asked is kept in held_postings, nothing is posted (no movement, no number
 * taken), and the last level's approval posts it as asked. Without a matching policy there is no default
 * approver for these subjects: they were never held before policies existed.
 */
export type HeldKind = 'write_off' | 'credit_note';

const ROLL_BACK = Symbol('roll back');

/**
 * Runs a posting in a savepoint and undoes it, answering what it worked out: the value to be approved is the
 * one the real posting would carry (same valuation, same rounding), and bad input is refused before asking.
 */
export function dryRun<T>(ctx: EngineContext, post: () => T): T {
  let result: T | undefined;
  try {
    ctx.ledger.sqlite.transaction(() => {
      result = post();
      throw ROLL_BACK;
    })();
  } catch (error) {
    if (error !== ROLL_BACK) throw error;
  }
  return result as T;
}

/** Whether any active policy of this subject exists: without one nothing is held and no value is worked out. */
export function hasPolicy(ctx: EngineContext, kind: HeldKind): boolean {
  return currentPolicies(ctx, [kind]).some((p) => p.active);
}

/** Whether a policy of this subject holds a posting with these facts. */
export function needsApproval(ctx: EngineContext, kind: HeldKind, facts: Omit<ApprovalFacts, 'subjects'>): boolean {
  return matchPolicy(currentPolicies(ctx, [kind]), { ...facts, subjects: [kind] }).policy !== null;
}

export interface HoldInput {
  kind: HeldKind;
  input: object;
  value: number;
  description: string;
  facts: Omit<ApprovalFacts, 'subjects'>;
}

/** Keeps the posting back and asks for approval; answers the held row and the request. */
export function holdPosting(ctx: EngineContext, h: HoldInput): { heldId: number; requestId: number } {
  const now = ctx.now().toISOString();
  const heldId = Number(
    ctx.ledger.sqlite
      .prepare(
        `INSERT INTO held_postings (kind, input, value, description, status, requested_by, requested_at)
         VALUES (?, ?, ?, ?, 'held', ?, ?)`,
      )
      .run(h.kind, JSON.stringify(h.input), h.value, h.description, ctx.actor?.id ?? null, now).lastInsertRowid,
  );
  recordAudit(ctx, 'hold', h.kind, heldId, { value: h.value, input: h.input });
  const { id } = requestApproval(ctx, {
    subjectType: h.kind,
    subjectId: heldId,
    orderId: null,
    reasons: [{ kind: h.kind, message: h.description }],
    facts: { ...h.facts, subjects: [h.kind] },
    snapshot: heldSnapshot(ctx, heldId),
    label: h.description,
  });
  return { heldId, requestId: id };
}

interface HeldRow {
  kind: HeldKind;
  input: string;
  value: number;
  description: string;
  status: string;
  requestedBy: number | null;
}

function heldRow(ctx: EngineContext, id: number): HeldRow {
  return ctx.ledger.sqlite
    .prepare(
      `SELECT kind, input, value, description, status, requested_by AS requestedBy FROM held_postings WHERE id = ?`,
    )
    .get(id) as HeldRow;
}

/** The approved fields: what will be posted and its value. */
const heldSnapshot = (ctx: EngineContext, id: number) => {
  const row = heldRow(ctx, id);
  return { input: JSON.parse(row.input) as object, value: row.value };
};

/**
 * The approval subject of a held posting: `post` runs the real posting with the stored input once the last level
 * approves (in the decision's transaction: if it cannot post now, e.g. the stock is gone, the decision fails and
 * the request stays pending, to be rejected).
 */
export function heldSubject<I>(noun: string, post: (ctx: EngineContext, input: I) => number): SubjectHandler {
  const close = (ctx: EngineContext, id: number, status: 'posted' | 'rejected', documentId: number | null) => {
    const row = heldRow(ctx, id);
    if (row.status !== 'held') throw conflict(`This ${noun} was already ${row.status}`, 'id');
    ctx.ledger.sqlite
      .prepare('UPDATE held_postings SET status = ?, document_id = ?, decided_at = ? WHERE id = ?')
      .run(status, documentId, ctx.now().toISOString(), id);
    recordAudit(ctx, status === 'posted' ? 'post' : 'reject', row.kind, id, { documentId });
  };
  return {
    noun,
    snapshot: heldSnapshot,
    creator: (ctx, id) => heldRow(ctx, id).requestedBy,
    label: (ctx, id) => heldRow(ctx, id).description,
    approved(ctx, id) {
      const row = heldRow(ctx, id);
      if (row.status !== 'held') throw conflict(`This ${noun} was already ${row.status}`, 'id');
      close(ctx, id, 'posted', post(ctx, JSON.parse(row.input) as I));
    },
    rejected: (ctx, id) => close(ctx, id, 'rejected', null),
  };
}
