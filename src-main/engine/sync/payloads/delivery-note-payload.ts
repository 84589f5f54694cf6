import { businessDate } from '../../business-date';
import type { EngineContext } from '../../context';
import { publishEvent } from '../publish-event';
import { partyOf, warehouseCodeOf } from './party';

export function deliveryNotePayload(ctx: EngineContext, noteId: number) {
  const { sqlite } = ctx.ledger;
  const note = sqlite
    .prepare(
      `SELECT d.number, d.posted_at AS postedAt, d.customer_id AS customerId, d.warehouse_id AS warehouseId, o.number AS orderNumber
       FROM delivery_notes d JOIN orders o ON o.id = d.order_id WHERE d.id = ?`,
    )
    .get(noteId) as {
    number: string;
    postedAt: string;
    customerId: number;
    warehouseId: number;
    orderNumber: string | null;
  };
  const lines = sqlite
    .prepare(
      `SELECT p.sku, b.batch_no AS batchNo, dl.quantity, ol.is_free AS isFree
       FROM delivery_note_lines dl JOIN order_lines ol ON ol.id = dl.order_line_id JOIN products p ON p.id = dl.product_id
       JOIN batches b ON b.id = dl.batch_id WHERE dl.delivery_note_id = ? ORDER BY dl.id`,
    )
    .all(noteId) as { sku: string; batchNo: string; quantity: number; isFree: number }[];
  return {
    number: note.number,
    date: businessDate(ctx, new Date(note.postedAt)),
    party: partyOf(ctx, note.customerId),
    warehouseCode: warehouseCodeOf(ctx, note.warehouseId),
    orderNumber: note.orderNumber,
    lines: lines.map((l) => ({
      sku: l.sku,
      batchNo: l.batchNo,
      qty: l.isFree ? 0 : l.quantity,
      freeQty: l.isFree ? l.quantity : 0,
    })),
  };
}

export function publishDeliveryNotePosted(ctx: EngineContext, noteId: number): void {
  publishEvent(ctx, 'delivery-note.posted', deliveryNotePayload(ctx, noteId));
}
