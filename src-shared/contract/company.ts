import { z } from 'zod';
import { marginPolicies } from './margin';
import { operation } from './define';
import { DEFAULT_TIME_ZONE, isTimeZone } from '../dates';
import { email, gstin, phone, requiredText, stateCode, text, pincode } from './common';

export const invoiceFlows = ['with_delivery_note', 'before_dispatch'] as const;
export type InvoiceFlow = (typeof invoiceFlows)[number];

export const companyFields = z.object({
  name: requiredText('Company name', 120),
  addressLine1: text(120),
  addressLine2: text(120),
  city: text(80),
  stateCode,
  pincode,
  gstin,
  phone,
  email,
  currency: z
    .string()
    .trim()
    .regex(/^[A-Z]{3}$/, 'Currency must be a 3-letter code such as INR')
    .default('INR'),
  locale: z
    .string()
    .trim()
    .regex(/^[a-z]{2}(-[A-Z]{2})?$/, 'Locale must look like en-IN')
    .default('en-IN'),
  /** 4 = April: India's financial year runs April to March. */
  financialYearStartMonth: z.int().min(1, 'Month is 1 to 12').max(12, 'Month is 1 to 12').default(4),
  /** decides "today", document dates and financial years; India's zone unless the company is elsewhere */
  timeZone: z
    .string()
    .trim()
    .refine(isTimeZone, 'Time zone must be a zone name such as Asia/Kolkata')
    .default(DEFAULT_TIME_ZONE),
  /** a clerk's extra discount above this needs a manager's approval (basis points) */
  discountApprovalBps: z.int().min(0, 'Cannot be negative').max(10_000, 'At most 100%').default(500),
  /** days after its date a posted, unpaid invoice may still be cancelled (0 = only on the day); later, a credit note */
  invoiceCancelDays: z
    .int('Days must be a whole number')
    .min(0, 'Cannot be negative')
    .max(180, 'At most 180 days')
    .default(1),
  /** GST wants the invoice when goods leave: raised by the delivery note, or before the vehicle goes */
  invoiceFlow: z
    .enum(invoiceFlows, 'Invoice flow is with_delivery_note or before_dispatch')
    .default('with_delivery_note'),
  /** a bill sold below cost (negative margin): off, warn the clerk, or a manager approves (the default) */
  marginPolicy: z.enum(marginPolicies, 'Margin policy is off, warn or approval').default('approval'),
  /** a licensed product billed to a buyer without a valid licence: refused (the default), or a manager approves */
  licencePolicy: z.enum(['block', 'approval'], 'Licence policy is block or approval').default('block'),
  /** paise; a consignment whose invoice value (incl. tax) is above this needs an e-way bill number */
  ewayBillThreshold: z
    .int('E-way bill limit must be a whole number of paise')
    .min(0, 'Cannot be negative')
    .max(1e12, 'Too large')
    .default(5_000_000),
  /** GST on freight billed to customers (SAC 996511), basis points: one of the GST slabs */
  freightGstRateBps: z
    .int('Freight GST rate must be whole basis points')
    .refine((v) => [0, 500, 1200, 1800, 2800, 4000].includes(v), 'Freight GST rate is 0, 5, 12, 18, 28 or 40%')
    .default(1800),
});
export const company = companyFields.extend({ version: z.int() });
export type Company = z.output<typeof company>;

export const companyOperations = {
  'company.get': operation({
    summary: 'The company profile printed on documents.',
    access: 'signed-in',
    kind: 'read',
    input: z.object({}),
    output: company,
  }),
  'company.readiness': operation({
    summary:
      'Whether the profile has what a tax invoice needs (GSTIN, address); a warning to show before billing if not.',
    access: 'signed-in',
    kind: 'read',
    input: z.object({}),
    output: z.object({ ready: z.boolean(), missing: z.array(z.string()), warning: z.string().nullable() }),
  }),
  'company.update': operation({
    summary: 'Changes the company profile; a GSTIN must match the state.',
    access: 'company.write',
    kind: 'write',
    input: companyFields.extend({ version: z.int() }),
    output: company,
  }),
};
