import type { claimOperations } from '../../../../src-shared/contract/channel-claims';
import type { HandlerTable } from '../../../api/handler-types';
import { answerClaim, settleClaim } from './answer-claim';
import { deleteDraftClaim, fileClaim, updateDraftClaim } from './claim-life';
import { attachEvidence, evidenceFile } from './claim-evidence';
import { getClaim, listClaims } from './claim-view';
import { exportClaimsRegister } from './claims-register';
import { listPriceChanges, recordPriceChange } from './price-changes';
import { draftFromProposal, proposeClaim } from './propose-claim';

/** Claims on the brand: their life, evidence, builders and register, joined into the one handler table. */
export const claimHandlers: HandlerTable<keyof typeof claimOperations> = {
  'claims.list': (input, ctx) => listClaims(ctx, input),
  'claims.get': (input, ctx) => getClaim(ctx, input.id),
  'claims.propose': (input, ctx) => proposeClaim(ctx, input.source),
  'claims.draft': (input, ctx) => draftFromProposal(ctx, input),
  'claims.updateDraft': (input, ctx) => updateDraftClaim(ctx, input),
  'claims.deleteDraft': (input, ctx) => deleteDraftClaim(ctx, input),
  'claims.file': (input, ctx) => fileClaim(ctx, input),
  'claims.answer': (input, ctx) => answerClaim(ctx, input),
  'claims.settle': (input, ctx) => settleClaim(ctx, input),
  'claims.attachEvidence': (input, ctx) => attachEvidence(ctx, input),
  'claims.evidenceFile': (input, ctx) => evidenceFile(ctx, input.id),
  'claims.export': (input, ctx) => exportClaimsRegister(ctx, input),
  'priceChanges.list': (input, ctx) => listPriceChanges(ctx, input.supplierId),
  'priceChanges.record': (input, ctx) => recordPriceChange(ctx, input),
};
