import { z } from 'zod';
import { code, day, documentHead, documentLine, documentTotals, paise, party, quantity, sku } from './primitives';

/** One payload schema per event type: the state at the moment of the event, never a diff. */

const warehouseCode = code.describe("The distributor's warehouse code");
const reason = z.string().min(1).max(500).describe('Why, as the clerk entered it');

const order = z.object({
  ...documentHead,
  warehouseCode,
  salesmanCode: code.nullable().describe('Salesman who booked the order, or null'),
  lines: z.array(documentLine).min(1),
  totals: documentTotals,
});

const deliveryLine = z.object({
  sku,
  batchNo: z.string().max(40).nullable(),
  qty: quantity,
  freeQty: quantity,
});

const invoice = z.object({
  ...documentHead,
  warehouseCode,
  placeOfSupply: z
    .string()
    .regex(/^\d{2}$/)
    .describe('GST state code of the place of supply'),
  dueDate: day.describe('Payment due date'),
  deliveryNoteNumbers: z.array(z.string()).describe('Delivery notes this invoice bills (empty for counter sales)'),
  lines: z.array(documentLine).min(1),
  totals: documentTotals,
});

const claimKind = z
  .enum(['scheme', 'price_difference', 'ship_and_debit', 'rebate', 'damage', 'expiry', 'price_protection'])
  .describe('What the claim recovers from the brand');
const claimHead = {
  number: z.string().min(1).max(40).describe('The claim number, e.g. CLM/26-27/000001'),
  brandCode: code.describe("The distributor's code for the brand (supplier) claimed from"),
  kind: claimKind,
};

export const eventPayloads = {
  'order.placed': order.describe('A customer order was saved for fulfilment'),
  'order.confirmed': order.describe('An order was confirmed (credit and stock checks passed)'),
  'order.cancelled': order.extend({ cancelledOn: day, reason }).describe('An order was cancelled'),
  'delivery-note.posted': z
    .object({
      ...documentHead,
      warehouseCode,
      orderNumber: z.string().nullable().describe('The order delivered, or null'),
      lines: z.array(deliveryLine).min(1),
    })
    .describe('Goods left the warehouse against a delivery note'),
  'invoice.posted': invoice.describe('A tax invoice was posted (a secondary sale)'),
  'invoice.cancelled': invoice
    .extend({ cancelledOn: day, reason })
    .describe('A posted invoice was cancelled; the payload repeats the invoice as it stood'),
  'credit-note.posted': z
    .object({
      ...documentHead,
      kind: z
        .enum(['sales-return', 'rate-difference', 'scheme', 'rebate', 'other'])
        .describe('rebate: a rebate settled on the invoice after its period (HQ before this value parks it)'),
      againstInvoiceNumber: z.string().nullable().describe('The invoice credited, or null'),
      reason,
      lines: z.array(documentLine),
      totals: documentTotals,
    })
    .describe('A credit note was posted (returns reduce secondary sales)'),
  'payment.received': z
    .object({
      ...documentHead,
      amountPaise: paise,
      mode: z.enum(['cash', 'cheque', 'upi', 'bank-transfer', 'card', 'other']),
      reference: z.string().max(80).describe('Cheque number, UTR, or empty'),
      allocations: z.array(z.object({ invoiceNumber: z.string(), amountPaise: paise })),
    })
    .describe('A customer paid'),
  'payment.reversed': z
    .object({ ...documentHead, amountPaise: paise, reversedOn: day, reason })
    .describe('A payment was reversed (e.g. a bounced cheque)'),
  'goods.received': z
    .object({
      ...documentHead,
      warehouseCode,
      supplierInvoiceNumber: z.string().max(40),
      brandInvoiceNumber: z.string().nullable().describe('The primary shipment received, when it came from the brand'),
      lines: z
        .array(
          z.object({
            sku,
            batchNo: z.string().max(40).nullable(),
            mfgDate: day.nullable(),
            expiryDate: day.nullable(),
            qty: quantity,
            freeQty: quantity,
            ratePaise: paise,
          }),
        )
        .min(1),
    })
    .describe('Stock was received into a warehouse (a primary shipment or another purchase)'),
  'customer.created': outlet().describe('A customer (outlet) was created'),
  'customer.changed': outlet().describe(
    'A customer (outlet) was changed; the payload is the whole customer after the change',
  ),
  'scheme-benefit.given': z
    .object({
      schemeCode: code,
      schemeVersion: z
        .int()
        .min(1)
        .nullable()
        .describe('The pulled master version that gave it, or null for a local scheme'),
      documentNumber: z.string().describe('The invoice that carried the benefit'),
      date: day,
      party,
      sku: sku.nullable().describe('The product the benefit was on, or null for an order-level benefit'),
      freeQty: quantity,
      discountPaise: paise,
    })
    .describe('A scheme gave free goods or a discount on an invoice'),
  'closing-stock.snapshot': z
    .object({
      warehouseCode,
      asOf: day.describe('The business day whose closing stock this is'),
      lines: z.array(
        z.object({ sku, batchNo: z.string().max(40).nullable(), expiryDate: day.nullable(), qty: quantity }),
      ),
    })
    .describe('Closing stock of one warehouse at the end of a business day, per product and batch'),
  'claim.filed': z
    .object({
      ...claimHead,
      filedOn: day,
      periodFrom: day.nullable(),
      periodTo: day.nullable(),
      amountPaise: paise.describe('What the distributor claims: the sum of the lines'),
      lines: z
        .array(
          z.object({
            sourceKind: z.string().min(1).max(40).describe('What earned the line, e.g. invoice_line_scheme'),
            sku: sku.nullable(),
            batchNo: z.string().max(40).nullable(),
            qty: quantity,
            amountPaise: paise,
            description: z.string().max(200),
          }),
        )
        .min(1),
    })
    .describe('A claim on the brand was filed (numbered; its lines are frozen)'),
  'claim.answered': z
    .object({
      ...claimHead,
      answeredOn: day,
      status: z.enum(['accepted', 'partly_accepted', 'rejected']),
      amountPaise: paise,
      acceptedPaise: paise.describe('What the brand accepted: all, part, or 0 when rejected'),
      reason: z.string().max(500).describe('Why the brand cut or refused the claim, or empty'),
    })
    .describe("The brand's answer to a filed claim was recorded"),
  'claim.settled': z
    .object({
      ...claimHead,
      settledOn: day,
      creditNoteNumber: z.string().min(1).max(60).describe("The brand's credit note that settled the claim"),
      settledPaise: paise.describe("The credit note's amount, at most the accepted amount"),
    })
    .describe("A claim was settled by the brand's credit note (the brand's account was debited by it)"),
} as const;

function outlet() {
  return z.object({
    code,
    name: z.string().min(1).max(200),
    gstin: party.shape.gstin,
    stateCode: party.shape.stateCode,
    customerType: code.nullable().describe('Customer type (channel) code, e.g. RETAIL, WHOLESALE'),
    district: z.string().max(80),
    city: z.string().max(80),
    pincode: z.string().max(6),
    phone: z.string().max(20),
    creditLimitPaise: paise,
    creditDays: z.int().min(0).max(365),
    active: z.boolean(),
  });
}

export type EventType = keyof typeof eventPayloads;
export const eventTypes = Object.keys(eventPayloads) as EventType[];
export type EventPayload<T extends EventType> = z.output<(typeof eventPayloads)[T]>;
