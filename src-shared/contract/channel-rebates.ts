import { z } from 'zod';
import { operation } from './define';
import { code, id, isoDate, requiredText, text } from './common';
import { reportResult } from './reports';

const whole = (label: string) =>
  z.int(`${label} must be a whole number`).min(0, `${label} cannot be negative`).max(1e14, `${label} is too large`);

export const rebateTier = z.object({
  /** paise of taxable value (value basis) or base units (volume basis) */
  threshold: whole('Threshold'),
  /** basis points of taxable value, or paise per base unit */
  rate: whole('Rate').refine((v) => v > 0, 'Rate must be more than 0'),
});

export const rebateAgreementFields = z
  .object({
    id: id.nullable().default(null),
    version: z.int().nullable().default(null),
    code: code('Code'),
    name: requiredText('Name', 120),
    /** one customer (its outlets' purchases count toward its tiers), or every customer of a type */
    customerId: id.nullable().default(null),
    customerType: z.string().trim().max(40).nullable().default(null),
    periodFrom: isoDate,
    periodTo: isoDate,
    basis: z.enum(['value', 'volume']),
    rateKind: z.enum(['bps', 'per_unit']),
    method: z.enum(['retroactive', 'incremental']),
    productId: id.nullable().default(null),
    brand: text(60),
    /** the brand (supplier) funding it: settlement raises a claim on it */
    fundedBy: id.nullable().default(null),
    tiers: z.array(rebateTier).min(1, 'Add at least one tier').max(20),
  })
  .superRefine((v, ctx) => {
    if ((v.customerId === null) === (v.customerType === null || v.customerType === ''))
      ctx.addIssue({ code: 'custom', path: ['customerId'], message: 'Choose a customer or a customer type (one)' });
  });

export const rebateAgreement = z.object({
  id,
  code: z.string(),
  name: z.string(),
  customerId: id.nullable(),
  customerName: z.string().nullable(),
  customerType: z.string().nullable(),
  periodFrom: z.string(),
  periodTo: z.string(),
  basis: z.enum(['value', 'volume']),
  rateKind: z.enum(['bps', 'per_unit']),
  method: z.enum(['retroactive', 'incremental']),
  productId: id.nullable(),
  brand: z.string(),
  fundedBy: id.nullable(),
  fundedByName: z.string().nullable(),
  status: z.enum(['active', 'settled']),
  version: z.int(),
  tiers: z.array(z.object({ threshold: z.int(), rate: z.int() })),
  /** paise: what stands accrued now (all customers), and what settlement credited */
  accrued: z.int(),
  settled: z.int(),
});
export type RebateAgreementOut = z.output<typeof rebateAgreement>;

const trueUp = z.object({
  agreementId: id,
  customerId: id,
  accruedBefore: z.int(),
  accrued: z.int(),
  amount: z.int(),
  explanation: z.string(),
});

const settlement = z.object({
  id,
  customerId: id,
  earned: z.int(),
  accrued: z.int(),
  difference: z.int(),
  rate: z.int(),
  creditNotes: z.array(z.object({ id, number: z.string(), total: z.int() })),
  claimId: id.nullable(),
  explanation: z.string(),
});

const fileOut = z.object({ filename: z.string(), mime: z.string(), base64: z.string() });
const channelReport = z.enum(['accrued_vs_settled', 'liabilities']);

export const allowanceFields = z
  .object({
    customerId: id.nullable().default(null),
    customerType: z.string().trim().max(40).nullable().default(null),
    allowanceBps: z.int('Allowance must be whole basis points').min(1, 'Allowance must be more than 0').max(10_000),
    periodFrom: isoDate,
    periodTo: isoDate,
  })
  .superRefine((v, ctx) => {
    if ((v.customerId === null) === (v.customerType === null || v.customerType === ''))
      ctx.addIssue({ code: 'custom', path: ['customerId'], message: 'Choose a customer or a customer type (one)' });
  });

export const channelRebateOperations = {
  'rebates.list': operation({
    summary: 'Rebate agreements with their tiers, what stands accrued and what was settled, newest period first.',
    access: 'billing.read',
    kind: 'read',
    input: z.object({}),
    output: z.array(rebateAgreement),
  }),
  'rebates.save': operation({
    summary:
      'Creates or changes a rebate agreement (customer or customer type, period, value or volume basis, product/brand filter, tiers, retroactive or incremental, funded by a brand). Terms are fixed once anything is accrued.',
    access: 'pricing.write',
    kind: 'write',
    input: rebateAgreementFields,
    output: rebateAgreement,
  }),
  'rebates.reestimate': operation({
    summary:
      'Re-projects the tier of running agreements (all, or one) from what was achieved so far and books each true-up so accrued = projected tier × achieved. The scheduler runs it daily.',
    access: 'billing.write',
    kind: 'write',
    input: z.object({ id: id.nullable().default(null) }),
    output: z.array(trueUp),
  }),
  'rebates.settle': operation({
    summary:
      'After the period: a rebate credit note per invoice (taxable value with GST) at the actual tier, the accrual released, the difference booked; a brand-funded rebate drafts a claim on the brand.',
    access: 'billing.write',
    kind: 'write',
    idempotent: true,
    input: z.object({ id }),
    output: z.array(settlement),
  }),
  'rebates.report': operation({
    summary:
      'Accrued vs settled per agreement and customer, or liabilities (rebate accruals and stock rotation allowances outstanding) per customer or brand aged 0-30/31-60/61-90/>90 days.',
    access: 'billing.read',
    kind: 'read',
    input: z.object({ report: channelReport, groupBy: z.enum(['customer', 'brand']).default('customer') }),
    output: reportResult,
  }),
  'rebates.export': operation({
    summary: 'The accrued vs settled or liabilities report as CSV or XLSX (base64).',
    access: 'billing.read',
    kind: 'read',
    input: z.object({
      report: channelReport,
      groupBy: z.enum(['customer', 'brand']).default('customer'),
      format: z.enum(['csv', 'xlsx']),
    }),
    output: fileOut,
  }),
  'allowances.save': operation({
    summary: 'A stock rotation allowance: a customer (or type) may return slow stock up to a % of its purchases.',
    access: 'pricing.write',
    kind: 'write',
    input: allowanceFields,
    output: z.object({ id }),
  }),
  'allowances.rotationReturn': operation({
    summary:
      'A stock rotation return within the allowance: the goods come back through a return credit note; over the allowance it is refused with the figures.',
    access: 'billing.write',
    kind: 'write',
    idempotent: true,
    input: z.object({
      invoiceId: id,
      reason: requiredText('Reason', 200),
      lines: z
        .array(z.object({ invoiceLineId: id, quantity: z.int().positive('Quantity must be more than 0') }))
        .min(1, 'Add at least one line'),
    }),
    output: z.object({ creditNoteId: id, number: z.string(), value: z.int(), left: z.int() }),
  }),
};
