import { z } from 'zod';
import { operation } from './define';
import { code, email, gstin, id, phone, requiredText, stateCode, text } from './common';

export const supplierFields = z.object({
  code: code('Supplier code'),
  name: requiredText('Name', 120),
  gstin,
  stateCode,
  address: text(300),
  phone,
  email,
  paymentTermsDays: z.int('Payment terms must be whole days').min(0).max(365).default(0),
  leadTimeDays: z.int('Lead time must be whole days').min(0).max(365).default(7),
  /** the distributor deducts TDS under section 194Q on this supplier's purchases */
  tds194q: z.boolean().default(false),
  active: z.boolean().default(true),
});
export const supplier = supplierFields.extend({ id, version: z.int() });
export type Supplier = z.output<typeof supplier>;

export const purchasingOperations = {
  'suppliers.list': operation({
    summary: 'Suppliers (the brand and other principals), active first, by name.',
    access: 'purchasing.read',
    kind: 'read',
    input: z.object({ includeInactive: z.boolean().default(true) }),
    output: z.array(supplier),
  }),
  'suppliers.get': operation({
    summary: 'One supplier.',
    access: 'purchasing.read',
    kind: 'read',
    input: z.object({ id }),
    output: supplier,
  }),
  'suppliers.create': operation({
    summary: 'Adds a supplier; the code must be unique and the GSTIN, if given, must belong to the state.',
    access: 'purchasing.write',
    kind: 'write',
    input: supplierFields,
    output: supplier,
  }),
  'suppliers.update': operation({
    summary: 'Changes a supplier; `version` must be the one read.',
    access: 'purchasing.write',
    kind: 'write',
    input: supplierFields.extend({ id, version: z.int() }),
    output: supplier,
  }),
};
