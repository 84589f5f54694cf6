import { z } from 'zod';
import { operation } from './define';
import { heldApproval, id, importInput, importResult, isoDate, money, ok, page, text } from './common';

/** The most one movement may move: receipts, transfers and adjustments alike (a typo of extra digits is refused). */
const MAX_STOCK_QUANTITY = 100_000_000;
/** Batch dates are also checked to be real calendar days. */
const realDate = isoDate.refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)), 'Not a real date');
const quantity = z
  .int('Quantity must be a whole number of base units')
  .positive('Quantity must be more than zero')
  .max(MAX_STOCK_QUANTITY, `Quantity must be at most ${MAX_STOCK_QUANTITY} base units`);
export const allocationMethod = z.enum(['fefo', 'fifo', 'lifo', 'manual'], 'Method must be fefo, fifo, lifo or manual');

export const receiptLine = z.object({
  productId: id,
  batchNo: text(30),
  manufacturedOn: realDate.nullable().default(null),
  expiresOn: realDate.nullable().default(null),
  mrp: money('Batch MRP').nullable().default(null),
  quantity,
  /** What the line cost, in paise, before tax (landed); free goods 0. Left out: valued at the moving average. */
  value: money('Value').optional(),
});

export const stockRow = z.object({
  warehouseId: id,
  warehouseCode: z.string(),
  productId: id,
  sku: z.string(),
  productName: z.string(),
  baseUnit: z.string(),
  /** the product's packs as "case=24 · box=6", to show quantities in cases */
  packs: z.string(),
  batchId: id,
  batchNo: z.string(),
  manufacturedOn: z.string().nullable(),
  expiresOn: z.string().nullable(),
  daysToExpiry: z.int().nullable(),
  onHand: z.int(),
  reserved: z.int(),
  available: z.int(),
  inTransit: z.int(),
});
export type StockRow = z.output<typeof stockRow>;

const movement = z.object({
  id,
  at: z.string(),
  warehouseCode: z.string(),
  batchNo: z.string(),
  kind: z.string(),
  quantity: z.int(),
  inTransit: z.int(),
  document: z.string(),
  reason: z.string(),
  userName: z.string(),
  balanceAfter: z.int(),
  /** paise moving with the quantity (and with the goods in transit); null for roles that may not see cost */
  value: z.int().nullable(),
  transitValue: z.int().nullable(),
});

