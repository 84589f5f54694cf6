import type { EngineContext } from '../../context';
import type { Gstr1Invoice, Gstr1Line, Gstr1Note, Gstr1Source } from './gstr1-source';
import type { ReturnPeriod } from './return-period';
import { uqcOrOther } from '../../../../src-shared/uqc';

/** The offline tool version the file is written for (docs/formats/GSTR1.md: update with the tool). */
export const OFFLINE_TOOL_VERSION = 'GST3.2.4';

interface LineRow {
  docId: number;
  hsn: string;
  name: string;
  baseUnit: string;
  uqc: string;
  rateBps: number;
  quantity: number;
  taxable: number;
  cgst: number;
  sgst: number;
  igst: number;
  isFree: number;
  tax: number;
}

const toLine = (r: LineRow): Gstr1Line => ({
  hsn: r.hsn,
  description: r.name,
  // Chapter 99 is services (SAC): the return takes NA for their unit.
  uqc: r.hsn.startsWith('99') ? 'NA' : uqcOrOther(r),
  rateBps: r.rateBps,
  quantity: r.quantity,
  taxable: r.taxable,
  cgst: r.cgst,
  sgst: r.sgst,
  igst: r.igst,
  isFree: r.isFree === 1,
});

function byDocument(rows: LineRow[]): Map<number, LineRow[]> {
  const map = new Map<number, LineRow[]>();
  for (const r of rows) {
    const list = map.get(r.docId);
    if (list) list.push(r);
    else map.set(r.docId, [r]);
  }
  return map;
}

/**
 * A credit note line keeps one tax figure; the note's header keeps the heads. Each head is shared over the lines by
 * their tax with cumulative rounding, so the lines add up to the header exactly (one line: the header itself).
 */
export function splitNoteTax(header: { cgst: number; sgst: number; igst: number }, lines: LineRow[]): LineRow[] {
  const total = lines.reduce((s, l) => s + l.tax, 0);
  let upto = 0;
  return lines.map((l) => {
    const share = (head: number) =>
      total === 0 ? 0 : Math.round((head * (upto + l.tax)) / total) - Math.round((head * upto) / total);
    const cgst = share(header.cgst);
    const igst = share(header.igst);
    // SGST takes the rest, so each line's heads add up to its own tax and the heads to the header's.
    const split = { ...l, cgst, sgst: l.tax - cgst - igst, igst };
    upto += l.tax;
    return split;
  });
}

/**
 * Everything GSTR-1 needs for a period: invoices dated in it (cancelled ones too, for the documents-issued count)
 * with their posted lines, and credit notes posted on a business day in it with their lines. A document is B2B by
 * its bill-to party's GSTIN (the invoice's bill-to, else the customer); place of supply is the invoice's (the
 * ship-to's state); an old invoice without one falls back to the buyer's billing state.
 */
