import type { customerOperations } from '../../../src-shared/contract/customers';
import type { HandlerTable } from '../../api/handler-types';
import { createCustomer, getCustomer, updateCustomer } from './customer-service';
import { createCustomerType, listCustomerTypes, updateCustomerType } from './customer-types';
import { importCustomers } from '../imports/start-import';
import { listCustomers } from './list-customers';

/** The customer master and customer types. Joined with the other parts in api/handlers.ts. */
export const customerHandlers: HandlerTable<keyof typeof customerOperations> = {
  'customers.list': (input, ctx) => listCustomers(ctx, input),
  'customers.get': (input, ctx) => getCustomer(ctx, input.id),
  'customers.create': (input, ctx) => createCustomer(ctx, input),
  'customers.update': (input, ctx) => updateCustomer(ctx, input),
  'customers.import': (input, ctx) => importCustomers(ctx, input.csv, input.mode),
  'customerTypes.list': (_, ctx) => listCustomerTypes(ctx),
  'customerTypes.create': (input, ctx) => createCustomerType(ctx, input),
  'customerTypes.update': (input, ctx) => updateCustomerType(ctx, input),
};
