import { z } from 'zod';
import { customerPartyDefaults } from './order-parties';
import { operation } from './define';
import {
  address,
  code,
  email,
  gstin,
  id,
  idInput,
  importInput,
  isoDate,
  importResult,
  money,
  keysetOutput,
  keysetPage,
  page,
  phone,
  requiredText,
  text,
} from './common';

export const customerStatuses = ['active', 'on_hold', 'blocked'] as const;
export const customerStatus = z.enum(customerStatuses, 'Status must be active, on_hold or blocked');
export const creditPolicy = z.enum(['block', 'warn', 'approval'], 'Credit policy must be block, warn or approval');

/** Drug licence numbers (20B general, 21B Schedule C/C1) with their common expiry, and FSSAI. */
export const customerLicences = z
  .object({
    drugLicence20b: text(40),
    drugLicence21b: text(40),
    drugLicenceExpiry: isoDate.nullable().default(null),
    fssaiLicence: z
      .string()
      .trim()
      .refine((v) => v === '' || /^\d{14}$/.test(v), { message: 'An FSSAI number is 14 digits' })
      .default(''),
    fssaiExpiry: isoDate.nullable().default(null),
  })
  .superRefine((l, ctx) => {
    if ((l.drugLicence20b || l.drugLicence21b) && !l.drugLicenceExpiry)
      ctx.addIssue({ code: 'custom', path: ['drugLicenceExpiry'], message: 'Give the drug licence expiry date' });
    if (l.fssaiLicence && !l.fssaiExpiry)
      ctx.addIssue({ code: 'custom', path: ['fssaiExpiry'], message: 'Give the FSSAI licence expiry date' });
  });
export type CustomerLicences = z.output<typeof customerLicences>;
export const noLicences: CustomerLicences = {
  drugLicence20b: '',
  drugLicence21b: '',
  drugLicenceExpiry: null,
  fssaiLicence: '',
  fssaiExpiry: null,
};

export const customerFields = z.object({
  code: code('Customer code'),
  name: requiredText('Name', 120),
  type: requiredText('Customer type', 30),
  parentId: id.nullable().default(null),
  phone,
  email,
  gstin,
  billTo: address,
  /** null: goods go to the bill-to address. */
  shipTo: address.nullable().default(null),
  /** default bill-to, ship-to and payer of its orders (customer ids); null: the customer itself */
  ...customerPartyDefaults,
  route: text(40),
  creditLimit: money('Credit limit').default(0),
  paymentTermsDays: z
    .int('Payment terms must be whole days')
    .min(0, 'Payment terms cannot be negative')
    .max(365, 'Payment terms must be at most 365 days')
    .default(0),
  status: customerStatus.default('active'),
  assignedUserIds: z.array(id).max(50).default([]),
  /** null: as the customer type says */
  creditPolicy: creditPolicy.nullable().default(null),
  overdueBlockDays: z.int().min(0, 'Days cannot be negative').max(365).nullable().default(null),
  minShelfLifeDays: z.int().min(0, 'Days cannot be negative').max(3650).nullable().default(null),
  /** null: the order-taker's own default warehouse */
  defaultWarehouseId: id.nullable().default(null),
  licences: customerLicences.default(noLicences),
});
export type CustomerFields = z.input<typeof customerFields>;

export const customer = customerFields.extend({
  id,
  parentName: z.string().nullable(),
  version: z.int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** a new customer or a change of terms waiting for approval: the form shows it; the old terms apply meanwhile */
  pendingApproval: z
    .object({
      id,
      kind: z.enum(['customer', 'customer_terms']),
      text: z.string(),
      requestedAt: z.string(),
      requestedBy: z.string(),
    })
    .nullable()
    .optional(),
});
export type Customer = z.output<typeof customer>;

export const customerRow = z.object({
  id,
  code: z.string(),
  name: z.string(),
  type: z.string(),
  city: z.string(),
  district: z.string(),
  stateCode: z.string(),
  route: z.string(),
  phone: z.string(),
  gstin: z.string(),
  parentName: z.string().nullable(),
  creditLimit: z.int(),
  paymentTermsDays: z.int(),
  status: customerStatus,
});
export type CustomerRow = z.output<typeof customerRow>;

const typeRules = {
  creditPolicy: creditPolicy.default('approval'),
  overdueBlockDays: z.int().min(0, 'Days cannot be negative').max(365).nullable().default(null),
  minShelfLifeDays: z.int().min(0, 'Days cannot be negative').max(3650).default(0),
};
export const customerType = z.object({
  code: z.string(),
  name: z.string(),
  parentTypes: z.array(z.string()),
  ...typeRules,
});

export const customerOperations = {
  'customers.list': operation({
    summary:
      'Customers matching a search and filters, one page at a time, with the total count. Page on with `after: next` (or back with `before: prev`); `offset` jumps to a row position.',
    access: 'customers.read',
    kind: 'read',
    input: z.object({
      ...page,
      type: z.string().trim().default(''),
      status: customerStatus.or(z.literal('')).default(''),
      stateCode: z.string().trim().default(''),
      city: z.string().trim().default(''),
      assignedUserId: id.nullable().default(null),
      sort: z.enum(['code', 'name', 'type', 'city', 'creditLimit', 'status']).default('name'),
      ...keysetPage,
    }),
    output: z.object({ rows: z.array(customerRow), total: z.int(), ...keysetOutput }),
  }),
  'customers.get': operation({
    summary:
      'One customer with addresses, credit terms and assigned users, and the approval it waits for (a new customer a sales clerk created, or a raised limit or changed terms).',
    access: 'customers.read',
    kind: 'read',
    input: idInput,
    output: customer,
  }),
  'customers.create': operation({
    summary: 'Adds a customer. The code must be unique; a GSTIN must match the bill-to state.',
    access: 'customers.write',
    kind: 'write',
    input: customerFields,
    output: customer,
  }),
  'customers.update': operation({
    summary: 'Changes a customer. `version` must be the one read, so two clerks cannot overwrite each other.',
    access: 'customers.write',
    kind: 'write',
    input: customerFields.extend({ id, version: z.int() }),
    output: customer,
  }),
  'customers.import': operation({
    summary:
      'Imports customers from CSV. `preview` checks only; `all-or-nothing` writes only if every row is valid; `valid-rows` skips bad rows.',
    access: 'customers.write',
    kind: 'write',
    input: importInput,
    output: importResult,
  }),
  'customerTypes.list': operation({
    summary: 'The configured customer types (distributor, super stockist, retailer, …).',
    access: 'customers.read',
    kind: 'read',
    input: z.object({}),
    output: z.array(customerType),
  }),
  'customerTypes.create': operation({
    summary: 'Adds a customer type; `parentTypes` says which types it may be mapped under.',
    access: 'customers.write',
    kind: 'write',
    input: z.object({
      code: code('Type code').transform((v) => v.toLowerCase()),
      name: requiredText('Type name', 40),
      parentTypes: z.array(z.string().trim()).default([]),
      ...typeRules,
    }),
    output: customerType,
  }),
  'customerTypes.update': operation({
    summary: 'Changes a customer type’s name and rules: credit policy, overdue block, minimum shelf life.',
    access: 'customers.write',
    kind: 'write',
    input: z.object({
      code: z.string().trim().min(1),
      name: requiredText('Type name', 40),
      parentTypes: z.array(z.string().trim()).default([]),
      ...typeRules,
    }),
    output: customerType,
  }),
};
