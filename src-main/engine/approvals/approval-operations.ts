import type { approvalOperations } from '../../../src-shared/contract/approvals';
import type { HandlerTable } from '../../api/handler-types';
import { approvalsForCaller, orderForCaller } from '../margin/hide-cost';
import { getOrderDetail } from '../orders/order-store';
import { decideRequest, loadRequest } from './decide-approval';
import { getApproval, listApprovals } from './list-approvals';
import { listPolicies, savePolicy } from './policy-store';

/** Approval requests, decisions and policies. Joined with the other parts in api/handlers.ts. */
export const approvalHandlers: HandlerTable<keyof typeof approvalOperations> = {
  'approvals.list': (input, ctx) => approvalsForCaller(ctx, listApprovals(ctx, input.status)),
  'approvals.get': (input, ctx) => approvalsForCaller(ctx, [getApproval(ctx, input.id)])[0]!,
  'approvals.decide': (input, ctx) => {
    decideRequest(ctx, input);
    const { orderId } = loadRequest(ctx, input.id);
    return {
      request: approvalsForCaller(ctx, [getApproval(ctx, input.id)])[0]!,
      order: orderId === null ? null : orderForCaller(ctx, getOrderDetail(ctx, orderId)),
    };
  },
  'approvalPolicies.list': (input, ctx) => listPolicies(ctx, input.subject),
  'approvalPolicies.save': (input, ctx) => savePolicy(ctx, input),
};
