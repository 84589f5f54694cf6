import { z } from 'zod';
import { quoteMargin } from './margin';
import { MAX_LINE_QUANTITY } from '../quantity';
import { operation } from './define';
import { orderPartyInputs, parties } from './order-parties';
import { id, idInput, isoDate, keysetOutput, keysetPage, money, page, text } from './common';

export const orderStatuses = [
  'draft',
  'pending_approval',
  'confirmed',
  'processing',
  'picked',
  'partially_delivered',
  'delivered',
  'invoiced',
  'cancelled',
] as const;
export const paymentStatuses = ['unpaid', 'partly_paid', 'paid', 'overdue'] as const;
export const paymentTypes = ['cash', 'credit', 'cheque', 'upi_bank'] as const;

export const orderLineInput = z.object({
  productId: id,
  quantity: z
    .int('Quantity must be whole base units')
    .positive('Quantity must be more than zero')
    .max(MAX_LINE_QUANTITY, `Quantity must be at most ${MAX_LINE_QUANTITY} base units on one line`),
  enteredAs: text(60),
  /** paise per base unit before tax; null = the resolved price */
  priceOverride: money('Price').nullable().default(null),
  manualDiscountBps: z
    .int()
    .min(0, 'Discount cannot be negative')
    .max(10_000, 'Discount must be at most 100%')
    .default(0),
  shortageAction: z.enum(['reduce', 'backorder', 'other_warehouse']).default('backorder'),
  /** only for other_warehouse */
  warehouseId: id.nullable().default(null),
});

export const orderInput = z.object({
  customerId: id,
  warehouseId: id,
  paymentType: z.enum(paymentTypes, 'Payment type must be cash, credit, cheque or upi_bank').default('credit'),
  endBuyer: text(120),
  ...orderPartyInputs,
  requiredDate: isoDate.nullable().default(null),
  reference: text(60),
  remarks: text(500),
  lines: z.array(orderLineInput).min(1, 'Add at least one product').max(500, 'An order holds at most 500 lines'),
});
export type OrderInput = z.input<typeof orderInput>;

export const credit = z.object({
  decision: z.enum(['ok', 'warn', 'needs_approval', 'blocked']),
  limit: z.int(),
  used: z.int(),
  available: z.int(),
  afterOrder: z.int(),
  overdue: z.int(),
  oldestOverdueDays: z.int(),
  reasons: z.array(z.string()),
});

export const pricedLine = z.object({
  lineNo: z.int(),
  productId: id,
  sku: z.string(),
  productName: z.string(),
  baseUnit: z.string(),
  quantity: z.int(),
  enteredAs: z.string(),
  unitPrice: z.int(),
  taxInclusive: z.boolean(),
  priceSource: z.string(),
  priceOverridden: z.boolean(),
  gross: z.int(),
  discount: z.int(),
  discountNote: z.string(),
  manualDiscountBps: z.int(),
  isFree: z.boolean(),
  schemeId: z.int().nullable(),
  taxRate: z.int(),
  taxable: z.int(),
  tax: z.int(),
  total: z.int(),
  shortageAction: z.string(),
  warehouseId: z.int().nullable(),
  /** free now (on hand − reserved, unexpired, within the customer's shelf-life rule) in the line's warehouse */
  available: z.int(),
  otherWarehouses: z.array(z.object({ warehouseId: id, code: z.string(), available: z.int() })),
});
export type PricedLine = z.output<typeof pricedLine>;

const schemesOut = z.object({
  applied: z.array(
    z.object({ schemeId: id, code: z.string(), name: z.string(), benefit: z.int(), description: z.string() }),
  ),
  nearMisses: z.array(z.object({ schemeId: id, code: z.string(), message: z.string() })),
});

