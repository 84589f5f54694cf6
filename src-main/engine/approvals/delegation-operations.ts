import type { approvalTimeOperations } from '../../../src-shared/contract/approval-time';
import type { HandlerTable } from '../../api/handler-types';
import { addDelegation, endDelegation, listDelegations, substituteCandidates } from './delegation-service';

type DelegationOperation = Extract<keyof typeof approvalTimeOperations, `delegations.${string}`>;

/** Approvers' substitutes while away. Joined with the other parts in api/handlers.ts. */
export const delegationHandlers: HandlerTable<DelegationOperation> = {
  'delegations.list': (_, ctx) => listDelegations(ctx),
  'delegations.substitutes': (_, ctx) => substituteCandidates(ctx),
  'delegations.add': (input, ctx) => addDelegation(ctx, input),
  'delegations.end': (input, ctx) => endDelegation(ctx, input.id),
};