export const inventoryOperations = {
  'inventory.stock': operation({
    summary:
      'Stock by warehouse, product and batch: on hand, reserved, available, in transit; near-expiry and expired views.',
    access: 'inventory.read',
    kind: 'read',
    input: z.object({
      ...page,
      warehouseId: id.nullable().default(null),
      productId: id.nullable().default(null),
      expiry: z.enum(['all', 'near', 'expired']).default('all'),
      inStockOnly: z.boolean().default(true),
      sort: z.enum(['product', 'expiry', 'available']).default('product'),
    }),
    output: z.object({ rows: z.array(stockRow), total: z.int(), nearExpiryDays: z.int() }),
  }),
  'inventory.movements': operation({
    summary:
      'The movement history of a product (optionally one batch or warehouse), newest first, with the running balance.',
    access: 'inventory.read',
    kind: 'read',
    input: z.object({
      productId: id,
      batchId: id.nullable().default(null),
      warehouseId: id.nullable().default(null),
      limit: z.int().min(1).max(1000).default(200),
    }),
    output: z.array(movement),
  }),
  'inventory.reservations': operation({
    summary: 'Which orders hold stock of a batch in a warehouse, reserved or picked.',
    access: 'inventory.read',
    kind: 'read',
    input: z.object({ warehouseId: id, batchId: id }),
    output: z.array(
      z.object({
        orderId: id,
        orderNumber: z.string().nullable(),
        customerName: z.string(),
        quantity: z.int(),
        status: z.string(),
        since: z.string(),
      }),
    ),
  }),
  'inventory.receive': operation({
    summary:
      'Posts a goods receipt (or opening stock): batches are created or matched, stock goes up. Numbered GRN/yy-yy/nnnnnn.',
    access: 'inventory.write',
    kind: 'write',
    idempotent: true,
    input: z.object({
      warehouseId: id,
      kind: z.enum(['receipt', 'opening']).default('receipt'),
      supplier: text(120),
      reference: text(60),
      lines: z.array(receiptLine).min(1, 'Add at least one line').max(500),
    }),
    output: z.object({ id, number: z.string(), lines: z.int(), quantity: z.int() }),
  }),
  'inventory.adjust': operation({
    summary:
      'Corrects stock of one batch with a reason: count adjustment, damage or expiry write-off. Stock going out whose value a write-off approval policy matches is held instead: nothing moves (movementId null, `approval` names the request) until the last level approves.',
    access: 'inventory.write',
    kind: 'write',
    idempotent: true,
    input: z.object({
      warehouseId: id,
      batchId: id,
      kind: z.enum(['adjustment', 'damage', 'expiry']),
      quantity: z
        .int('Quantity must be whole base units')
        .refine((q) => q !== 0, 'Quantity cannot be zero')
        .refine(
          (q) => Math.abs(q) <= MAX_STOCK_QUANTITY,
          `Quantity must be at most ${MAX_STOCK_QUANTITY} base units either way`,
        ),
      reason: z.string().trim().min(3, 'Say why (at least 3 characters)').max(200),
    }),
    output: z.object({
      /** null while a write-off policy holds it for approval */
      movementId: id.nullable(),
      onHand: z.int(),
      approval: heldApproval.nullable(),
    }),
  }),
  'inventory.transfer': operation({
    summary:
      'Sends stock to another warehouse: it leaves at once and shows as in transit there until received. It moves under a delivery challan (DC/yy-yy/nnnnnn), not a tax invoice.',
    access: 'inventory.write',
    kind: 'write',
    idempotent: true,
    input: z.object({
      fromWarehouseId: id,
      toWarehouseId: id,
      lines: z
        .array(z.object({ batchId: id, quantity }))
        .min(1, 'Add at least one line')
        .max(500),
    }),
    output: z.object({ id, number: z.string(), challanNumber: z.string() }),
  }),
  'inventory.receiveTransfer': operation({
    summary: 'Receives a transfer in full at its destination.',
    access: 'inventory.write',
    kind: 'write',
    idempotent: true,
    input: z.object({ id }),
    output: ok,
  }),
  'inventory.transfers': operation({
    summary: 'Transfers, in transit first.',
    access: 'inventory.read',
    kind: 'read',
    input: z.object({ status: z.enum(['', 'in_transit', 'received']).default('') }),
    output: z.array(
      z.object({
        id,
        number: z.string(),
        challanNumber: z.string().nullable(),
        from: z.string(),
        to: z.string(),
        status: z.string(),
        sentAt: z.string(),
        receivedAt: z.string().nullable(),
        lines: z.int(),
        quantity: z.int(),
      }),
    ),
  }),
  'documents.deliveryChallan': operation({
    summary:
      'The delivery challan a transfer between own warehouses travels under, as a PDF (base64): from, to, batches, quantities and value.',
    access: 'inventory.read',
    kind: 'read',
    runs: 'worker',
    input: z.object({ id }),
    output: z.object({ filename: z.string(), base64: z.string() }),
  }),
  'inventory.importOpening': operation({
    summary: 'Opening stock from CSV: warehouse, sku, batch_no, mfg_date, expiry_date, quantity, unit, mrp.',
    access: 'inventory.write',
    kind: 'write',
    idempotent: true,
    input: importInput,
    output: importResult,
  }),
  'inventory.check': operation({
    summary:
      'Recomputes every balance from the movements and reservations, and (for cost.read) every stock value from the movement values; lists any difference (there should be none).',
    access: 'inventory.read',
    kind: 'read',
    input: z.object({}),
    output: z.object({
      checked: z.int(),
      differences: z.array(
        z.object({ warehouseId: id, batchId: id, field: z.string(), stored: z.int(), computed: z.int() }),
      ),
      /** stock_values recomputed from the movements' values; null for roles that may not see cost */
      values: z
        .object({
          checked: z.int(),
          differences: z.array(
            z.object({ warehouseId: id, productId: id, field: z.string(), stored: z.int(), computed: z.int() }),
          ),
        })
        .nullable(),
    }),
  }),
  'inventory.settings': operation({
    summary: 'The allocation method (company default and per category) and the near-expiry window.',
    access: 'inventory.read',
    kind: 'read',
    input: z.object({}),
    output: z.object({
      defaultMethod: allocationMethod,
      nearExpiryDays: z.int(),
      categoryRules: z.array(z.object({ category: z.string(), method: allocationMethod })),
    }),
  }),
  'inventory.updateSettings': operation({
    summary: 'Sets the allocation method (company default and per category) and the near-expiry window.',
    access: 'inventory.settings',
    kind: 'write',
    input: z.object({
      defaultMethod: allocationMethod,
      nearExpiryDays: z.int().min(1, 'At least 1 day').max(3650),
      categoryRules: z
        .array(z.object({ category: z.string().trim().min(1, 'Category is required'), method: allocationMethod }))
        .max(200)
        .default([]),
    }),
    output: ok,
  }),
};
