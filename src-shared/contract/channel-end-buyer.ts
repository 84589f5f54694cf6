import { z } from 'zod';
import { operation } from './define';
import { id, isoDate, money, requiredText, text } from './common';

/** One product on an end-buyer agreement; money in paise per base unit. */
export const agreementLineFields = z.object({
  productId: id,
  /** what the end buyer pays, before tax */
  specialPrice: money('Special price').refine((v) => v > 0, 'Special price must be more than zero'),
  /** the brand's purchase rate to the distributor: the cost its support is counted from */
  listCost: money('Brand rate'),
  /** the net cost the brand agreed for this deal; the claim per unit is listCost − agreedCost */
  agreedCost: money('Agreed cost'),
  /** base units the brand supports in all; null = no cap */
  quantityCap: z.int('Cap must be whole base units').positive('Cap must be more than zero').nullable().default(null),
});

export const agreementFields = z.object({
  supplierId: id,
  endBuyerId: id,
  number: requiredText('Agreement number', 40),
  validFrom: isoDate,
  validTo: isoDate,
  /** selling customers allowed (a retailer serving the hospital); [] = any */
  soldToIds: z.array(id).max(200).default([]),
  active: z.boolean().default(true),
  notes: text(500),
  lines: z.array(agreementLineFields).min(1, 'Add at least one product').max(500),
});
export type AgreementFieldsInput = z.input<typeof agreementFields>;

export const agreementLine = agreementLineFields.extend({
  id,
  sku: z.string(),
  productName: z.string(),
  claimPerUnit: z.int(),
  /** net base units sold under the line (invoiced less returned) */
  accruedQuantity: z.int(),
});

export const agreement = agreementFields.extend({
  id,
  version: z.int(),
  supplierName: z.string(),
  endBuyerName: z.string(),
  lines: z.array(agreementLine),
});
export type Agreement = z.output<typeof agreement>;

export const agreementSummary = z.object({
  id,
  number: z.string(),
  supplierId: id,
  supplierName: z.string(),
  endBuyerId: id,
  endBuyerName: z.string(),
  validFrom: z.string(),
  validTo: z.string(),
  active: z.boolean(),
  products: z.int(),
  /** paise, net of reversals */
  accrued: z.int(),
});

export const accrualReportInput = z.object({
  supplierId: id.nullable().default(null),
  from: isoDate,
  to: isoDate,
});

export const accrualReportRow = z.object({
  agreementId: id,
  number: z.string(),
  supplierName: z.string(),
  endBuyerName: z.string(),
  sku: z.string(),
  productName: z.string(),
  quantity: z.int(),
  accrued: z.int(),
  claimed: z.int(),
  settled: z.int(),
  unclaimed: z.int(),
});

export const endBuyerOperations = {
  'endBuyerAgreements.list': operation({
    summary: 'End-buyer (ship-and-debit) agreements, newest validity first, with what each has accrued.',
    access: 'pricing.read',
    kind: 'read',
    input: z.object({ includeInactive: z.boolean().default(true) }),
    output: z.array(agreementSummary),
  }),
  'endBuyerAgreements.get': operation({
    summary: 'One agreement with its products, claim per unit and quantity sold under each.',
    access: 'pricing.read',
    kind: 'read',
    input: z.object({ id }),
    output: agreement,
  }),
  'endBuyerAgreements.create': operation({
    summary: 'Records the brand’s authorisation for an end buyer: number unique per brand, products once each.',
    access: 'pricing.write',
    kind: 'write',
    input: agreementFields,
    output: agreement,
  }),
  'endBuyerAgreements.update': operation({
    summary: 'Changes an agreement; `version` must be the one read. A product already sold under it cannot be removed.',
    access: 'pricing.write',
    kind: 'write',
    input: agreementFields.extend({ id, version: z.int() }),
    output: agreement,
  }),
  'shipAndDebit.raiseClaim': operation({
    summary:
      'Drafts one ship-and-debit claim on the brand for its unclaimed accruals in the period, a line per agreement product (net of returns); nothing to claim answers claimId null.',
    access: 'purchasing.write',
    kind: 'write',
    idempotent: true,
    input: z.object({ supplierId: id, from: isoDate, to: isoDate }),
    output: z.object({ claimId: id.nullable(), amount: z.int(), lines: z.int() }),
  }),
  'shipAndDebit.report': operation({
    summary: 'Ship-and-debit accruals by agreement, end buyer and product: accrued, claimed, settled, unclaimed.',
    access: 'purchasing.read',
    kind: 'read',
    input: accrualReportInput,
    output: z.array(accrualReportRow),
  }),
  'shipAndDebit.export': operation({
    summary: 'The ship-and-debit accrual report as CSV or XLSX (base64).',
    access: 'purchasing.read',
    kind: 'read',
    runs: 'worker',
    input: accrualReportInput.extend({ format: z.enum(['csv', 'xlsx']) }),
    output: z.object({ filename: z.string(), mime: z.string(), base64: z.string() }),
  }),
};
