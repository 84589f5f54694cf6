import { closingStockCanonical } from './closing-stock';
import type { SyncEvent } from './event-envelope';
import type { ControlTotals } from './messages';

/** The device's side of the daily control total, from the events of one business day that HQ did not reject
 * or refuse. sha256Hex is passed in because this module runs without Node (the app passes node:crypto's). */
export function controlTotalsOf(events: SyncEvent[], sha256Hex: (text: string) => string): ControlTotals {
  const totals: ControlTotals = {
    eventCounts: {},
    invoicesPostedPaise: 0,
    invoicesCancelledPaise: 0,
    creditNotesPaise: 0,
    paymentsReceivedPaise: 0,
    paymentsReversedPaise: 0,
    closingStockHash: null,
  };
  const snapshots = new Map<string, Extract<SyncEvent, { type: 'closing-stock.snapshot' }>>();
  for (const e of [...events].sort((a, b) => a.deviceSeq - b.deviceSeq)) {
    totals.eventCounts[e.type] = (totals.eventCounts[e.type] ?? 0) + 1;
    if (e.type === 'invoice.posted') totals.invoicesPostedPaise += e.payload.totals.totalPaise;
    if (e.type === 'invoice.cancelled') totals.invoicesCancelledPaise += e.payload.totals.totalPaise;
    if (e.type === 'credit-note.posted') totals.creditNotesPaise += e.payload.totals.totalPaise;
    if (e.type === 'payment.received') totals.paymentsReceivedPaise += e.payload.amountPaise;
    if (e.type === 'payment.reversed') totals.paymentsReversedPaise += e.payload.amountPaise;
    // The latest snapshot of a warehouse in sequence order stands for the day.
    if (e.type === 'closing-stock.snapshot') snapshots.set(e.payload.warehouseCode, e);
  }
  if (snapshots.size) {
    const lines = [...snapshots.values()].flatMap((s) =>
      s.payload.lines.map((l) => ({ ...l, warehouseCode: s.payload.warehouseCode })),
    );
    totals.closingStockHash = sha256Hex(closingStockCanonical(lines));
  }
  return totals;
}