export function readGstr1Source(ctx: EngineContext, period: ReturnPeriod): Gstr1Source {
  const { sqlite } = ctx.ledger;
  const company = sqlite.prepare('SELECT gstin, state_code AS stateCode FROM company WHERE id = 1').get() as {
    gstin: string;
    stateCode: string;
  };
  const invoiceRows = sqlite
    .prepare(
      `SELECT i.id, i.number, i.invoice_date AS date, i.status, c.gstin,
              coalesce(nullif(i.place_of_supply, ''), c.bill_state_code) AS placeOfSupply,
              i.taxable, i.cgst, i.sgst, i.igst, i.total
       FROM invoices i JOIN customers c ON c.id = coalesce(i.bill_to_id, i.customer_id)
       WHERE i.invoice_date BETWEEN ? AND ? ORDER BY i.invoice_date, i.number`,
    )
    .all(period.from, period.to) as (Omit<Gstr1Invoice, 'cancelled' | 'lines'> & { id: number; status: string })[];
  const invoiceLines = byDocument(
    sqlite
      .prepare(
        `SELECT il.invoice_id AS docId, coalesce(nullif(il.hsn, ''), p.hsn) AS hsn, p.name, p.base_unit AS baseUnit, p.uqc,
                il.tax_rate_bps AS rateBps, il.quantity, il.taxable, il.cgst, il.sgst, il.igst, il.is_free AS isFree,
                il.cgst + il.sgst + il.igst AS tax
         FROM invoices i JOIN invoice_lines il ON il.invoice_id = i.id JOIN products p ON p.id = il.product_id
         WHERE i.invoice_date BETWEEN ? AND ? AND i.status = 'posted' ORDER BY il.id`,
      )
      .all(period.from, period.to) as LineRow[],
  );
  // Charges besides the goods (freight) are services: their SAC in the HSN summary with UQC NA and no quantity.
  const chargeLines = byDocument(
    sqlite
      .prepare(
        `SELECT ch.invoice_id AS docId, ch.sac AS hsn, ch.description AS name, '' AS baseUnit, 'NA' AS uqc,
                ch.tax_rate_bps AS rateBps, 0 AS quantity, ch.taxable, ch.cgst, ch.sgst, ch.igst, 0 AS isFree,
                ch.cgst + ch.sgst + ch.igst AS tax
         FROM invoices i JOIN invoice_charges ch ON ch.invoice_id = i.id
         WHERE i.invoice_date BETWEEN ? AND ? AND i.status = 'posted' ORDER BY ch.id`,
      )
      .all(period.from, period.to) as LineRow[],
  );
  const invoices: Gstr1Invoice[] = invoiceRows.map(({ id, status, ...inv }) => ({
    ...inv,
    cancelled: status !== 'posted',
    lines: [...(invoiceLines.get(id) ?? []).map(toLine), ...(chargeLines.get(id) ?? []).map(toLine)],
  }));

  const noteRows = sqlite
    .prepare(
      `SELECT cn.id, cn.number, business_date(cn.posted_at) AS date, c.gstin,
              coalesce(nullif(i.place_of_supply, ''), c.bill_state_code) AS placeOfSupply,
              cn.taxable, cn.cgst, cn.sgst, cn.igst, cn.total,
              i.number AS invoiceNumber, i.invoice_date AS invoiceDate, i.total AS invoiceTotal
       FROM credit_notes cn JOIN invoices i ON i.id = cn.invoice_id JOIN customers c ON c.id = coalesce(i.bill_to_id, cn.customer_id)
       WHERE business_date(cn.posted_at) BETWEEN ? AND ? ORDER BY cn.posted_at, cn.number`,
    )
    .all(period.from, period.to) as (Omit<Gstr1Note, 'invoice' | 'lines'> & {
    id: number;
    invoiceNumber: string;
    invoiceDate: string;
    invoiceTotal: number;
  })[];
  const noteLines = byDocument(
    sqlite
      .prepare(
        `SELECT nl.credit_note_id AS docId, coalesce(nullif(il.hsn, ''), p.hsn) AS hsn, p.name, p.base_unit AS baseUnit, p.uqc,
                il.tax_rate_bps AS rateBps, nl.quantity, nl.taxable, 0 AS cgst, 0 AS sgst, 0 AS igst, 0 AS isFree, nl.tax
         FROM credit_notes cn JOIN credit_note_lines nl ON nl.credit_note_id = cn.id
         JOIN invoice_lines il ON il.id = nl.invoice_line_id JOIN products p ON p.id = nl.product_id
         WHERE business_date(cn.posted_at) BETWEEN ? AND ? ORDER BY nl.id`,
      )
      .all(period.from, period.to) as LineRow[],
  );
  const notes: Gstr1Note[] = noteRows.map(({ id, invoiceNumber, invoiceDate, invoiceTotal, ...note }) => ({
    ...note,
    invoice: { number: invoiceNumber, date: invoiceDate, total: invoiceTotal },
    lines: splitNoteTax(note, noteLines.get(id) ?? []).map(toLine),
  }));

  return {
    gstin: company.gstin,
    stateCode: company.stateCode,
    fp: period.fp,
    version: OFFLINE_TOOL_VERSION,
    invoices,
    notes,
  };
}
