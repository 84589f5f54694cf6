import { z } from 'zod';
import { eventEnvelope } from './event-envelope';
import { eventTypes } from './event-payloads';
import { masterItem } from './masters';
import { code, day } from './primitives';

/** Request and response bodies of the sync endpoints (all JSON, all POST). */

export const SYNC_LIMITS = {
  /** Events per push request. */
  maxBatchEvents: 500,
  /** Serialized bytes of the events in one push request; a single larger event travels alone. */
  maxBatchBytes: 2 * 1024 * 1024,
  /** HQ refuses request bodies larger than this (413). */
  maxRequestBytes: 8 * 1024 * 1024,
  /** Items per pull page. */
  maxPullItems: 500,
} as const;

export const enrolRequest = z
  .object({
    enrolmentCode: z.string().min(6).max(64).describe('The one-time code the brand gave the distributor'),
    deviceName: z.string().min(1).max(80).describe('A name HQ shows for this installation, e.g. the PC name'),
    appVersion: z.string().max(40),
  })
  .describe('POST /sync/v1/enrol');

export const enrolResponse = z
  .object({
    deviceId: z.string().describe("HQ's id for this installation; sent on every later request"),
    secret: z.string().describe('The device secret (shown once; HQ keeps only its hash)'),
    distributorCode: code.describe('The distributor HQ enrolled this device for'),
    distributorName: z.string(),
  })
  .describe('Enrolment succeeded');

export const pushRequest = z
  .object({ events: z.array(eventEnvelope).max(SYNC_LIMITS.maxBatchEvents).describe('Events in ascending deviceSeq') })
  .describe('POST /sync/v1/push. An empty list just asks for the high-water mark');

export const eventResult = z.discriminatedUnion('status', [
  z.object({ eventId: z.uuid(), status: z.literal('accepted') }).describe('Stored now, with its effects'),
  z
    .object({ eventId: z.uuid(), status: z.literal('duplicate') })
    .describe('HQ already held this event with the same payload'),
  z
    .object({ eventId: z.uuid(), status: z.literal('rejected'), reason: z.string() })
    .describe('HQ will never accept this event (bad payload, unknown type or version). The device parks it'),
  z
    .object({ eventId: z.uuid(), status: z.literal('conflict'), reason: z.string() })
    .describe('HQ holds a different event under this id or this sequence number. The device parks it'),
]);
export type EventResult = z.output<typeof eventResult>;

export const pushResponse = z
  .object({
    results: z.array(eventResult).describe('One result per event sent, in the same order'),
    highWaterMark: z.int().min(0).describe('Highest n such that HQ holds an answer for every deviceSeq 1..n'),
  })
  .describe('Push answer');

export const pullRequest = z
  .object({
    cursor: z.string().nullable().describe('nextCursor from the previous page, or null to start from the beginning'),
    limit: z.int().min(1).max(SYNC_LIMITS.maxPullItems).optional(),
  })
  .describe('POST /sync/v1/pull');

export const pullResponse = z
  .object({
    items: z.array(masterItem),
    nextCursor: z
      .string()
      .nullable()
      .describe('Store this after applying the page; send it next time. Unchanged when empty'),
    hasMore: z.boolean().describe('Pull again at once when true'),
  })
  .describe('One page of masters, in publication order');

export const controlTotals = z
  .object({
    eventCounts: z
      .partialRecord(z.enum(eventTypes), z.int().min(0))
      .describe('Events of the day per type (types with none may be left out)'),
    invoicesPostedPaise: z.int().describe('Sum of totals.totalPaise of invoice.posted'),
    invoicesCancelledPaise: z.int().describe('Sum of totals.totalPaise of invoice.cancelled'),
    creditNotesPaise: z.int().describe('Sum of totals.totalPaise of credit-note.posted'),
    paymentsReceivedPaise: z.int().describe('Sum of amountPaise of payment.received'),
    paymentsReversedPaise: z.int().describe('Sum of amountPaise of payment.reversed'),
    closingStockHash: z
      .string()
      .nullable()
      .describe('SHA-256 (hex) of the closing-stock canonical text, or null without snapshots'),
  })
  .describe('Totals over the events of one business day that HQ did not reject or refuse');
export type ControlTotals = z.output<typeof controlTotals>;

export const controlTotalsRequest = z
  .object({ businessDate: day, totals: controlTotals.describe('What the device holds') })
  .describe('POST /sync/v1/control-totals');

export const controlTotalsResponse = z
  .object({
    businessDate: day,
    hq: controlTotals.describe('What HQ holds'),
    highWaterMark: z.int().min(0),
    matches: z.boolean(),
    differences: z.array(z.object({ field: z.string(), device: z.unknown(), hq: z.unknown() })),
  })
  .describe("HQ's own totals for the day and where they differ");

export const syncError = z
  .object({
    error: z.object({
      code: z.enum([
        'bad_request',
        'unauthorized',
        'revoked',
        'not_found',
        'too_large',
        'enrolment_refused',
        'internal',
      ]),
      message: z.string(),
    }),
  })
  .describe('Any non-2xx answer');
