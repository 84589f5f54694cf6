import type Database from 'better-sqlite3';
import { batchedInsert } from './batched-insert';

/**
 * The history the app writes around an order, one writer per kind, in the shapes the engine
 * writes them (order-store's addOrderEvent, audit's recordAudit, delivery-notes' issue movement,
 * place-order's approval and notifyApprovers). A new kind of history (purchases, say) is one more
 * writer here and one call in generate-ledger.ts.
 */
export interface OrderHistory {
  orderId: number;
  number: string;
  status: string;
  placedAt: string;
  deliveredAt: string;
  noteId: number | null;
  noteNumber: string;
  invoiceId: number | null;
  invoiceNumber: string;
  paymentId: number | null;
  total: number;
  units: number;
  /** every 20th order went to the owner for approval (a credit breach) */
  approval: boolean;
}

export function historyWriters(db: Database.Database) {
  // Rows go in batches (batched-insert.ts): flush() before anything reads these tables.
  const event = batchedInsert(db, 'INSERT INTO order_events (order_id, at, user_id, kind, message)', '(?, ?, 1, ?, ?)');
  const audit = batchedInsert(
    db,
    'INSERT INTO audit_log (at, user_id, action, entity, entity_id, detail)',
    '(?, 1, ?, ?, ?, ?)',
  );
  const approval = batchedInsert(
    db,
    'INSERT INTO approvals (order_id, reasons, status, requested_by, requested_at, decided_by, decided_at, comment)',
    "(?, ?, 'approved', 1, ?, 1, ?, 'Known customer')",
  );
  const notification = batchedInsert(
    db,
    'INSERT INTO notifications (user_id, at, text, order_id, read_at)',
    '(1, ?, ?, ?, ?)',
  );
  const movement = batchedInsert(
    db,
    `INSERT INTO stock_movements (at, warehouse_id, product_id, batch_id, kind, quantity, document_type, document_id,
       user_id)`,
    '(?, ?, ?, ?, ?, ?, ?, ?, 1)',
  );
  const reasons = JSON.stringify([{ kind: 'credit', message: 'Outstanding would exceed the credit limit' }]);

  return {
    flush(): void {
      for (const rows of [event, audit, approval, notification, movement]) rows.flush();
    },
    /** What placing, picking, delivering and cancelling an order leave on its timeline. */
    orderEvents(h: OrderHistory): void {
      event.add(h.orderId, h.placedAt, 'created', 'Order started');
      if (h.approval) {
        event.add(h.orderId, h.placedAt, 'approval_requested', 'Sent for approval: credit');
        event.add(h.orderId, h.placedAt, 'approved', 'Approved by Bench Admin');
      }
      event.add(h.orderId, h.placedAt, 'placed', `Placed as ${h.number}`);
      event.add(h.orderId, h.placedAt, 'confirmed', `Confirmed; all ${h.units} units reserved`);
      if (h.status === 'cancelled') event.add(h.orderId, h.placedAt, 'cancelled', 'Cancelled: customer changed mind');
      if (h.noteId !== null)
        event.add(
          h.orderId,
          h.deliveredAt,
          'delivery_note',
          `${h.noteNumber} posted: ${h.units} units; order delivered`,
        );
    },
    /** One audit row per change, as recordAudit writes it. */
    auditRows(h: OrderHistory): void {
      audit.add(h.placedAt, 'place', 'order', h.orderId, JSON.stringify({ number: h.number, status: 'confirmed' }));
      if (h.status === 'cancelled') audit.add(h.placedAt, 'cancel', 'order', h.orderId, '{}');
      if (h.noteId !== null)
        audit.add(
          h.deliveredAt,
          'post',
          'delivery_note',
          h.noteId,
          JSON.stringify({ number: h.noteNumber, order: h.number, units: h.units }),
        );
      if (h.invoiceId !== null)
        audit.add(
          h.deliveredAt,
          'post',
          'invoice',
          h.invoiceId,
          JSON.stringify({ number: h.invoiceNumber, total: h.total }),
        );
      if (h.paymentId !== null) audit.add(h.deliveredAt, 'post', 'payment', h.paymentId, '{}');
    },
    /** The approval row and the owner's (read) notification of an order sent for approval. */
    approvals(h: OrderHistory): void {
      if (!h.approval) return;
      approval.add(h.orderId, reasons, h.placedAt, h.placedAt);
      notification.add(h.placedAt, `${h.number} needs approval: credit`, h.orderId, h.placedAt);
    },
    /** A goods receipt that brings in what the year issued, so every balance still equals its movements. */
    receipt(at: string, warehouseId: number, productId: number, batchId: number, quantity: number): void {
      movement.add(at, warehouseId, productId, batchId, 'receipt', quantity, 'goods_receipt', null);
    },
  };
}
export type HistoryWriters = ReturnType<typeof historyWriters>;
