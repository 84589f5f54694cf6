import type { channelRebateOperations } from '../../../../src-shared/contract/channel-rebates';
import type { HandlerTable } from '../../../api/handler-types';
import { listRebateAgreements, saveRebateAgreement } from './rebate-agreements';
import { exportRebateReport, rebateReport } from './rebate-reports';
import { reestimateRebates } from './reestimate-rebates';
import { rotationReturn, saveAllowance } from './rotation-allowance';
import { settleRebateAgreement } from './settle-rebate';

/** Rebate agreements, their re-estimate and settlement, rotation allowances and the channel liabilities. */
export const rebateHandlers: HandlerTable<keyof typeof channelRebateOperations> = {
  'rebates.list': (_, ctx) => listRebateAgreements(ctx),
  'rebates.save': (input, ctx) => saveRebateAgreement(ctx, input),
  'rebates.reestimate': (input, ctx) => reestimateRebates(ctx, ctx.now(), input.id),
  'rebates.settle': (input, ctx) => settleRebateAgreement(ctx, input),
  'rebates.report': (input, ctx) => rebateReport(ctx, input),
  'rebates.export': (input, ctx) => exportRebateReport(ctx, input),
  'allowances.save': (input, ctx) => saveAllowance(ctx, input),
  'allowances.rotationReturn': (input, ctx) => rotationReturn(ctx, input),
};
