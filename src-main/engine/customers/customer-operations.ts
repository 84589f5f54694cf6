import type { customerOperations } from '../../../src-shared/contract/customers';
import type { HandlerTable } from '../../api/handler-types';
import { createCustomer, getCustomer, updateCustomer } from './customer-service';
import { createCustomerType, listCustomerTypes, updateCustomerType } from './customer-types';
import { importCustomers } from '../imports/start-import';
import { listCustomers } from './list-customers';
import type { EngineContext } from '../context';
import { pendingCustomerRequest } from '../approvals/customer-approval';

const withPendingApproval = <C extends { id: number }>(ctx: EngineContext, c: C) => ({
  ...c,
  pendingApproval: pendingCustomerRequest(ctx, c.id),
});

/** The customer master and customer types. Joined with the other parts in api/handlers.ts. */
export const customerHandlers: HandlerTable<keyof typeof customerOperations> = {
  'customers.list': (input, ctx) => listCustomers(ctx, input),
  'customers.get': (input, ctx) => withPendingApproval(ctx, getCustomer(ctx, input.id)),
  'customers.create': (input, ctx) => withPendingApproval(ctx, createCustomer(ctx, input)),
  'customers.update': (input, ctx) => withPendingApproval(ctx, updateCustomer(ctx, input)),
  'customers.import': (input, ctx) => importCustomers(ctx, input.csv, input.mode),
  'customerTypes.list': (_, ctx) => listCustomerTypes(ctx),
  'customerTypes.create': (input, ctx) => createCustomerType(ctx, input),
  'customerTypes.update': (input, ctx) => updateCustomerType(ctx, input),
};
