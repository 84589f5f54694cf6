import { z } from 'zod';
import { operation } from './define';
import { address, code, id, requiredText } from './common';

export const warehouseFields = z.object({
  code: code('Warehouse code'),
  name: requiredText('Name', 80),
  address,
  active: z.boolean().default(true),
});
export const warehouse = warehouseFields.extend({ id, version: z.int() });
export type Warehouse = z.output<typeof warehouse>;

export const warehouseOperations = {
  'warehouses.list': operation({
    summary: 'All warehouses, active first.',
    access: 'warehouses.read',
    kind: 'read',
    input: z.object({ includeInactive: z.boolean().default(true) }),
    output: z.array(warehouse),
  }),
  'warehouses.create': operation({
    summary: 'Adds a warehouse; the code must be unique.',
    access: 'warehouses.write',
    kind: 'write',
    input: warehouseFields,
    output: warehouse,
  }),
  'warehouses.update': operation({
    summary: 'Changes a warehouse; `version` must be the one read.',
    access: 'warehouses.write',
    kind: 'write',
    input: warehouseFields.extend({ id, version: z.int() }),
    output: warehouse,
  }),
};
