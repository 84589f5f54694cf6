import { closingStockCanonical, type ControlTotals, type EventPayload, type EventType } from '../../src-shared/sync';
import { sha256 } from './hash';
import type { Sql } from './sql';

/** HQ's side of the daily control total: the same sums the device computes, over what HQ accepted from it. */
export async function hqControlTotals(sql: Sql, deviceId: string, businessDate: string): Promise<ControlTotals> {
  const rows = await sql.query<{ type: EventType; n: number; amount: number }>(
    `select type, count(*) as n, coalesce(sum(case
        when type in ('invoice.posted', 'invoice.cancelled', 'credit-note.posted') then (payload->'totals'->>'totalPaise')::bigint
        when type in ('payment.received', 'payment.reversed') then (payload->>'amountPaise')::bigint
        else 0 end), 0) as amount
     from events where device_id = $1 and business_date = $2 and status = 'accepted' group by type`,
    [deviceId, businessDate],
  );
  const amount = (t: EventType) => rows.find((r) => r.type === t)?.amount ?? 0;
  const snapshots = await sql.query<{ payload: EventPayload<'closing-stock.snapshot'> }>(
    `select payload from events where device_id = $1 and business_date = $2 and status = 'accepted'
       and type = 'closing-stock.snapshot' order by device_seq`,
    [deviceId, businessDate],
  );
  return {
    eventCounts: Object.fromEntries(rows.map((r) => [r.type, r.n])),
    invoicesPostedPaise: amount('invoice.posted'),
    invoicesCancelledPaise: amount('invoice.cancelled'),
    creditNotesPaise: amount('credit-note.posted'),
    paymentsReceivedPaise: amount('payment.received'),
    paymentsReversedPaise: amount('payment.reversed'),
    closingStockHash: closingStockHashOf(snapshots.map((s) => s.payload)),
  };
}

/** The latest snapshot per warehouse (in sequence order) counts; null when there is none. */
export function closingStockHashOf(snapshots: EventPayload<'closing-stock.snapshot'>[]): string | null {
  if (!snapshots.length) return null;
  const latest = new Map(snapshots.map((s) => [s.warehouseCode, s]));
  const lines = [...latest.values()].flatMap((s) => s.lines.map((l) => ({ ...l, warehouseCode: s.warehouseCode })));
  return sha256(closingStockCanonical(lines));
}

export function compareTotals(device: ControlTotals, hq: ControlTotals) {
  const differences: Array<{ field: string; device: unknown; hq: unknown }> = [];
  const types = new Set([...Object.keys(device.eventCounts), ...Object.keys(hq.eventCounts)]) as Set<EventType>;
  for (const t of types) {
    const d = device.eventCounts[t] ?? 0,
      h = hq.eventCounts[t] ?? 0;
    if (d !== h) differences.push({ field: `eventCounts.${t}`, device: d, hq: h });
  }
  const fields = [
    'invoicesPostedPaise',
    'invoicesCancelledPaise',
    'creditNotesPaise',
    'paymentsReceivedPaise',
    'paymentsReversedPaise',
    'closingStockHash',
  ] as const;
  for (const f of fields) if (device[f] !== hq[f]) differences.push({ field: f, device: device[f], hq: hq[f] });
  return differences;
}
