import { addHeads, itemsByRate, linesTotal, noHeads, percent, returnDate, rupees, type Heads } from './gstr1-amounts';
import { docIssueRows } from './doc-issue';
import { HsnSummary, type HsnRowJson } from './hsn-summary';
import type { Gstr1Invoice, Gstr1Line, Gstr1Note, Gstr1Source } from './gstr1-source';
import { invoiceSection, noteSection } from './route-documents';

import { gstr1SectionKeys as sectionKeys } from '../../../../src-shared/contract/gstr1';

export type SectionKey = (typeof sectionKeys)[number];

/** A section's count and totals in paise, as the screen and the reconciliation read them. */
export interface SectionTotal extends Heads {
  section: SectionKey;
  /** documents reported (b2cs: the documents netted into its rows) */
  documents: number;
  /** lines of the section as filed (b2cs and HSN: rows; others: documents) */
  rows: number;
  /** Σ `val` of the documents (b2cs: invoices − notes netted in; HSN: taxable + tax) */
  value: number;
}

/** What the return says about one document, from its lines, and where it went. */
export interface DocumentFigures extends Heads {
  number: string;
  kind: 'invoice' | 'credit_note';
  section: SectionKey;
  value: number;
  header: Heads & { total: number };
}

export interface Gstr1Return {
  json: Record<string, unknown>;
  sections: SectionTotal[];
  documents: DocumentFigures[];
  /** documents numbered in the period: invoices (cancelled included) and credit notes */
  issued: { invoices: number; cancelled: number; notes: number };
}

type ItemDet = Record<string, number>;
const itemsJson = (lines: Gstr1Line[], heads: (h: Heads) => ItemDet) =>
  itemsByRate(lines).map((it, i) => ({ num: i + 1, itm_det: { rt: percent(it.rateBps), ...heads(it.heads) } }));
const allHeads = (h: Heads): ItemDet => ({
  txval: rupees(h.taxable),
  iamt: rupees(h.igst),
  camt: rupees(h.cgst),
  samt: rupees(h.sgst),
  csamt: 0,
});
const igstOnly = (h: Heads): ItemDet => ({ txval: rupees(h.taxable), iamt: rupees(h.igst), csamt: 0 });

function groupBy<T>(items: T[], key: (t: T) => string): [string, T[]][] {
  const groups = new Map<string, T[]>();
  for (const t of items) groups.set(key(t), [...(groups.get(key(t)) ?? []), t]);
  return [...groups.entries()].sort((a, b) => a[0].localeCompare(b[0]));
}

const b2bInvoice = (inv: Gstr1Invoice) => ({
  inum: inv.number,
  idt: returnDate(inv.date),
  val: rupees(inv.total),
  pos: inv.placeOfSupply,
  rchrg: 'N',
  inv_typ: 'R',
  itms: itemsJson(inv.lines, allHeads),
});
const b2clInvoice = (inv: Gstr1Invoice) => ({
  inum: inv.number,
  idt: returnDate(inv.date),
  val: rupees(inv.total),
  itms: itemsJson(inv.lines, igstOnly),
});
const noteHead = (n: Gstr1Note) => ({ ntty: 'C', nt_num: n.number, nt_dt: returnDate(n.date), val: rupees(n.total) });

/** B2CS: one row per place of supply and rate, invoices less the small unregistered notes netted into it. */
class B2csRows {
  private readonly rows = new Map<string, { pos: string; rateBps: number; heads: Heads }>();
  add(placeOfSupply: string, lines: Gstr1Line[], sign: 1 | -1): void {
    for (const it of itemsByRate(lines)) {
      const key = `${placeOfSupply}|${String(it.rateBps).padStart(5, '0')}`;
      const row = this.rows.get(key) ?? { pos: placeOfSupply, rateBps: it.rateBps, heads: noHeads() };
      addHeads(row.heads, it.heads, sign);
      this.rows.set(key, row);
    }
  }
  get size(): number {
    return this.rows.size;
  }
  json(stateCode: string) {
    return [...this.rows.entries()]
      .sort((a, b) => a[0].localeCompare(b[0]))
      .map(([, r]) => {
        const intra = r.pos === stateCode;
        const h = r.heads;
        const tax = intra ? { camt: rupees(h.cgst), samt: rupees(h.sgst) } : { iamt: rupees(h.igst) };
        return {
          sply_ty: intra ? 'INTRA' : 'INTER',
          pos: r.pos,
          typ: 'OE',
          rt: percent(r.rateBps),
          txval: rupees(h.taxable),
          ...tax,
          csamt: 0,
        };
      });
  }
}

/**
 * The GST offline tool's GSTR-1 JSON for one period (docs/formats/GSTR1.md): cancelled invoices are left out of the
 * sections and counted in doc_issue; credit notes carry positive amounts and reduce; every amount is summed in paise
 * and converted to rupees once. Also returns each section's totals and each document's figures in paise, for the
 * screen and the reconciliation. Validate the JSON with validateGstr1 before offering it.
 */
