import type Database from 'better-sqlite3';

/**
 * The buying side of the generated year, in the shapes the engine writes: the year's goods receipts come from the
 * brand as purchase invoices (40 lines each) with their supplier-ledger credit, every movement carries its value
 * at the product's cost (70% of its selling price per base unit), stock_values holds the valued balances, and
 * each delivered and invoiced line knows its cost of goods. One cost per product keeps the moving average flat, so
 * the values stay consistent (Σ movement values = stock value) without replaying the averages row by row.
 */
export function writePurchaseHistory(db: Database.Database, invoiceDate: string): { invoices: number; lines: number } {
  const unitCost = '(SELECT p.price * 70 / 100 FROM products p WHERE p.id = %s.product_id)';
  let invoices = 0;
  let lines = 0;
  db.transaction(() => {
    const supplierId = Number(
      db
        .prepare(
          `INSERT INTO suppliers (code, name, gstin, state_code, payment_terms_days, lead_time_days, tds_194q)
           VALUES ('BRAND', 'Bench Brand Ltd', '27AAPFU0939F1ZV', '27', 30, 7, 1)`,
        )
        .run().lastInsertRowid,
    );
    const receipts = db
      .prepare(
        `SELECT m.id, m.warehouse_id AS w, m.product_id AS p, m.batch_id AS b, m.quantity AS q, m.at,
                pr.price * 70 / 100 AS rate, pr.tax_rate_bps AS taxRate
         FROM stock_movements m JOIN products pr ON pr.id = m.product_id
         WHERE m.kind = 'receipt' AND m.document_type = 'goods_receipt' AND m.document_id IS NULL
         ORDER BY m.warehouse_id, m.id`,
      )
      .all() as { id: number; w: number; p: number; b: number; q: number; at: string; rate: number; taxRate: number }[];
    const grn = db.prepare(
      "INSERT INTO goods_receipts (number, warehouse_id, supplier, reference, kind, posted_at, user_id) VALUES (?, ?, 'Bench Brand Ltd', ?, 'receipt', ?, 1)",
    );
    const attach = db.prepare('UPDATE stock_movements SET document_id = ? WHERE id = ?');
    const invoice = db.prepare(
      `INSERT INTO purchase_invoices (number, supplier_id, supplier_invoice_no, invoice_date, warehouse_id, goods_receipt_id,
         intra_state, gross, discount, taxable, cgst, sgst, igst, round_off, total, due_on, posted_at, user_id)
       VALUES (?, ?, ?, ?, ?, ?, 1, ?, 0, ?, ?, ?, 0, 0, ?, ?, ?, 1)`,
    );
    const line = db.prepare(
      `INSERT INTO purchase_invoice_lines (purchase_invoice_id, line_no, product_id, batch_id, quantity, rate, gross,
         discount, charges, taxable, tax_rate_bps, cgst, sgst, igst, total)
       VALUES (?, ?, ?, ?, ?, ?, ?, 0, 0, ?, ?, ?, ?, 0, ?)`,
    );
    const ledger = db.prepare(
      `INSERT INTO supplier_ledger (supplier_id, date, kind, document_type, document_id, number, credit, due_on, posted_at)
       VALUES (?, ?, 'purchase_invoice', 'purchase_invoice', ?, ?, ?, ?, ?)`,
    );
    for (let start = 0; start < receipts.length; start += 40) {
      const group = receipts.slice(start, start + 40);
      const n = ++invoices;
      const number = `PIN/25-26/${String(n).padStart(6, '0')}`;
      const at = group[0]!.at;
      const grnId = Number(
        grn.run(`GRN/25-26/${String(n).padStart(6, '0')}`, group[0]!.w, `BB-${n}`, at).lastInsertRowid,
      );
      const figures = group.map((r) => {
        const taxable = r.rate * r.q;
        const half = Math.round((taxable * r.taxRate) / 20_000);
        return { ...r, taxable, half };
      });
      const taxable = figures.reduce((s, f) => s + f.taxable, 0);
      const half = figures.reduce((s, f) => s + f.half, 0);
      const total = taxable + 2 * half;
      const id = Number(
        invoice.run(
          number,
          supplierId,
          `BB-${n}`,
          invoiceDate,
          group[0]!.w,
          grnId,
          taxable,
          taxable,
          half,
          half,
          total,
          invoiceDate,
          at,
        ).lastInsertRowid,
      );
      figures.forEach((f, i) => {
        attach.run(grnId, f.id);
        line.run(
          id,
          i + 1,
          f.p,
          f.b,
          f.q,
          f.rate,
          f.taxable,
          f.taxable,
          f.taxRate,
          f.half,
          f.half,
          f.taxable + 2 * f.half,
        );
        lines++;
      });
      ledger.run(supplierId, invoiceDate, id, number, total, invoiceDate, at);
    }
    db.exec(`UPDATE stock_movements SET value = quantity * ${unitCost.replace('%s', 'stock_movements')}`);
    db.exec(
      `INSERT INTO stock_values (warehouse_id, product_id, quantity, value, last_quantity, last_value)
       SELECT warehouse_id, product_id, SUM(quantity), SUM(value), SUM(quantity), SUM(value)
       FROM stock_movements GROUP BY warehouse_id, product_id`,
    );
    db.exec(`UPDATE delivery_note_lines SET cost = quantity * ${unitCost.replace('%s', 'delivery_note_lines')}`);
    db.exec(`UPDATE invoice_lines SET cost = quantity * ${unitCost.replace('%s', 'invoice_lines')}`);
  })();
  return { invoices, lines };
}