export const quote = z.object({
  lines: z.array(pricedLine),
  /**
   * gross − discount = taxable (for a tax-inclusive price, both with the tax backed out); taxable
   * + tax = Σ line totals; + roundOff (to the rupee) = total: what the invoice will charge.
   */
  gross: z.int(),
  discount: z.int(),
  taxable: z.int(),
  tax: z.int(),
  roundOff: z.int(),
  total: z.int(),
  schemes: schemesOut,
  credit,
  approvalReasons: z.array(z.string()),
  /** the bill sells below cost under the warn policy (or a manager's own order): said, not stopped */
  marginNotice: z.string().nullable(),
  /** cost and margin per line and for the bill: only for roles with cost.read */
  margin: quoteMargin.optional(),
  customer: z.object({ id, code: z.string(), name: z.string(), status: z.string(), paymentTermsDays: z.int() }),
});
export type Quote = z.output<typeof quote>;

export const orderDetail = z.object({
  id,
  number: z.string().nullable(),
  status: z.enum(orderStatuses),
  paymentStatus: z.enum(paymentStatuses),
  customerId: id,
  customerCode: z.string(),
  customerName: z.string(),
  warehouseId: id,
  warehouseCode: z.string(),
  paymentType: z.enum(paymentTypes),
  endBuyer: z.string(),
  /** bill-to, ship-to, payer and end buyer in effect */
  parties,
  endBuyerId: id.nullable(),
  requiredDate: z.string().nullable(),
  reference: z.string(),
  remarks: z.string(),
  orderDate: z.string(),
  createdBy: z.string(),
  version: z.int(),
  gross: z.int(),
  discount: z.int(),
  taxable: z.int(),
  tax: z.int(),
  roundOff: z.int(),
  total: z.int(),
  schemes: schemesOut,
  credit: credit.nullable(),
  lines: z.array(
    pricedLine.omit({ available: true, otherWarehouses: true }).extend({
      id,
      allocated: z.int(),
      backordered: z.int(),
      allocationNote: z.string(),
      picked: z.int(),
      delivered: z.int(),
      batches: z.array(z.object({ batchNo: z.string(), expiresOn: z.string().nullable(), quantity: z.int() })),
    }),
  ),
  events: z.array(z.object({ at: z.string(), userName: z.string(), kind: z.string(), message: z.string() })),
  approvals: z.array(
    z.object({
      id,
      status: z.string(),
      reasons: z.array(z.string()),
      requestedBy: z.string(),
      decidedBy: z.string(),
      comment: z.string(),
      requestedAt: z.string(),
      decidedAt: z.string().nullable(),
    }),
  ),
});
export type OrderDetail = z.output<typeof orderDetail>;

export const orderRow = z.object({
  id,
  number: z.string().nullable(),
  orderDate: z.string(),
  status: z.enum(orderStatuses),
  paymentStatus: z.enum(paymentStatuses),
  customerName: z.string(),
  customerCode: z.string(),
  city: z.string(),
  stateCode: z.string(),
  total: z.int(),
  lines: z.int(),
  createdBy: z.string(),
  requiredDate: z.string().nullable(),
});

