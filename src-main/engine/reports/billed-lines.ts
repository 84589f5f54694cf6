/**
 * Invoice lines as reports count them, so that every report's billed value sums to the invoices:
 * `billed_lines` has each line of a posted invoice dated from–to, with `value` = its total, plus
 * its invoice's round-off and charges (freight) on the invoice's largest line (ties: the first). Σ value over an
 * invoice is exactly the invoice total, so any grouping of lines adds up to Σ invoice totals.
 * Use as `WITH ${cte.sql} SELECT … FROM billed_lines il JOIN invoices i …`, cte.params first.
 */
export function billedLinesCte(from: string, to: string): { sql: string; params: string[] } {
  return {
    sql: `billed_lines AS (
      SELECT il.*, il.total + CASE WHEN row_number() OVER (PARTITION BY il.invoice_id ORDER BY il.total DESC, il.id) = 1
                                   THEN inv.round_off + (SELECT coalesce(sum(ch.total), 0) FROM invoice_charges ch
                                                         WHERE ch.invoice_id = inv.id)
                                   ELSE 0 END AS value
      FROM invoice_lines il JOIN invoices inv ON inv.id = il.invoice_id
      WHERE inv.status = 'posted' AND inv.invoice_date BETWEEN ? AND ?)`,
    params: [from, to],
  };
}

/** Invoices a report counts as billed: posted ones (a cancelled invoice billed nothing). */
export const BILLED = "i.status = 'posted'";

/**
 * Value of delivered units at order prices, per delivery note line: each line's total shared by
 * cumulative rounding over its units (as invoices share it), so a fully delivered line counts
 * exactly its total — never the sum of truncated parts. Columns: id, posted (timestamp), value.
 */
export const deliveredValueSql = `SELECT x.id, x.posted_at, x.order_id,
    (2 * x.total * x.upto + x.q) / (2 * x.q) - (2 * x.total * (x.upto - x.quantity) + x.q) / (2 * x.q) AS value
  FROM (SELECT dl.id, dl.quantity, d.posted_at, ol.order_id, ol.total, ol.quantity AS q,
               sum(dl.quantity) OVER (PARTITION BY dl.order_line_id ORDER BY dl.id) AS upto
        FROM delivery_note_lines dl JOIN delivery_notes d ON d.id = dl.delivery_note_id JOIN order_lines ol ON ol.id = dl.order_line_id) x`;
