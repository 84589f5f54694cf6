import { z } from 'zod';
import { operation } from './define';
import { id, idInput } from './common';

const pickLine = z.object({
  id,
  orderId: id,
  orderNumber: z.string(),
  customerName: z.string(),
  productId: id,
  sku: z.string(),
  productName: z.string(),
  baseUnit: z.string(),
  packs: z.string(),
  batchId: id,
  batchNo: z.string(),
  expiresOn: z.string().nullable(),
  rack: z.string(),
  quantity: z.int(),
  picked: z.int(),
  short: z.int(),
  isFree: z.boolean(),
});
export const pickList = z.object({
  id,
  number: z.string(),
  status: z.string(),
  createdAt: z.string(),
  warehouseId: id,
  warehouseCode: z.string(),
  warehouseName: z.string(),
  createdBy: z.string(),
  lines: z.array(pickLine),
});
export type PickList = z.output<typeof pickList>;
const pdf = z.object({ filename: z.string(), base64: z.string() });
export const deliveryNote = z.object({
  id,
  number: z.string(),
  orderId: id,
  orderNumber: z.string(),
  customerId: id,
  customerName: z.string(),
  warehouseCode: z.string(),
  placeOfSupply: z.string(),
  packages: z.int(),
  weightGrams: z.int(),
  status: z.string(),
  postedAt: z.string(),
  invoiceId: z.int().nullable(),
  /** the invoice raised with the note (invoice flow with_delivery_note), or posted for it later */
  invoiceNumber: z.string().nullable(),
  invoiceTotal: z.int().nullable(),
  lines: z.array(
    z.object({
      id,
      sku: z.string(),
      productName: z.string(),
      batchNo: z.string(),
      expiresOn: z.string().nullable(),
      quantity: z.int(),
      baseUnit: z.string(),
    }),
  ),
});

export const fulfilmentOperations = {
  'picking.readyOrders': operation({
    summary: 'Confirmed orders with stock reserved in a warehouse and not yet on a pick list.',
    access: 'orders.read',
    kind: 'read',
    input: z.object({ warehouseId: id }),
    output: z.array(
      z.object({
        id,
        number: z.string(),
        customerName: z.string(),
        route: z.string(),
        requiredDate: z.string().nullable(),
        lines: z.int(),
        quantity: z.int(),
      }),
    ),
  }),
  'picking.create': operation({
    summary:
      'A wave pick list for one warehouse from one or many orders, sorted by rack for the walk. Numbered PL/yy-yy/nnnnnn.',
    access: 'picking.write',
    kind: 'write',
    idempotent: true,
    input: z.object({ warehouseId: id, orderIds: z.array(id).min(1, 'Choose at least one order').max(200) }),
    output: pickList,
  }),
  'picking.list': operation({
    summary: 'Pick lists, open first.',
    access: 'orders.read',
    kind: 'read',
    input: z.object({ status: z.enum(['', 'open', 'picked']).default('') }),
    output: z.array(
      z.object({
        id,
        number: z.string(),
        status: z.string(),
        createdAt: z.string(),
        warehouseCode: z.string(),
        lines: z.int(),
        orders: z.int(),
        quantity: z.int(),
        picked: z.int(),
      }),
    ),
  }),
  'picking.get': operation({
    summary: 'One pick list with its lines in walking order.',
    access: 'orders.read',
    kind: 'read',
    input: idInput,
    output: pickList,
  }),
  'picking.scan': operation({
    summary:
      'A barcode scan at the shelf (EAN/GTIN or GS1-128/DataMatrix with 01, 10, 17, 30/37). A wrong or expired batch is refused with 409 and what to pick instead.',
    access: 'picking.write',
    kind: 'write',
    input: z.object({ pickListId: id, code: z.string().min(1, 'Scan or type a barcode').max(200) }),
    output: z.object({ lineId: id, message: z.string(), pickList }),
  }),
  'picking.setPicked': operation({
    summary: 'Types the picked quantity on a line, for picking without a scanner.',
    access: 'picking.write',
    kind: 'write',
    input: z.object({ pickListId: id, lineId: id, picked: z.int().min(0, 'Picked cannot be negative') }),
    output: pickList,
  }),
  'picking.short': operation({
    summary: 'Marks what is left on a line as not found on the shelf: re-allocate from other batches, or backorder it.',
    access: 'picking.write',
    kind: 'write',
    input: z.object({ pickListId: id, lineId: id, action: z.enum(['reallocate', 'backorder']) }),
    output: z.object({ message: z.string(), pickList }),
  }),
  'picking.complete': operation({
    summary: 'Closes the pick list; fully picked orders become ready for their delivery note.',
    access: 'picking.write',
    kind: 'write',
    input: idInput,
    output: pickList,
  }),
  'deliveryNotes.deliverable': operation({
    summary: 'The picked stock of an order that a delivery note can take, by line and batch.',
    access: 'orders.read',
    kind: 'read',
    input: z.object({ orderId: id }),
    output: z.array(
      z.object({
        reservationId: id,
        lineNo: z.int(),
        sku: z.string(),
        productName: z.string(),
        batchNo: z.string(),
        expiresOn: z.string().nullable(),
        quantity: z.int(),
      }),
    ),
  }),
  'deliveryNotes.post': operation({
    summary:
      'Posts a delivery note for picked goods (all, or chosen quantities for a partial delivery): stock is issued, the order moves to partly delivered or delivered. Numbered DN/yy-yy/nnnnnn. ' +
      'Under the default invoice flow (with_delivery_note) it raises its GST tax invoice in the same transaction (invoiceId, invoiceNumber); under before_dispatch the note waits for invoices.post.',
    access: 'billing.write',
    kind: 'write',
    idempotent: true,
    input: z.object({
      orderId: id,
      lines: z
        .array(z.object({ reservationId: id, quantity: z.int().positive('Quantity must be more than zero') }))
        .min(1)
        .nullable()
        .default(null),
      packages: z.int().min(0).max(100_000).default(0),
      weightGrams: z.int().min(0).max(100_000_000).default(0),
    }),
    output: deliveryNote,
  }),
  'deliveryNotes.get': operation({
    summary: 'One delivery note with its batches.',
    access: 'orders.read',
    kind: 'read',
    input: idInput,
    output: deliveryNote,
  }),
  'documents.pickList': operation({
    summary: 'The pick list as a PDF (base64).',
    access: 'orders.read',
    kind: 'read',
    runs: 'worker',
    input: idInput,
    output: pdf,
  }),
};