export const orderOperations = {
  'orders.defaultWarehouse': operation({
    summary:
      'The warehouse a new order ships from: the customer’s own, else the signed-in user’s, else one in the company’s state, else the first active; with the reason.',
    access: 'orders.read',
    kind: 'read',
    input: z.object({ customerId: id.nullable().default(null) }),
    output: z.object({ warehouseId: id.nullable(), reason: z.string() }),
  }),
  'orders.quote': operation({
    summary:
      'Prices an order without saving it: prices and their source, schemes and near misses, tax, totals, credit and stock per line.',
    access: 'orders.read',
    kind: 'read',
    input: orderInput,
    output: quote,
  }),
  'orders.saveDraft': operation({
    summary: 'Saves (or updates) a draft to resume later. `id` and `version` update an existing draft.',
    access: 'orders.write',
    kind: 'write',
    idempotent: true,
    input: orderInput.extend({ id: id.nullable().default(null), version: z.int().nullable().default(null) }),
    output: orderDetail,
  }),
  'orders.place': operation({
    summary:
      'Places the order: saves it, prices it, checks credit and stock, and confirms it (allocating batches) or sends it for approval. A credit block is refused with 409 and nothing is written.',
    access: 'orders.write',
    kind: 'write',
    idempotent: true,
    input: orderInput.extend({ id: id.nullable().default(null), version: z.int().nullable().default(null) }),
    output: orderDetail,
  }),
  'orders.get': operation({
    summary: 'One order with lines, batches, schemes, credit, approvals and its timeline.',
    access: 'orders.read',
    kind: 'read',
    input: idInput,
    output: orderDetail,
  }),
  'orders.list': operation({
    summary:
      'Orders filtered by status, customer, place, dates and clerk; one page with the total. Page on with `after: next` (or back with `before: prev`); `offset` jumps to a row position.',
    access: 'orders.read',
    kind: 'read',
    input: z.object({
      ...page,
      status: z.enum(orderStatuses).or(z.literal('')).default(''),
      /** several statuses at once: what a dashboard tile counts */
      statuses: z.array(z.enum(orderStatuses)).max(10).default([]),
      paymentStatus: z.enum(paymentStatuses).or(z.literal('')).default(''),
      customerId: id.nullable().default(null),
      stateCode: z.string().default(''),
      city: z.string().default(''),
      from: isoDate.or(z.literal('')).default(''),
      to: isoDate.or(z.literal('')).default(''),
      createdBy: id.nullable().default(null),
      sort: z.enum(['date', 'number', 'customer', 'total', 'status']).default('date'),
      ...keysetPage,
    }),
    output: z.object({ rows: z.array(orderRow), total: z.int(), ...keysetOutput }),
  }),
  'orders.export': operation({
    summary: 'The orders list with the same filters, as CSV or XLSX (base64).',
    access: 'orders.read',
    kind: 'read',
    runs: 'worker',
    input: z.object({
      status: z.enum(orderStatuses).or(z.literal('')).default(''),
      statuses: z.array(z.enum(orderStatuses)).max(10).default([]),
      search: z.string().trim().max(100).default(''),
      from: isoDate.or(z.literal('')).default(''),
      to: isoDate.or(z.literal('')).default(''),
      format: z.enum(['csv', 'xlsx']),
    }),
    output: z.object({ filename: z.string(), mime: z.string(), base64: z.string() }),
  }),
  'orders.cancel': operation({
    summary: 'Cancels an order that has not been delivered; its reserved stock is released.',
    access: 'orders.write',
    kind: 'write',
    idempotent: true,
    input: z.object({ id, reason: z.string().trim().min(3, 'Say why the order is cancelled').max(200) }),
    output: orderDetail,
  }),
  'orders.lineBatches': operation({
    summary:
      'Batches a line could take in its warehouse, with free stock and expiry: the choices for manual allocation.',
    access: 'orders.read',
    kind: 'read',
    input: z.object({ orderLineId: id }),
    output: z.array(
      z.object({
        batchId: id,
        batchNo: z.string(),
        manufacturedOn: z.string().nullable(),
        expiresOn: z.string().nullable(),
        available: z.int(),
      }),
    ),
  }),
  'orders.allocateManually': operation({
    summary:
      'Reserves the batches the clerk chose for a line of a manual-allocation category; expired or short-dated choices are refused.',
    access: 'orders.write',
    kind: 'write',
    input: z.object({
      orderLineId: id,
      batches: z
        .array(z.object({ batchId: id, quantity: z.int().positive('Quantity must be more than zero') }))
        .min(1, 'Choose at least one batch'),
    }),
    output: orderDetail,
  }),
  'orders.fillBackorders': operation({
    summary:
      "Reserves stock that has arrived for an order's backordered lines, by the same allocation rule as at confirmation; free goods follow the paid units reserved. 409 when nothing can be reserved yet.",
    access: 'orders.write',
    kind: 'write',
    input: idInput,
    output: orderDetail,
  }),
};
