import { z } from 'zod';
import { operation } from './define';
import { id, importInput, importResult, isoDate, money, ok, text } from './common';

const pdfOut = z.object({ filename: z.string(), base64: z.string() });
const bps = (label: string) =>
  z.int(`${label} must be whole basis points`).min(0).max(10_000, `${label} cannot exceed 100%`);
const quantity = z.int('Quantity must be whole base units').positive('Quantity must be more than 0').max(1e9);

export const supplierRate = z.object({
  supplierId: id,
  productId: id,
  sku: z.string(),
  productName: z.string(),
  baseUnit: z.string(),
  /** paise per base unit before tax */
  rate: z.int(),
  discountBps: z.int(),
  updatedAt: z.string(),
});
export type SupplierRate = z.output<typeof supplierRate>;

export const purchaseOrderStatus = z.enum(['open', 'partly_received', 'closed', 'cancelled']);

const lineInput = z.object({
  productId: id,
  quantity,
  /** paise per base unit; left out, the supplier's price list gives it */
  rate: money('Rate').optional(),
  discountBps: bps('Discount').optional(),
});
const lineInputs = z
  .array(lineInput)
  .min(1, 'Add at least one line')
  .max(500)
  .superRefine((lines, ctx) => {
    lines.forEach((l, i) => {
      if (lines.findIndex((o) => o.productId === l.productId) !== i)
        ctx.addIssue({ code: 'custom', path: [i, 'productId'], message: 'This product is already on the order' });
    });
  });

export const purchaseOrderHead = z.object({
  id,
  number: z.string(),
  supplierId: id,
  supplierName: z.string(),
  warehouseId: id,
  warehouseName: z.string(),
  orderDate: z.string(),
  expectedOn: z.string().nullable(),
  status: purchaseOrderStatus,
  sentAt: z.string().nullable(),
  /** paise before tax, after discount */
  amount: z.int(),
  version: z.int(),
});

export const purchaseOrderLine = z.object({
  id,
  lineNo: z.int(),
  productId: id,
  sku: z.string(),
  productName: z.string(),
  baseUnit: z.string(),
  quantity: z.int(),
  received: z.int(),
  rate: z.int(),
  discountBps: z.int(),
  /** paise: quantity × rate less discount */
  amount: z.int(),
});
export const purchaseOrder = purchaseOrderHead.extend({
  notes: z.string(),
  cancelReason: z.string(),
  lines: z.array(purchaseOrderLine),
});
export type PurchaseOrder = z.output<typeof purchaseOrder>;

export const stockNorm = z.object({
  warehouseId: id,
  productId: id,
  sku: z.string(),
  productName: z.string(),
  minQuantity: z.int().nullable(),
  maxQuantity: z.int().nullable(),
  coverDays: z.int().nullable(),
});
const normQuantity = z.int('must be whole base units').min(0).max(1e9).nullable().default(null);

export const suggestedLine = z.object({
  productId: id,
  sku: z.string(),
  productName: z.string(),
  onHand: z.int(),
  onOrder: z.int(),
  inTransit: z.int(),
  /** average daily sales, base units a day (two decimals are enough to read) */
  dailySales: z.number(),
  target: z.int(),
  suggested: z.int(),
  rate: z.int(),
  discountBps: z.int(),
  /** why this quantity, in the clerk's words */
  why: z.string(),
});

