import type Database from 'better-sqlite3';
import { batchedInsert, nextId } from './batched-insert';

/**
 * The lines a delivered order's documents carry — one issued reservation, delivery note line and stock issue per
 * order line, and an invoice line when billed — written by four INSERT … SELECTs over the order lines once every
 * order is in, instead of four JS inserts per line (some 30M rows at L, binding every value). The generator only
 * notes, per delivered order, its note, its invoice, when it went and whether it stayed in the state.
 *
 * The rows, and their ids, are the ones the per-line inserts wrote: each table's rows in order-line order, each
 * from an empty table (the generator's test compares the generated ledger with the documents it expects).
 */
export function deliveryLines(db: Database.Database) {
  db.exec(`CREATE TEMP TABLE generated_deliveries (order_id INTEGER PRIMARY KEY, note_id INTEGER NOT NULL,
    invoice_id INTEGER, delivered_at TEXT NOT NULL, intra INTEGER NOT NULL)`);
  const deliveries = batchedInsert(
    db,
    'INSERT INTO temp.generated_deliveries (order_id, note_id, invoice_id, delivered_at, intra)',
    '(?, ?, ?, ?, ?)',
  );
  // Order lines in id order, each with its order and its delivery (CROSS JOIN keeps that order: no index needed).
  const delivered = (columns: string) => `SELECT ${columns}, row_number() OVER (ORDER BY ol.id) AS nth
    FROM order_lines ol CROSS JOIN temp.generated_deliveries g ON g.order_id = ol.order_id
      CROSS JOIN orders o ON o.id = ol.order_id`;
  const batch = '(ol.product_id - 1) * @batchesPerProduct + 1';
  return {
    /** A delivered order: its delivery note, its invoice (null when not billed), when and where it went. */
    add(orderId: number, noteId: number, invoiceId: number | null, deliveredAt: string, intraState: boolean): void {
      deliveries.add(orderId, noteId, invoiceId, deliveredAt, intraState ? 1 : 0);
    },
    /** Writes every delivered line's rows: first from each batch of the product, as the generator delivers. */
    write(options: { batchesPerProduct: number; now: string }): void {
      deliveries.flush();
      const params = {
        ...options,
        reservation: nextId(db, 'reservations'),
        noteLine: nextId(db, 'delivery_note_lines'),
      };
      const run = (sql: string) => db.prepare(sql).run(params);
      run(`INSERT INTO stock_movements (at, warehouse_id, product_id, batch_id, kind, quantity, document_type,
             document_id, user_id)
           SELECT g.delivered_at, o.warehouse_id, ol.product_id, ${batch}, 'issue', -ol.quantity, 'delivery_note',
             g.note_id, 1
           FROM order_lines ol CROSS JOIN temp.generated_deliveries g ON g.order_id = ol.order_id
             CROSS JOIN orders o ON o.id = ol.order_id ORDER BY ol.id`);
      run(`INSERT INTO reservations (order_line_id, warehouse_id, product_id, batch_id, quantity, status, created_at)
           SELECT ol.id, o.warehouse_id, ol.product_id, ${batch}, 0, 'issued', @now
           FROM order_lines ol CROSS JOIN temp.generated_deliveries g ON g.order_id = ol.order_id
             CROSS JOIN orders o ON o.id = ol.order_id ORDER BY ol.id`);
      run(`INSERT INTO delivery_note_lines (delivery_note_id, order_line_id, reservation_id, product_id, batch_id,
             quantity)
           SELECT note_id, id, @reservation + nth - 1, product_id, batch_id, quantity
           FROM (${delivered(`g.note_id, ol.id, ol.product_id, ${batch} AS batch_id, ol.quantity`)}) ORDER BY id`);
      run(`INSERT INTO invoice_lines (invoice_id, delivery_note_line_id, order_line_id, product_id, batch_id, hsn,
             quantity, unit_price, gross, discount, taxable, tax_rate_bps, cgst, sgst, igst, total)
           SELECT invoice_id, @noteLine + nth - 1, id, product_id, batch_id, '19053100', quantity, unit_price, gross, 0,
             gross, 1800, CASE WHEN intra THEN tax - tax / 2 ELSE 0 END, CASE WHEN intra THEN tax / 2 ELSE 0 END,
             CASE WHEN intra THEN 0 ELSE tax END, gross + tax
           FROM (${delivered(
             `g.invoice_id, g.intra, ol.id, ol.product_id, ${batch} AS batch_id, ol.quantity, ol.unit_price,
              ol.gross, ol.tax`,
           )}) WHERE invoice_id IS NOT NULL ORDER BY id`);
      db.exec('DROP TABLE temp.generated_deliveries');
    },
  };
}
