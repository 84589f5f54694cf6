import { z } from 'zod';

/** The building blocks every sync message uses. Money is integer paise, quantities integer base units
 * (pieces, not cases), rates basis points (1% = 100), days YYYY-MM-DD in the distributor's time zone. */
export const paise = z.int().min(-1e14).max(1e14).describe('Money in integer paise (₹1 = 100 paise)');
export const quantity = z.int().min(0).max(1e12).describe('Quantity in integer base units (pieces), never cases');
export const basisPoints = z.int().min(0).max(10_000).describe('Rate in basis points: 1% = 100, 18% = 1800');
export const day = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'must be a day as YYYY-MM-DD')
  .describe("A calendar day, YYYY-MM-DD, in the distributor's time zone");
export const instant = z.iso.datetime({ offset: true }).describe('An ISO 8601 instant with offset');
export const code = z.string().min(1).max(40).describe('A short code as the distributor or brand keys it');
export const sku = z.string().min(1).max(40).describe("The brand's product code (SKU)");
export const gstin = z
  .string()
  .regex(/^\d{2}[A-Z]{5}\d{4}[A-Z][1-9A-Z]Z[0-9A-Z]$/, 'must be a 15-character GSTIN')
  .nullable()
  .describe('GSTIN of the party, or null for an unregistered party');
export const stateCode = z
  .string()
  .regex(/^\d{2}$/, 'must be a 2-digit GST state code')
  .describe('GST state code, e.g. 27');

/** A party as printed on the document at the time: later edits to the customer do not change it. */
export const party = z
  .object({
    code: code.describe("The distributor's code for the party (customer/outlet or supplier)"),
    name: z.string().min(1).max(200),
    gstin,
    stateCode,
  })
  .describe('The party as it stood on the document');

export const documentLine = z
  .object({
    sku,
    batchNo: z.string().max(40).nullable().describe('Batch number the stock came from, or null when not batch-tracked'),
    qty: quantity.describe('Billed quantity in base units'),
    freeQty: quantity.describe('Free quantity in base units (schemes), not billed'),
    ratePaise: paise.describe('Rate per base unit before discount, in paise'),
    discountPaise: paise.describe('Total discount on the line, in paise'),
    taxablePaise: paise.describe('Taxable value of the line, in paise'),
    taxRateBps: basisPoints.describe('GST rate in basis points'),
    taxPaise: paise.describe('GST on the line (CGST+SGST or IGST), in paise'),
    totalPaise: paise.describe('Line total including tax, in paise'),
  })
  .describe('One line of a document');

export const documentTotals = z
  .object({
    taxablePaise: paise,
    taxPaise: paise,
    roundOffPaise: paise.describe('Rounding to the rupee, in paise (may be negative)'),
    totalPaise: paise.describe('Grand total payable, in paise'),
  })
  .describe('Document totals');

/** The common head of every posted document. */
export const documentHead = {
  number: z.string().min(1).max(40).describe('Document number as printed (gapless per series and year)'),
  date: day.describe('Document date'),
  party,
};
