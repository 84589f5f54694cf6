import type { ClaimSource, ProposedLine } from '../../../../src-shared/contract/channel-claims';
import type { EngineContext } from '../../context';
import { invalid } from '../../errors';
import { draftClaim } from './draft-claim';
import { getClaim } from './claim-view';
import { getPriceCut, proposePriceProtection } from './price-protection';
import { proposeExpiryLines, proposeSchemeLines } from './scheme-and-expiry';

/** The lines a builder proposes from sources not yet claimed, and the brand they are claimed from. */
export function proposeClaim(ctx: EngineContext, source: ClaimSource) {
  if (source.kind === 'scheme') {
    if (source.from > source.to) throw invalid('The period ends before it starts', 'source.to');
    return { supplierId: source.supplierId, kind: source.kind, lines: proposeSchemeLines(ctx, source) };
  }
  if (source.kind === 'expiry')
    return { supplierId: source.supplierId, kind: source.kind, lines: proposeExpiryLines(ctx, source) };
  const cut = getPriceCut(ctx, source.priceChangeId, 'source.priceChangeId');
  return { supplierId: cut.supplierId, kind: source.kind, lines: proposePriceProtection(ctx, cut.id) };
}

const period = (s: ClaimSource) =>
  s.kind === 'scheme' ? { periodFrom: s.from, periodTo: s.to } : s.kind === 'expiry' ? { periodTo: s.asOf } : {};

/**
 * Opens a draft from a builder's proposal, worked out again now (never the caller's figures), keeping the sources
 * the user kept at review. A kept source no longer proposed (claimed meanwhile) is named, and nothing is written.
 */
export function draftFromProposal(
  ctx: EngineContext,
  input: { source: ClaimSource; keep: { sourceKind: string; sourceId: number | null }[]; notes: string },
) {
  const proposal = proposeClaim(ctx, input.source);
  const key = (l: { sourceKind: string; sourceId: number | null }) => `${l.sourceKind}#${l.sourceId}`;
  const byKey = new Map<string, ProposedLine>(proposal.lines.map((l) => [key(l), l]));
  const lines = input.keep.map((k, i) => {
    const line = byKey.get(key(k));
    if (!line) throw invalid('This line is no longer open to claim (claimed already, or gone)', `keep.${i}`);
    return line;
  });
  const cut = input.source.kind === 'price_protection' ? getPriceCut(ctx, input.source.priceChangeId) : null;
  const { id } = draftClaim(ctx, {
    ...{ supplierId: proposal.supplierId, kind: proposal.kind, notes: input.notes, lines },
    ...(cut ? { periodFrom: cut.effectiveOn, periodTo: cut.effectiveOn } : period(input.source)),
  });
  return getClaim(ctx, id);
}