export const purchaseOrderOperations = {
  'supplierRates.list': operation({
    summary: "A supplier's price list: purchase rate (paise per base unit, before tax) and trade discount per product.",
    access: 'purchasing.read',
    kind: 'read',
    input: z.object({ supplierId: id }),
    output: z.array(supplierRate),
  }),
  'supplierRates.set': operation({
    summary: "Sets one product's purchase rate and discount in a supplier's price list (adds it or replaces it).",
    access: 'purchasing.write',
    kind: 'write',
    input: z.object({ supplierId: id, productId: id, rate: money('Rate'), discountBps: bps('Discount').default(0) }),
    output: supplierRate,
  }),
  'supplierRates.remove': operation({
    summary: "Takes a product off a supplier's price list (orders already placed keep their rate).",
    access: 'purchasing.write',
    kind: 'write',
    input: z.object({ supplierId: id, productId: id }),
    output: ok,
  }),
  'supplierRates.import': operation({
    summary: "A supplier's price list from CSV: sku, rate (rupees per base unit, or per `unit` if given), discount %.",
    access: 'purchasing.write',
    kind: 'write',
    idempotent: true,
    input: importInput.extend({ supplierId: id }),
    output: importResult,
  }),
  'purchaseOrders.list': operation({
    summary: 'Purchase orders, newest first, optionally of one supplier or status.',
    access: 'purchasing.read',
    kind: 'read',
    input: z.object({ supplierId: id.optional(), status: purchaseOrderStatus.optional() }),
    output: z.array(purchaseOrderHead),
  }),
  'purchaseOrders.get': operation({
    summary: 'One purchase order with its lines and what has been received against each.',
    access: 'purchasing.read',
    kind: 'read',
    input: z.object({ id }),
    output: purchaseOrder,
  }),
  'purchaseOrders.create': operation({
    summary:
      'A purchase order (indent) to a supplier for one warehouse, numbered PO/yy-yy/nnnnnn; rates from the price list.',
    access: 'purchasing.write',
    kind: 'write',
    idempotent: true,
    input: z.object({
      supplierId: id,
      warehouseId: id,
      expectedOn: isoDate.nullable().default(null),
      notes: text(500),
      lines: lineInputs,
    }),
    output: purchaseOrder,
  }),
  'purchaseOrders.update': operation({
    summary: 'Changes an open purchase order (nothing received yet); `version` must be the one read.',
    access: 'purchasing.write',
    kind: 'write',
    input: z.object({
      id,
      version: z.int(),
      expectedOn: isoDate.nullable().default(null),
      notes: text(500),
      lines: lineInputs,
    }),
    output: purchaseOrder,
  }),
  'purchaseOrders.send': operation({
    summary: 'Records that the order went to the supplier; the PDF and CSV are fetched with documents.purchaseOrder.',
    access: 'purchasing.write',
    kind: 'write',
    input: z.object({ id }),
    output: purchaseOrder,
  }),
  'purchaseOrders.cancel': operation({
    summary: 'Cancels an open purchase order that nothing has been received against.',
    access: 'purchasing.write',
    kind: 'write',
    idempotent: true,
    input: z.object({ id, reason: z.string().trim().min(1, 'Say why the order is cancelled').max(200) }),
    output: purchaseOrder,
  }),
  'documents.purchaseOrder': operation({
    summary: 'The purchase order as a PDF or as CSV (sku, product, quantity, unit, rate, discount %, amount), base64.',
    access: 'purchasing.read',
    kind: 'read',
    input: z.object({ id, format: z.enum(['pdf', 'csv']).default('pdf') }),
    output: pdfOut,
  }),
  'stockNorms.list': operation({
    summary: 'Stock norms of a warehouse: min/max and days of cover per product (base units).',
    access: 'purchasing.read',
    kind: 'read',
    input: z.object({ warehouseId: id }),
    output: z.array(stockNorm),
  }),
  'stockNorms.set': operation({
    summary: 'Sets a product’s norm in a warehouse; all three empty removes it. Max must not be below min.',
    access: 'purchasing.write',
    kind: 'write',
    input: z.object({
      warehouseId: id,
      productId: id,
      minQuantity: normQuantity,
      maxQuantity: normQuantity,
      coverDays: z.int('Days of cover must be whole days').min(1).max(365).nullable().default(null),
    }),
    output: ok,
  }),
  'purchaseOrders.suggest': operation({
    summary:
      "The suggested order for a supplier's products in a warehouse, from stock norms, average daily sales over the window, lead time, stock on hand, on order and in transit; each line says why.",
    access: 'purchasing.read',
    kind: 'read',
    input: z.object({ supplierId: id, warehouseId: id, windowDays: z.int().min(7).max(365).default(30) }),
    output: z.object({ from: z.string(), to: z.string(), leadTimeDays: z.int(), lines: z.array(suggestedLine) }),
  }),
};
