import { z } from 'zod';
import { operation } from './define';

/** A GSTR-1 return period: a month, or the GST quarter (Apr–Jun, Jul–Sep, Oct–Dec, Jan–Mar) holding it. */
export const gstr1Period = z.object({
  month: z.string().regex(/^2\d{3}-(0[1-9]|1[0-2])$/, 'Choose a month (YYYY-MM)'),
  span: z.enum(['month', 'quarter']).default('month'),
});
export type Gstr1PeriodInput = z.input<typeof gstr1Period>;

export const gstr1SectionKeys = ['b2b', 'b2cl', 'b2cs', 'cdnr', 'cdnur', 'hsn_b2b', 'hsn_b2c'] as const;

const figures = { taxable: z.int(), cgst: z.int(), sgst: z.int(), igst: z.int() };

export const gstr1Summary = z.object({
  period: z.object({ from: z.string(), to: z.string(), fp: z.string(), label: z.string() }),
  gstin: z.string(),
  /** each section's totals in paise; credit-note sections positive (they reduce), b2cs net of the notes in it */
  sections: z.array(
    z.object({
      section: z.enum(gstr1SectionKeys),
      documents: z.int(),
      rows: z.int(),
      value: z.int(),
      ...figures,
    }),
  ),
  issued: z.object({ invoices: z.int(), cancelled: z.int(), notes: z.int() }),
  /** what the project's schema refuses in the file, by document; the JSON is offered only when empty */
  problems: z.array(z.object({ document: z.string(), path: z.string(), message: z.string() })),
  reconciliation: z.object({
    rows: z.array(
      z.object({
        source: z.enum(['gstr1', 'register', 'invoices']),
        label: z.string(),
        taxable: z.int(),
        cgst: z.int().nullable(),
        sgst: z.int().nullable(),
        igst: z.int().nullable(),
        tax: z.int(),
        value: z.int(),
      }),
    ),
    differences: z.array(
      z.object({
        document: z.string(),
        between: z.string(),
        figure: z.enum(['taxable', 'cgst', 'sgst', 'igst', 'tax', 'value']),
        expected: z.int(),
        found: z.int(),
      }),
    ),
    agrees: z.boolean(),
  }),
});

export const gstr1Operations = {
  'gstr1.summary': operation({
    summary:
      'GSTR-1 for a month or quarter: each section’s count and totals (b2b, b2cl, b2cs, cdnr, cdnur, HSN B2B/B2C), documents issued and cancelled, what the schema refuses by document, and the reconciliation GSTR-1 = sales register = invoices, to the paisa, with differences by document.',
    access: 'billing.read',
    kind: 'read',
    runs: 'worker',
    input: gstr1Period,
    output: gstr1Summary,
  }),
  'gstr1.export': operation({
    summary:
      'GSTR-1 as the GST offline tool’s JSON (validated against the project’s schema; refused, naming the document, when it does not pass) or as its Excel workbook (one sheet per section), base64.',
    access: 'billing.read',
    kind: 'read',
    runs: 'worker',
    input: gstr1Period.extend({ format: z.enum(['json', 'xlsx']) }),
    output: z.object({ filename: z.string(), mime: z.string(), base64: z.string() }),
  }),
};
