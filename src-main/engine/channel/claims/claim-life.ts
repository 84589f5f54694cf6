import type { Claim } from '../../../../src-shared/contract/channel-claims';
import { recordAudit } from '../../audit';
import { businessToday } from '../../business-date';
import type { EngineContext } from '../../context';
import { conflict, invalid } from '../../errors';
import { nextDocumentNumber } from '../../numbering';
import { publishClaimEvent } from './claim-events';
import { getClaim } from './claim-view';

/** The claim as the caller saw it: a newer version means someone else changed it meanwhile. */
export function claimAt(ctx: EngineContext, id: number, version: number): Claim {
  const claim = getClaim(ctx, id);
  if (claim.version !== version)
    throw conflict('Someone else changed this claim since you opened it; reload and try again', 'version');
  return claim;
}

function draftAt(ctx: EngineContext, id: number, version: number, doing: string): Claim {
  const claim = claimAt(ctx, id, version);
  if (claim.status !== 'draft')
    throw conflict(`${claim.number ?? `Claim ${id}`} is ${claim.status}: only a draft can be ${doing}`, 'id');
  return claim;
}

/** A draft keeps the lines the user kept (renumbered) and its notes; the total follows the lines. */
export function updateDraftClaim(
  ctx: EngineContext,
  input: { id: number; version: number; notes: string; keepLineIds: number[] },
): Claim {
  const claim = draftAt(ctx, input.id, input.version, 'changed');
  const keep = new Set(input.keepLineIds);
  input.keepLineIds.forEach((lineId, i) => {
    if (!claim.lines.some((l) => l.id === lineId))
      throw invalid(`Line ${lineId} is not on this claim`, `keepLineIds.${i}`);
  });
  const { sqlite } = ctx.ledger;
  const removed = claim.lines.filter((l) => !keep.has(l.id));
  for (const l of removed) sqlite.prepare('DELETE FROM claim_evidence WHERE claim_line_id = ?').run(l.id);
  for (const l of removed) sqlite.prepare('DELETE FROM claim_lines WHERE id = ?').run(l.id);
  const kept = claim.lines.filter((l) => keep.has(l.id));
  kept.forEach((l, i) => sqlite.prepare('UPDATE claim_lines SET line_no = ? WHERE id = ?').run(-(i + 1), l.id));
  sqlite.prepare('UPDATE claim_lines SET line_no = -line_no WHERE claim_id = ?').run(claim.id);
  const amount = kept.reduce((sum, l) => sum + l.amount, 0);
  sqlite
    .prepare('UPDATE claims SET notes = ?, amount = ?, version = version + 1 WHERE id = ?')
    .run(input.notes, amount, claim.id);
  recordAudit(ctx, 'update', 'claim', claim.id, { removedLines: removed.length, amount });
  return getClaim(ctx, claim.id);
}

/** A draft has no number, so deleting it leaves no gap; its sources are free to be claimed again. */
export function deleteDraftClaim(ctx: EngineContext, input: { id: number; version: number }): { deleted: true } {
  const claim = draftAt(ctx, input.id, input.version, 'deleted');
  const { sqlite } = ctx.ledger;
  sqlite.prepare('DELETE FROM claim_evidence WHERE claim_id = ?').run(claim.id);
  sqlite.prepare('DELETE FROM claim_lines WHERE claim_id = ?').run(claim.id);
  sqlite.prepare('DELETE FROM claims WHERE id = ?').run(claim.id);
  recordAudit(ctx, 'delete', 'claim', claim.id, { kind: claim.kind, amount: claim.amount });
  return { deleted: true };
}

/** Filing numbers the claim gaplessly and freezes its lines: from here only the brand's answer changes it. */
export function fileClaim(ctx: EngineContext, input: { id: number; version: number }): Claim {
  const claim = draftAt(ctx, input.id, input.version, 'filed');
  const number = nextDocumentNumber(ctx, 'CLM');
  const filedOn = businessToday(ctx);
  ctx.ledger.sqlite
    .prepare("UPDATE claims SET status = 'filed', number = ?, filed_on = ?, version = version + 1 WHERE id = ?")
    .run(number, filedOn, claim.id);
  recordAudit(ctx, 'file', 'claim', claim.id, { number, amount: claim.amount });
  const filed = getClaim(ctx, claim.id);
  publishClaimEvent(ctx, 'claim.filed', filed);
  return filed;
}
