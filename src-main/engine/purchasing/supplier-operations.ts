import type { purchasingOperations } from '../../../src-shared/contract/purchasing';
import type { HandlerTable } from '../../api/handler-types';
import { createSupplier, getSupplier, listSuppliers, updateSupplier } from './supplier-service';

/** The supplier master's operations, bound next to their engine code and joined into the one handler table. */
export const supplierHandlers: HandlerTable<keyof typeof purchasingOperations> = {
  'suppliers.list': (input, ctx) => listSuppliers(ctx, input.includeInactive),
  'suppliers.get': (input, ctx) => getSupplier(ctx, input.id),
  'suppliers.create': (input, ctx) => createSupplier(ctx, input),
  'suppliers.update': (input, ctx) => updateSupplier(ctx, input),
};
