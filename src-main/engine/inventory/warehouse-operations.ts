import type { warehouseOperations } from '../../../src-shared/contract/warehouses';
import type { HandlerTable } from '../../api/handler-types';
import { createWarehouse, listWarehouses, updateWarehouse } from './warehouse-service';

/** The warehouse master. Joined with the other parts in api/handlers.ts. */
export const warehouseHandlers: HandlerTable<keyof typeof warehouseOperations> = {
  'warehouses.list': (input, ctx) => listWarehouses(ctx, input.includeInactive),
  'warehouses.create': (input, ctx) => createWarehouse(ctx, input),
  'warehouses.update': (input, ctx) => updateWarehouse(ctx, input),
};
