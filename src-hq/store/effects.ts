import type { EventPayload, SyncEvent } from '../../src-shared/sync';
import type { Sql } from './sql';

/** What an accepted event changes besides the event log, applied in the transaction that puts the event
 * in the inbox: secondary sales from invoices and credit notes, the latest closing stock, the outlet list. */

interface SaleRow {
  distributor_code: string;
  device_id: string;
  event_id: string;
  business_date: string;
  document_type: string;
  document_number: string;
  customer_code: string;
  sku: string;
  batch_no: string | null;
  qty: number;
  free_qty: number;
  taxable_paise: number;
  tax_paise: number;
  total_paise: number;
}

export interface Accepted {
  deviceId: string;
  distributorCode: string;
  event: SyncEvent;
}

export async function applyEffects(tx: Sql, accepted: Accepted[]): Promise<void> {
  const sales: SaleRow[] = [];
  for (const { deviceId, distributorCode, event } of accepted) {
    const base = {
      distributor_code: distributorCode,
      device_id: deviceId,
      event_id: event.eventId,
      business_date: event.businessDate,
    };
    if (event.type === 'invoice.posted') sales.push(...saleLines(base, 'invoice', event.payload, 1, true));
    if (event.type === 'invoice.cancelled')
      sales.push(...saleLines(base, 'invoice-cancellation', event.payload, -1, true));
    if (event.type === 'credit-note.posted') {
      // Only returns take goods back; other credit notes reduce value, not quantity.
      sales.push(...saleLines(base, 'credit-note', event.payload, -1, event.payload.kind === 'sales-return'));
    }
  }
  if (sales.length) {
    await tx.query(
      `insert into secondary_sales
       select * from jsonb_populate_recordset(null::secondary_sales, $1::jsonb)`,
      [JSON.stringify(sales)],
    );
  }
  for (const { distributorCode, event } of accepted) {
    if (event.type === 'closing-stock.snapshot')
      await replaceClosingStock(tx, distributorCode, event.deviceSeq, event.payload);
    if (event.type === 'customer.created' || event.type === 'customer.changed') {
      await tx.query(
        `insert into outlets (distributor_code, code, data, device_seq) values ($1, $2, $3::jsonb, $4)
         on conflict (distributor_code, code) do update set data = excluded.data, device_seq = excluded.device_seq
         where outlets.device_seq < excluded.device_seq`,
        [distributorCode, event.payload.code, JSON.stringify(event.payload), event.deviceSeq],
      );
    }
  }
}

type Doc = EventPayload<'invoice.posted'> | EventPayload<'credit-note.posted'>;
function saleLines(
  base: Omit<
    SaleRow,
    | 'document_type'
    | 'document_number'
    | 'customer_code'
    | 'sku'
    | 'batch_no'
    | 'qty'
    | 'free_qty'
    | 'taxable_paise'
    | 'tax_paise'
    | 'total_paise'
  >,
  documentType: string,
  doc: Doc,
  sign: 1 | -1,
  moveQty: boolean,
): SaleRow[] {
  return doc.lines.map((l) => ({
    ...base,
    document_type: documentType,
    document_number: doc.number,
    customer_code: doc.party.code,
    sku: l.sku,
    batch_no: l.batchNo,
    qty: moveQty ? sign * l.qty : 0,
    free_qty: moveQty ? sign * l.freeQty : 0,
    taxable_paise: sign * l.taxablePaise,
    tax_paise: sign * l.taxPaise,
    total_paise: sign * l.totalPaise,
  }));
}

/** A later snapshot of the same warehouse and day replaces an earlier one (by device sequence, never clock). */
async function replaceClosingStock(
  tx: Sql,
  distributorCode: string,
  seq: number,
  snap: EventPayload<'closing-stock.snapshot'>,
) {
  const [newer] = await tx.query(
    'select 1 from closing_stock where distributor_code = $1 and warehouse_code = $2 and as_of = $3 and device_seq > $4 limit 1',
    [distributorCode, snap.warehouseCode, snap.asOf, seq],
  );
  if (newer) return;
  await tx.query('delete from closing_stock where distributor_code = $1 and warehouse_code = $2 and as_of = $3', [
    distributorCode,
    snap.warehouseCode,
    snap.asOf,
  ]);
  const rows = snap.lines.map((l) => ({
    distributor_code: distributorCode,
    warehouse_code: snap.warehouseCode,
    as_of: snap.asOf,
    sku: l.sku,
    batch_no: l.batchNo ?? '',
    qty: l.qty,
    device_seq: seq,
  }));
  if (rows.length) {
    await tx.query(
      `insert into closing_stock select * from jsonb_populate_recordset(null::closing_stock, $1::jsonb)
       on conflict (distributor_code, warehouse_code, as_of, sku, batch_no) do update set qty = closing_stock.qty + excluded.qty`,
      [JSON.stringify(rows)],
    );
  }
}