export function buildGstr1(source: Gstr1Source): Gstr1Return {
  const { stateCode } = source;
  const documents: DocumentFigures[] = [];
  const sections = new Map<SectionKey, SectionTotal>(
    sectionKeys.map((s) => [s, { section: s, documents: 0, rows: 0, value: 0, ...noHeads() }]),
  );
  const count = (section: SectionKey, heads: Heads, value: number, sign: 1 | -1) => {
    const t = sections.get(section)!;
    t.documents += 1;
    t.value += sign * value;
    addHeads(t, heads, sign);
  };
  const hsnB2b = new HsnSummary();
  const hsnB2c = new HsnSummary();
  const b2cs = new B2csRows();
  const b2b: Gstr1Invoice[] = [];
  const b2cl: Gstr1Invoice[] = [];
  const cdnr: Gstr1Note[] = [];
  const cdnur: Gstr1Note[] = [];

  for (const inv of source.invoices) {
    if (inv.cancelled) continue;
    const section = invoiceSection(inv, stateCode);
    const heads = linesTotal(inv.lines);
    count(section, heads, inv.total, 1);
    documents.push({ number: inv.number, kind: 'invoice', section, value: inv.total, ...heads, header: inv });
    (section === 'b2b' ? hsnB2b : hsnB2c).add(inv.lines, 1);
    if (section === 'b2b') b2b.push(inv);
    else if (section === 'b2cl') b2cl.push(inv);
    else b2cs.add(inv.placeOfSupply, inv.lines, 1);
  }
  for (const note of source.notes) {
    const section = noteSection(note, stateCode);
    const heads = linesTotal(note.lines);
    count(section, heads, note.total, section === 'b2cs' ? -1 : 1);
    documents.push({ number: note.number, kind: 'credit_note', section, value: note.total, ...heads, header: note });
    (section === 'cdnr' ? hsnB2b : hsnB2c).add(note.lines, -1);
    if (section === 'cdnr') cdnr.push(note);
    else if (section === 'cdnur') cdnur.push(note);
    else b2cs.add(note.placeOfSupply, note.lines, -1);
  }
  for (const [key, rows] of [
    ['b2b', b2b.length],
    ['b2cl', b2cl.length],
    ['b2cs', b2cs.size],
    ['cdnr', cdnr.length],
    ['cdnur', cdnur.length],
    ['hsn_b2b', hsnB2b.size],
    ['hsn_b2c', hsnB2c.size],
  ] as const) {
    sections.get(key)!.rows = rows;
  }
  for (const [key, hsn] of [
    ['hsn_b2b', hsnB2b],
    ['hsn_b2c', hsnB2c],
  ] as const) {
    const t = Object.assign(sections.get(key)!, hsn.totals());
    t.value = t.taxable + t.cgst + t.sgst + t.igst;
  }

  const json: Record<string, unknown> = { gstin: source.gstin, fp: source.fp, version: source.version, hash: 'hash' };
  if (b2b.length) json.b2b = groupBy(b2b, (i) => i.gstin).map(([ctin, invs]) => ({ ctin, inv: invs.map(b2bInvoice) }));
  if (b2cl.length)
    json.b2cl = groupBy(b2cl, (i) => i.placeOfSupply).map(([pos, invs]) => ({ pos, inv: invs.map(b2clInvoice) }));
  if (b2cs.size) json.b2cs = b2cs.json(stateCode);
  if (cdnr.length)
    json.cdnr = groupBy(cdnr, (n) => n.gstin).map(([ctin, notes]) => ({
      ctin,
      nt: notes.map((n) => ({
        ...noteHead(n),
        pos: n.placeOfSupply,
        rchrg: 'N',
        inv_typ: 'R',
        itms: itemsJson(n.lines, allHeads),
      })),
    }));
  if (cdnur.length)
    json.cdnur = cdnur.map((n) => ({
      typ: 'B2CL',
      ...noteHead(n),
      pos: n.placeOfSupply,
      itms: itemsJson(n.lines, igstOnly),
    }));
  if (hsnB2b.size || hsnB2c.size) json.hsn = { hsn_b2b: hsnB2b.json(), hsn_b2c: hsnB2c.json() };

  const docDet: { doc_num: number; docs: ReturnType<typeof docIssueRows> }[] = [];
  const invoiceDocs = docIssueRows(source.invoices.map((i) => ({ number: i.number, cancelled: i.cancelled })));
  const noteDocs = docIssueRows(source.notes.map((n) => ({ number: n.number, cancelled: false })));
  if (invoiceDocs.length) docDet.push({ doc_num: 1, docs: invoiceDocs });
  if (noteDocs.length) docDet.push({ doc_num: 5, docs: noteDocs });
  if (docDet.length) json.doc_issue = { doc_det: docDet };

  return {
    json,
    sections: [...sections.values()],
    documents,
    issued: {
      invoices: source.invoices.length,
      cancelled: source.invoices.filter((i) => i.cancelled).length,
      notes: source.notes.length,
    },
  };
}

export type { HsnRowJson };
