import type { endBuyerOperations } from '../../../../src-shared/contract/channel-end-buyer';
import type { HandlerTable } from '../../../api/handler-types';
import { accrualReport, exportAccruals } from './accrual-report';
import { createAgreement, getAgreement, listAgreements, updateAgreement } from './agreement-service';
import { raiseShipAndDebitClaim } from './raise-claim';

/** End-buyer (ship-and-debit) agreements, their claim and report, bound next to their engine code. */
export const endBuyerHandlers: HandlerTable<keyof typeof endBuyerOperations> = {
  'endBuyerAgreements.list': (input, ctx) => listAgreements(ctx, input.includeInactive),
  'endBuyerAgreements.get': (input, ctx) => getAgreement(ctx, input.id),
  'endBuyerAgreements.create': (input, ctx) => createAgreement(ctx, input),
  'endBuyerAgreements.update': (input, ctx) => updateAgreement(ctx, input),
  'shipAndDebit.raiseClaim': (input, ctx) => raiseShipAndDebitClaim(ctx, input),
  'shipAndDebit.report': (input, ctx) => accrualReport(ctx, input),
  'shipAndDebit.export': (input, ctx) => exportAccruals(ctx, input),
};
