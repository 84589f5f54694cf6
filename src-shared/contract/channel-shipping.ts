import { z } from 'zod';
import { operation } from './define';
import { id, text } from './common';

/**
 * How freight is settled, as Indian distributors write it on an order: "Freight paid" (we pay the carrier, nothing
 * billed), "To pay" (the buyer pays the carrier on delivery, nothing billed), "FOR destination, freight extra" (we
 * deliver to the door and bill the freight on the invoice). Only for_destination adds a freight charge.
 */
export const freightBases = ['paid', 'to_pay', 'for_destination'] as const;
export type FreightBasis = (typeof freightBases)[number];
export const freightBasisLabels: Record<FreightBasis, string> = {
  paid: 'Freight paid',
  to_pay: 'To pay',
  for_destination: 'FOR destination (freight billed)',
};
export const freightRules = ['flat', 'percent'] as const;

/** The terms as a clerk enters them; the rule and its figure are checked against the basis by the engine. */
export const shippingTermsInput = z.object({
  freightBasis: z.enum(freightBases, 'Freight basis is paid, to_pay or for_destination').default('paid'),
  transporterId: id.nullable().default(null),
  carrierAccount: text(60),
  packingInstructions: text(500),
  /** flat: freightAmount paise per invoice; percent: freightRateBps of the goods' taxable value */
  freightRule: z.enum(freightRules, 'Freight charge is flat or percent').nullable().default(null),
  freightAmount: z
    .int('Freight amount must be a whole number of paise')
    .min(0, 'Freight amount cannot be negative')
    .max(1e10, 'Freight amount is too large')
    .default(0),
  freightRateBps: z
    .int('Freight rate must be whole basis points')
    .min(0, 'Freight rate cannot be negative')
    .max(10_000, 'Freight rate is at most 100%')
    .default(0),
});

export const shippingTerms = z.object({
  freightBasis: z.enum(freightBases),
  transporterId: id.nullable(),
  /** the transporter master's name and GSTIN/TRANSIN, '' when none is preferred */
  transporterName: z.string(),
  transporterGstin: z.string(),
  carrierAccount: z.string(),
  packingInstructions: z.string(),
  freightRule: z.enum(freightRules).nullable(),
  freightAmount: z.int(),
  freightRateBps: z.int(),
  /** one line for boards and sheets: "FOR destination (freight billed): ₹250.00 per invoice" */
  summary: z.string(),
});
export type ShippingTerms = z.output<typeof shippingTerms>;

const orderTerms = z.object({
  orderId: id,
  customerId: id,
  /** the customer's terms (defaults when never set) */
  customer: shippingTerms,
  /** the order's own override, null when it takes the customer's */
  override: shippingTerms.nullable(),
  /** what dispatch and billing use */
  effective: shippingTerms,
});

export const channelShippingOperations = {
  'shipping.customerTerms': operation({
    summary:
      'A customer’s shipping terms: freight basis, preferred transporter, carrier account, packing instructions and ' +
      'the freight charge rule; “Freight paid” with nothing else when never set.',
    access: 'customers.read',
    kind: 'read',
    input: z.object({ customerId: id }),
    output: shippingTerms.extend({ customerId: id }),
  }),
  'shipping.saveCustomerTerms': operation({
    summary:
      'Sets a customer’s shipping terms. for_destination needs a freight rule (flat: freightAmount > 0, percent: ' +
      'freightRateBps > 0); paid and to_pay take none. An inactive or unknown transporter is refused (400, by field).',
    access: 'customers.write',
    kind: 'write',
    input: shippingTermsInput.extend({ customerId: id }),
    output: shippingTerms.extend({ customerId: id }),
  }),
  'shipping.orderTerms': operation({
    summary: 'An order’s shipping terms: its customer’s, its own override if any, and the effective set.',
    access: 'orders.read',
    kind: 'read',
    input: z.object({ orderId: id }),
    output: orderTerms,
  }),
  'shipping.saveOrderTerms': operation({
    summary:
      'Overrides an order’s shipping terms (terms) or goes back to the customer’s (terms null). Refused (409) once ' +
      'the order is invoiced or cancelled; the same checks as the customer’s terms.',
    access: 'orders.write',
    kind: 'write',
    input: z.object({ orderId: id, terms: shippingTermsInput.nullable() }),
    output: orderTerms,
  }),
};
