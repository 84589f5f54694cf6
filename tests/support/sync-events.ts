import crypto from 'node:crypto';
import type { EventEnvelope, EventPayload, EventType } from '../../src-shared/sync';

/** Realistic sync events for tests: a device's outbox in miniature. */

export const party = { code: 'C001', name: 'Sharma Kirana', gstin: '27AAPFU0939F1ZV', stateCode: '27' };

export function line(sku: string, qty: number, ratePaise: number) {
  const taxable = qty * ratePaise;
  const tax = Math.round((taxable * 18) / 100);
  return {
    sku,
    batchNo: 'B1',
    qty,
    freeQty: 0,
    ratePaise,
    discountPaise: 0,
    taxablePaise: taxable,
    taxRateBps: 1800,
    taxPaise: tax,
    totalPaise: taxable + tax,
  };
}

export function invoicePayload(
  number: string,
  date: string,
  lines = [line('SKU-1', 10, 5000)],
): EventPayload<'invoice.posted'> {
  const taxable = lines.reduce((s, l) => s + l.taxablePaise, 0);
  const tax = lines.reduce((s, l) => s + l.taxPaise, 0);
  return {
    number,
    date,
    party,
    warehouseCode: 'MAIN',
    placeOfSupply: '27',
    dueDate: date,
    deliveryNoteNumbers: [],
    lines,
    totals: { taxablePaise: taxable, taxPaise: tax, roundOffPaise: 0, totalPaise: taxable + tax },
  };
}

export function event<T extends EventType>(
  deviceSeq: number,
  type: T,
  payload: EventPayload<T>,
  businessDate = '2025-04-10',
): EventEnvelope {
  return {
    eventId: crypto.randomUUID(),
    deviceSeq,
    type,
    schemaVersion: 1,
    occurredAt: `${businessDate}T10:00:00+05:30`,
    businessDate,
    payload,
  };
}

/** n invoices, seq from..from+n-1, each 10 × ₹50 + 18% GST = ₹590. */
export function invoices(from: number, n: number, businessDate = '2025-04-10'): EventEnvelope[] {
  return Array.from({ length: n }, (_, i) =>
    event(from + i, 'invoice.posted', invoicePayload(`INV/25-26/${from + i}`, businessDate), businessDate),
  );
}
