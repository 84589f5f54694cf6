import { z } from 'zod';
import { operation } from './define';
import { id, isoDate, money, requiredText, text } from './common';

export const claimKind = z.enum([
  'scheme',
  'price_difference',
  'ship_and_debit',
  'rebate',
  'damage',
  'expiry',
  'price_protection',
]);
export const claimStatus = z.enum(['draft', 'filed', 'accepted', 'partly_accepted', 'rejected', 'settled']);
export type ClaimStatus = z.output<typeof claimStatus>;

export const claimHead = z.object({
  id,
  number: z.string().nullable(),
  supplierId: id,
  supplierName: z.string(),
  kind: claimKind,
  status: claimStatus,
  periodFrom: z.string().nullable(),
  periodTo: z.string().nullable(),
  filedOn: z.string().nullable(),
  /** paise: claimed, accepted by the brand, settled by its credit note */
  amount: z.int(),
  acceptedAmount: z.int().nullable(),
  settledAmount: z.int().nullable(),
  version: z.int(),
});

export const claimLine = z.object({
  id,
  lineNo: z.int(),
  sourceKind: z.string(),
  sourceId: z.int().nullable(),
  productId: z.int().nullable(),
  sku: z.string().nullable(),
  productName: z.string().nullable(),
  batchId: z.int().nullable(),
  batchNo: z.string().nullable(),
  quantity: z.int(),
  amount: z.int(),
  acceptedAmount: z.int().nullable(),
  description: z.string(),
});

export const evidenceFile = z.object({
  id,
  claimLineId: z.int().nullable(),
  filename: z.string(),
  mime: z.string(),
  size: z.int(),
  sha256: z.string(),
  addedAt: z.string(),
});

export const claim = claimHead.extend({
  answeredOn: z.string().nullable(),
  answerReason: z.string(),
  brandReference: z.string(),
  brandCreditNote: z.string(),
  settledOn: z.string().nullable(),
  notes: z.string(),
  lines: z.array(claimLine),
  evidence: z.array(evidenceFile),
});
export type Claim = z.output<typeof claim>;

/** A line a builder proposes from an unclaimed source; the user keeps or drops it before the draft is made. */
export const proposedLine = z.object({
  sourceKind: z.string(),
  sourceId: z.int().nullable(),
  productId: z.int().nullable(),
  batchId: z.int().nullable(),
  quantity: z.int(),
  amount: z.int(),
  description: z.string(),
});
export type ProposedLine = z.output<typeof proposedLine>;

/** What a builder works from: the brand's schemes in a period, expired stock, or one price cut. */
export const claimSource = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('scheme'), supplierId: id, from: isoDate, to: isoDate }),
  z.object({ kind: z.literal('expiry'), supplierId: id, asOf: isoDate }),
  z.object({ kind: z.literal('price_protection'), priceChangeId: id }),
]);
export type ClaimSource = z.output<typeof claimSource>;

export const priceChange = z.object({
  id,
  supplierId: id,
  supplierName: z.string(),
  productId: id,
  sku: z.string(),
  productName: z.string(),
  oldRate: z.int(),
  newRate: z.int(),
  effectiveOn: z.string(),
  reference: z.string(),
});

const versioned = { id, version: z.int().min(1) };
const fileOut = z.object({ filename: z.string(), mime: z.string(), base64: z.string() });

