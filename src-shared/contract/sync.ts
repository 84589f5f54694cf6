import { z } from 'zod';
import { operation } from './define';
import { id, isoDate } from './common';

const when = z.string().nullable();

const controlTotalsResult = z.object({
  businessDate: z.string(),
  matches: z.boolean(),
  differences: z.array(z.object({ field: z.string(), device: z.unknown(), hq: z.unknown() })),
  checkedAt: z.string(),
});

export const syncStatus = z.object({
  enrolled: z.boolean(),
  hqAddress: z.string(),
  distributorCode: z.string(),
  distributorName: z.string(),
  deviceId: z.string().nullable().describe("HQ's id for this installation; the secret itself is never shown"),
  enabled: z.boolean(),
  running: z.boolean().describe('A sync is under way now'),
  queued: z.int().describe('Events waiting to go to HQ'),
  parked: z.int().describe('Events HQ refused, waiting for an administrator'),
  lastSeq: z.int(),
  hqHighWaterMark: z.int().describe('HQ holds every event up to this sequence number'),
  lastPushAt: when,
  lastPullAt: when,
  lastError: z.string().describe('The last failure in plain words; empty after a successful sync'),
  lastErrorAt: when,
  controlTotals: controlTotalsResult.nullable().describe("HQ's answer to the last daily control totals sent"),
});

const parkedEvent = z.object({
  seq: z.int(),
  type: z.string(),
  businessDate: z.string(),
  document: z.string(),
  reason: z.string(),
  answeredAt: when,
});

const shipmentLine = z.object({
  lineNo: z.int(),
  sku: z.string(),
  productName: z.string(),
  batchNo: z.string(),
  mfgDate: z.string(),
  expiryDate: z.string(),
  qty: z.int(),
  ratePaise: z.int(),
});
const shipment = z.object({
  id,
  brandInvoiceNumber: z.string(),
  invoiceDate: z.string(),
  status: z.string(),
  version: z.int(),
  lines: z.array(shipmentLine),
  totalQty: z.int(),
});

export const syncOperations = {
  'sync.status': operation({
    summary:
      'Where this installation stands with HQ: enrolment, queued and parked events, last push and pull, last error, control totals.',
    access: 'sync.admin',
    kind: 'read',
    input: z.object({}),
    output: syncStatus,
  }),
  'sync.enrol': operation({
    summary:
      'Enrols this installation with HQ using the one-time code the brand gave. https:// only (plain http only to this computer).',
    access: 'sync.admin',
    kind: 'read',
    input: z.object({
      hqAddress: z.string().trim().min(1, 'Enter the HQ address'),
      enrolmentCode: z.string().trim().min(6, 'The enrolment code is at least 6 characters').max(64),
      deviceName: z.string().trim().min(1).max(80).default('Stockist'),
    }),
    output: syncStatus,
  }),
  'sync.setEnabled': operation({
    summary: 'Turns automatic sync on or off (off by default).',
    access: 'sync.admin',
    kind: 'write',
    input: z.object({ enabled: z.boolean() }),
    output: z.object({ enabled: z.boolean() }),
  }),
  'sync.now': operation({
    summary:
      "Syncs now: pushes queued events, pulls masters and shipments, checks the day's control totals; answers when done.",
    access: 'sync.admin',
    kind: 'read',
    input: z.object({}),
    output: z.object({ ok: z.boolean(), message: z.string(), pushed: z.int(), pulled: z.int(), status: syncStatus }),
  }),
  'sync.parked': operation({
    summary: 'Events HQ refused, with its reasons.',
    access: 'sync.admin',
    kind: 'read',
    input: z.object({}),
    output: z.array(parkedEvent),
  }),
  'sync.resend': operation({
    summary: 'Queues a parked event to be sent again (after HQ is fixed or upgraded). Audited.',
    access: 'sync.admin',
    kind: 'write',
    input: z.object({ seq: z.int().positive() }),
    output: z.object({ ok: z.literal(true) }),
  }),
  'sync.skip': operation({
    summary: 'Gives up on a parked event: it will not be sent again. Audited.',
    access: 'sync.admin',
    kind: 'write',
    input: z.object({
      seq: z.int().positive(),
      reason: z.string().trim().min(1, 'Say why the event is skipped').max(200),
    }),
    output: z.object({ ok: z.literal(true) }),
  }),
  'sync.closingStock': operation({
    summary: 'Writes the closing-stock snapshot of a business day for every warehouse not yet sent for that day.',
    access: 'sync.admin',
    kind: 'write',
    input: z.object({ businessDate: isoDate }),
    output: z.object({ snapshots: z.int() }),
  }),
  'shipments.inTransit': operation({
    summary: 'Primary shipments the brand has invoiced to us that are not yet received.',
    access: 'inventory.read',
    kind: 'read',
    input: z.object({}),
    output: z.array(shipment),
  }),
  'shipments.receive': operation({
    summary:
      'Receives a primary shipment into a warehouse: received and damaged quantity per line; short and excess are worked out and kept.',
    access: 'inventory.write',
    kind: 'write',
    idempotent: true,
    input: z.object({
      id,
      warehouseId: id,
      lines: z
        .array(z.object({ lineNo: z.int().min(0), received: z.int().min(0), damaged: z.int().min(0).default(0) }))
        .min(1),
    }),
    output: z.object({
      goodsReceiptNumber: z.string(),
      lines: z.array(
        z.object({
          lineNo: z.int(),
          expected: z.int(),
          received: z.int(),
          damaged: z.int(),
          short: z.int(),
          excess: z.int(),
        }),
      ),
    }),
  }),
};
