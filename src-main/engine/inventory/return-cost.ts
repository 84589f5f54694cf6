import { shareOf } from '../../../src-shared/money';
import type { EngineContext } from '../context';

/**
 * What goods coming back from a delivery note are worth: the cost they LEFT at (their issue movements' value),
 * not today's average — a return must not book a gain or loss on stock that never changed.
 *
 * The issue of a batch on one note is one pool (quantity, value). Returns take cumulative shares of it: the
 * units coming back now are worth share(before + now) − share(before), so all returns together give back
 * exactly the value that left, to the paisa. `before` counts every earlier return of that batch against the
 * note, whether the driver brought it back (delivery confirmation) or a credit note took it back.
 *
 * Null when the note issued none of that batch (no pool to take from): the caller lets the movement come in at
 * the average instead.
 */
export function returnValueFromNote(
  ctx: EngineContext,
  deliveryNoteId: number,
  batchId: number,
  quantity: number,
): number | null {
  const { sqlite } = ctx.ledger;
  const issued = sqlite
    .prepare(
      `SELECT coalesce(-sum(quantity), 0) AS q, coalesce(-sum(value), 0) AS v FROM stock_movements
       WHERE document_type = 'delivery_note' AND document_id = ? AND batch_id = ? AND kind = 'issue'`,
    )
    .get(deliveryNoteId, batchId) as { q: number; v: number };
  if (issued.q <= 0) return null;
  const cameBack = sqlite
    .prepare(
      `SELECT coalesce(sum(quantity), 0) AS q FROM stock_movements
       WHERE document_type = 'delivery_note' AND document_id = ? AND batch_id = ? AND kind = 'return'`,
    )
    .get(deliveryNoteId, batchId) as { q: number };
  const credited = sqlite
    .prepare(
      `SELECT coalesce(sum(cl.quantity), 0) AS q FROM credit_note_lines cl
       JOIN invoice_lines il ON il.id = cl.invoice_line_id
       JOIN delivery_note_lines dl ON dl.id = il.delivery_note_line_id
       WHERE dl.delivery_note_id = ? AND cl.batch_id = ?`,
    )
    .get(deliveryNoteId, batchId) as { q: number };
  const before = Math.min(cameBack.q + credited.q, issued.q);
  const upTo = Math.min(before + quantity, issued.q);
  return shareOf(issued.v, upTo, issued.q) - shareOf(issued.v, before, issued.q);
}