export const claimOperations = {
  'claims.list': operation({
    summary: 'Claims on the brands, newest first, optionally of one status or brand.',
    access: 'purchasing.read',
    kind: 'read',
    input: z.object({ status: claimStatus.optional(), supplierId: id.optional() }),
    output: z.array(claimHead),
  }),
  'claims.get': operation({
    summary: 'One claim with its lines and evidence.',
    access: 'purchasing.read',
    kind: 'read',
    input: z.object({ id }),
    output: claim,
  }),
  'claims.propose': operation({
    summary:
      'Proposes claim lines from sources not yet claimed: brand-funded scheme benefit on invoices in a period, batches expired in stock, or stock held on the day of a price cut (the distributor’s and each retailer’s last report).',
    access: 'purchasing.read',
    kind: 'read',
    input: z.object({ source: claimSource }),
    output: z.object({ supplierId: id, kind: claimKind, lines: z.array(proposedLine) }),
  }),
  'claims.draft': operation({
    summary:
      'Opens a draft claim from a builder’s proposal, keeping the sources the user kept (the lines are worked out again, not taken from the caller).',
    access: 'purchasing.write',
    kind: 'write',
    input: z.object({
      source: claimSource,
      keep: z
        .array(z.object({ sourceKind: z.string(), sourceId: z.int().nullable() }))
        .min(1, 'Keep at least one line'),
      notes: text(500),
    }),
    output: claim,
  }),
  'claims.updateDraft': operation({
    summary: 'Changes a draft claim: its notes, and which lines it keeps (a line left out is removed).',
    access: 'purchasing.write',
    kind: 'write',
    input: z.object({
      ...versioned,
      notes: text(500),
      keepLineIds: z.array(id).min(1, 'A claim keeps at least one line'),
    }),
    output: claim,
  }),
  'claims.deleteDraft': operation({
    summary: 'Deletes a draft claim (it has no number yet); its sources can be claimed again.',
    access: 'purchasing.write',
    kind: 'write',
    input: z.object(versioned),
    output: z.object({ deleted: z.literal(true) }),
  }),
  'claims.file': operation({
    summary: 'Files a draft claim with the brand: numbers it CLM/yy-yy/nnnnnn and freezes its lines.',
    access: 'purchasing.write',
    kind: 'write',
    idempotent: true,
    input: z.object(versioned),
    output: claim,
  }),
  'claims.answer': operation({
    summary:
      "Records the brand's answer to a filed claim: accepted in full, partly accepted (an amount below the claim, a reason, optionally per line) or rejected (a reason).",
    access: 'purchasing.write',
    kind: 'write',
    idempotent: true,
    input: z.object({
      ...versioned,
      outcome: z.enum(['accepted', 'partly_accepted', 'rejected']),
      acceptedAmount: money('Accepted amount').optional(),
      lines: z.array(z.object({ lineId: id, acceptedAmount: money('Accepted amount') })).default([]),
      reason: text(500),
      brandReference: text(60),
      answeredOn: isoDate.optional(),
    }),
    output: claim,
  }),
  'claims.settle': operation({
    summary:
      "Settles an accepted claim by the brand's credit note (number, date, amount ≤ accepted): the brand's account is debited by it, so less is owed to it.",
    access: 'payables.write',
    kind: 'write',
    idempotent: true,
    input: z.object({
      ...versioned,
      creditNoteNumber: requiredText('Credit note number', 60),
      amount: money('Credit note amount').positive('Credit note amount must be more than 0'),
      settledOn: isoDate.optional(),
    }),
    output: claim,
  }),
  'claims.attachEvidence': operation({
    summary: 'Attaches a photo (JPEG, PNG, WebP) or PDF of up to 5 MB to a claim or one of its lines (base64).',
    access: 'purchasing.write',
    kind: 'write',
    input: z.object({
      claimId: id,
      claimLineId: id.nullable().default(null),
      filename: requiredText('File name', 200),
      base64: z.string().min(1, 'The file is empty').max(7_000_000, 'The file is larger than 5 MB'),
    }),
    output: evidenceFile,
  }),
  'claims.evidenceFile': operation({
    summary: 'One evidence file of a claim, to download (base64).',
    access: 'purchasing.read',
    kind: 'read',
    input: z.object({ id }),
    output: fileOut,
  }),
  'claims.export': operation({
    summary: 'The claims register (optionally of one status) as CSV or XLSX (base64).',
    access: 'purchasing.read',
    kind: 'read',
    input: z.object({ status: claimStatus.optional(), format: z.enum(['csv', 'xlsx']) }),
    output: fileOut,
  }),
  'priceChanges.list': operation({
    summary: "The brands' price cuts, newest first.",
    access: 'purchasing.read',
    kind: 'read',
    input: z.object({ supplierId: id.optional() }),
    output: z.array(priceChange),
  }),
  'priceChanges.record': operation({
    summary:
      "Records a brand's price cut on a product from a date (old and new purchase rate per base unit): the base of a price-protection claim.",
    access: 'purchasing.write',
    kind: 'write',
    input: z.object({
      supplierId: id,
      productId: id,
      oldRate: money('Old rate').positive('Old rate must be more than 0'),
      newRate: money('New rate'),
      effectiveOn: isoDate,
      reference: text(60),
    }),
    output: priceChange,
  }),
};
