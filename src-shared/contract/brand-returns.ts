import { z } from 'zod';
import { operation } from './define';
import { id, isoDate, money, text } from './common';

const pdfOut = z.object({ filename: z.string(), base64: z.string() });

export const brandReturnReason = z.enum(['expiry', 'damage', 'recall']);
export const brandReturnStatus = z.enum(['claimed', 'settled', 'short']);

export const brandReturnHead = z.object({
  id,
  number: z.string(),
  supplierId: id,
  supplierName: z.string(),
  warehouseId: id,
  warehouseName: z.string(),
  returnDate: z.string(),
  reason: brandReturnReason,
  /** paise: goods at cost, input GST, and the debit note's total */
  value: z.int(),
  cgst: z.int(),
  sgst: z.int(),
  igst: z.int(),
  total: z.int(),
  status: brandReturnStatus,
  accepted: z.int().nullable(),
});
export const brandReturn = brandReturnHead.extend({
  notes: z.string(),
  claimReference: z.string(),
  claimSettledOn: z.string().nullable(),
  lines: z.array(
    z.object({
      lineNo: z.int(),
      productId: id,
      sku: z.string(),
      productName: z.string(),
      batchId: id,
      batchNo: z.string(),
      expiresOn: z.string().nullable(),
      quantity: z.int(),
      value: z.int(),
      taxRateBps: z.int(),
      tax: z.int(),
    }),
  ),
});
export type BrandReturn = z.output<typeof brandReturn>;

export const brandReturnOperations = {
  'brandReturns.list': operation({
    summary: 'Returns to the brand (debit notes), newest first, optionally of one supplier.',
    access: 'purchasing.read',
    kind: 'read',
    input: z.object({ supplierId: id.optional() }),
    output: z.array(brandReturnHead),
  }),
  'brandReturns.get': operation({
    summary: 'One return to the brand with its batches.',
    access: 'purchasing.read',
    kind: 'read',
    input: z.object({ id }),
    output: brandReturn,
  }),
  'brandReturns.post': operation({
    summary:
      'Sends goods back to the brand by batch (expiry, damage, recall): stock leaves at moving-average cost and the supplier is debited cost + input GST under a debit note DN/yy-yy/nnnnnn.',
    access: 'purchasing.write',
    kind: 'write',
    idempotent: true,
    input: z.object({
      supplierId: id,
      warehouseId: id,
      reason: brandReturnReason,
      notes: text(500),
      lines: z
        .array(
          z.object({
            batchId: id,
            quantity: z.int('Quantity must be whole base units').positive('Quantity must be more than 0').max(1e9),
          }),
        )
        .min(1, 'Add at least one batch')
        .max(500),
    }),
    output: brandReturn,
  }),
  'brandReturns.recordClaim': operation({
    summary:
      "Records the brand's answer to a debit note: the amount it accepted (settled if all, short if less; the shortfall is credited back to the supplier's account).",
    access: 'purchasing.write',
    kind: 'write',
    idempotent: true,
    input: z.object({
      id,
      accepted: money('Accepted amount'),
      reference: text(60),
      settledOn: isoDate.optional(),
    }),
    output: brandReturn,
  }),
  'documents.debitNote': operation({
    summary: 'The debit note of a return to the brand as a PDF (base64).',
    access: 'purchasing.read',
    kind: 'read',
    input: z.object({ id }),
    output: pdfOut,
  }),
};
