import { z } from 'zod';
import { operation } from './define';
import { code, id, idInput, isoDate, money, ok, requiredText, text } from './common';
import { schemeEligibility, schemeRule } from './scheme-rules';

export const priceScopes = ['end_buyer', 'customer', 'type_geography', 'type', 'geography'] as const;

export const priceListInput = z
  .object({
    name: requiredText('Name', 80),
    scope: z.enum(priceScopes, `Scope must be one of ${priceScopes.join(', ')}`),
    customerId: id.nullable().default(null),
    customerType: text(30),
    stateCode: text(2),
    district: text(80),
    area: text(80),
    endBuyer: text(120),
    validFrom: isoDate.nullable().default(null),
    validTo: isoDate.nullable().default(null),
    taxInclusive: z.boolean().default(false),
    items: z
      .array(
        z.object({
          productId: id,
          minQuantity: z.int().min(1, 'A slab starts at 1 or more').default(1),
          price: money('Price').refine((p) => p > 0, 'Price must be more than zero'),
        }),
      )
      .min(1, 'Add at least one product price')
      .max(50_000),
  })
  .superRefine((l, ctx) => {
    const need = (field: 'customerId' | 'customerType' | 'stateCode' | 'endBuyer', message: string) => {
      if (!l[field]) ctx.addIssue({ code: 'custom', path: [field], message });
    };
    if (l.scope === 'customer') need('customerId', 'A customer price list names the customer');
    if (l.scope === 'end_buyer') need('endBuyer', 'An end-buyer price list names the end buyer');
    if (l.scope === 'type' || l.scope === 'type_geography') need('customerType', 'Choose the customer type');
    if (l.scope === 'geography' || l.scope === 'type_geography') need('stateCode', 'Choose at least the state');
    if (l.validFrom && l.validTo && l.validTo < l.validFrom)
      ctx.addIssue({ code: 'custom', path: ['validTo'], message: 'Valid to is before valid from' });
    const seen = new Set<string>();
    l.items.forEach((item, i) => {
      const key = `${item.productId}:${item.minQuantity}`;
      if (seen.has(key))
        ctx.addIssue({
          code: 'custom',
          path: ['items', i, 'minQuantity'],
          message: 'The same product and slab appear twice',
        });
      seen.add(key);
    });
  });

export const schemeInput = z
  .object({
    code: code('Scheme code'),
    name: requiredText('Name', 80),
    rule: schemeRule,
    eligibility: schemeEligibility.default({ customerIds: [], customerTypes: [], stateCodes: [], districts: [] }),
    validFrom: isoDate.nullable().default(null),
    validTo: isoDate.nullable().default(null),
    priority: z.int().min(0).max(10_000).default(100),
    exclusive: z.boolean().default(false),
    budgetCap: money('Budget').nullable().default(null),
    /** the brand (supplier) that funds the benefit and repays it on a scheme claim; null: the distributor's own */
    fundedBySupplierId: id.nullable().default(null),
  })
  .refine((s) => !s.validFrom || !s.validTo || s.validTo >= s.validFrom, {
    message: 'Valid to is before valid from',
    path: ['validTo'],
  });

export const pricingOperations = {
  'priceLists.list': operation({
    summary: 'Price lists with whom they apply to and their validity.',
    access: 'pricing.read',
    kind: 'read',
    input: z.object({}),
    output: z.array(
      z.object({
        id,
        name: z.string(),
        scope: z.string(),
        appliesTo: z.string(),
        validFrom: z.string().nullable(),
        validTo: z.string().nullable(),
        taxInclusive: z.boolean(),
        active: z.boolean(),
        items: z.int(),
      }),
    ),
  }),
  'priceLists.create': operation({
    summary: 'Adds a price list with its product prices and quantity slabs.',
    access: 'pricing.write',
    kind: 'write',
    input: priceListInput,
    output: z.object({ id }),
  }),
  'priceLists.setActive': operation({
    summary: 'Switches a price list on or off.',
    access: 'pricing.write',
    kind: 'write',
    input: z.object({ id, active: z.boolean() }),
    output: ok,
  }),
  'schemes.list': operation({
    summary: 'Schemes with their rule in words, validity, budget used and status.',
    access: 'pricing.read',
    kind: 'read',
    input: z.object({}),
    output: z.array(
      z.object({
        id,
        code: z.string(),
        name: z.string(),
        kind: z.string(),
        summary: z.string(),
        validFrom: z.string().nullable(),
        validTo: z.string().nullable(),
        priority: z.int(),
        exclusive: z.boolean(),
        budgetCap: z.int().nullable(),
        budgetUsed: z.int(),
        fundedBySupplierId: z.int().nullable(),
        active: z.boolean(),
      }),
    ),
  }),
  'schemes.create': operation({
    summary: 'Adds a value, volume or free-goods scheme.',
    access: 'pricing.write',
    kind: 'write',
    input: schemeInput,
    output: z.object({ id }),
  }),
  'schemes.setActive': operation({
    summary: 'Switches a scheme on or off.',
    access: 'pricing.write',
    kind: 'write',
    input: z.object({ id, active: z.boolean() }),
    output: ok,
  }),
  'schemes.get': operation({
    summary: 'One scheme as entered.',
    access: 'pricing.read',
    kind: 'read',
    input: idInput,
    output: schemeInput.and(z.object({ id, budgetUsed: z.int(), active: z.boolean() })),
  }),
};
