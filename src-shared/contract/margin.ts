import { z } from 'zod';

/**
 * Cost and margin figures, shown only to roles with `cost.read`: the handlers leave them out for everyone else.
 * Margin = sales value before tax − cost of goods at moving average (paise); marginBps is of that sales value.
 * Lines whose cost is unknown are left out of both and counted.
 */
export const marginPolicies = ['off', 'warn', 'approval'] as const;

const figures = {
  sales: z.int(),
  cost: z.int(),
  margin: z.int(),
  marginBps: z.int().nullable(),
  unknownLines: z.int(),
};

export const quoteMargin = z.object({
  ...figures,
  /** the bill's margin is negative: under the approval policy a clerk's order waits for a manager */
  negative: z.boolean(),
  lines: z.array(
    z.object({ lineNo: z.int(), cost: z.int().nullable(), margin: z.int().nullable(), belowCost: z.boolean() }),
  ),
});
export type QuoteMargin = z.output<typeof quoteMargin>;

export const invoiceMargin = z.object({
  ...figures,
  /** after returns and price-difference credit notes: what the bill earns now */
  afterCredits: z.object({ sales: z.int(), cost: z.int(), margin: z.int(), marginBps: z.int().nullable() }),
  lines: z.array(z.object({ id: z.int(), cost: z.int().nullable(), margin: z.int().nullable() })),
});
export type InvoiceMargin = z.output<typeof invoiceMargin>;
