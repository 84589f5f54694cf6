import { excelJs } from '../../../documents/lazy-libraries';
import { stateName } from '../../../../src-shared/india-states';

/**
 * The same return as the offline tool's Excel workbook: one sheet per section, named as the tool names them
 * (india-compliance `GovExcelSheetName`; HSN split as `hsn(b2b)` / `hsn(b2c)`), headings as its `GovExcelField`,
 * one row per document and rate. Numbers are numbers (2 decimals), dates real dates shown dd-mmm-yyyy, place of
 * supply as the tool writes it ("27-Maharashtra"). Built from the validated JSON, so the two cannot disagree.
 * The template's summary rows above the headings are left out.
 */
// The file passed the project's schema just before; its shape is the schema's, not repeated as types here.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = Record<string, any>;
type Cell = string | number | Date;

const pos = (code: string) => `${code}-${stateName(code) ?? ''}`;
/** "14-11-2025" → a date at UTC midnight, so Excel shows the same day anywhere. */
const day = (ddmmyyyy: string) =>
  new Date(Date.UTC(Number(ddmmyyyy.slice(6)), Number(ddmmyyyy.slice(3, 5)) - 1, Number(ddmmyyyy.slice(0, 2))));

const sheets: { name: string; headings: string[]; rows: (json: Json, names: Record<string, string>) => Cell[][] }[] = [
  {
    name: 'b2b, sez, de',
    headings: [
      'GSTIN/UIN of Recipient',
      'Receiver Name',
      'Invoice Number',
      'Invoice date',
      'Invoice Value',
      'Place Of Supply',
      'Reverse Charge',
      'Applicable % of Tax Rate',
      'Invoice Type',
      'E-Commerce GSTIN',
      'Rate',
      'Taxable Value',
      'Cess Amount',
    ],
    rows: (json, names) =>
      (json.b2b ?? []).flatMap((c: Json) =>
        c.inv.flatMap((i: Json) =>
          i.itms.map((it: Json) => [
            c.ctin,
            names[c.ctin] ?? '',
            i.inum,
            day(i.idt),
            i.val,
            pos(i.pos),
            i.rchrg,
            '',
            'Regular B2B',
            '',
            it.itm_det.rt,
            it.itm_det.txval,
            it.itm_det.csamt,
          ]),
        ),
      ),
  },
  {
    name: 'b2cl',
    headings: [
      'Invoice Number',
      'Invoice date',
      'Invoice Value',
      'Place Of Supply',
      'Applicable % of Tax Rate',
      'Rate',
      'Taxable Value',
      'Cess Amount',
      'E-Commerce GSTIN',
    ],
    rows: (json) =>
      (json.b2cl ?? []).flatMap((p: Json) =>
        p.inv.flatMap((i: Json) =>
          i.itms.map((it: Json) => [
            i.inum,
            day(i.idt),
            i.val,
            pos(p.pos),
            '',
            it.itm_det.rt,
            it.itm_det.txval,
            it.itm_det.csamt,
            '',
          ]),
        ),
      ),
  },
  {
    name: 'b2cs',
    headings: [
      'Type',
      'Place Of Supply',
      'Applicable % of Tax Rate',
      'Rate',
      'Taxable Value',
      'Cess Amount',
      'E-Commerce GSTIN',
    ],
    rows: (json) => (json.b2cs ?? []).map((r: Json) => [r.typ, pos(r.pos), '', r.rt, r.txval, r.csamt, '']),
  },
  {
    name: 'cdnr',
    headings: [
      'GSTIN/UIN of Recipient',
      'Receiver Name',
      'Note Number',
      'Note Date',
      'Note Type',
      'Place Of Supply',
      'Reverse Charge',
      'Note Supply Type',
      'Note Value',
      'Applicable % of Tax Rate',
      'Rate',
      'Taxable Value',
      'Cess Amount',
    ],
    rows: (json, names) =>
      (json.cdnr ?? []).flatMap((c: Json) =>
        c.nt.flatMap((n: Json) =>
          n.itms.map((it: Json) => [
            c.ctin,
            names[c.ctin] ?? '',
            n.nt_num,
            day(n.nt_dt),
            n.ntty,
            pos(n.pos),
            n.rchrg,
            'Regular B2B',
            n.val,
            '',
            it.itm_det.rt,
            it.itm_det.txval,
            it.itm_det.csamt,
          ]),
        ),
      ),
  },
  {
    name: 'cdnur',
    headings: [
      'UR Type',
      'Note Number',
      'Note Date',
      'Note Type',
      'Place Of Supply',
      'Note Value',
      'Applicable % of Tax Rate',
      'Rate',
      'Taxable Value',
      'Cess Amount',
    ],
    rows: (json) =>
      (json.cdnur ?? []).flatMap((n: Json) =>
        n.itms.map((it: Json) => [
          n.typ,
          n.nt_num,
          day(n.nt_dt),
          n.ntty,
          pos(n.pos),
          n.val,
          '',
          it.itm_det.rt,
          it.itm_det.txval,
          it.itm_det.csamt,
        ]),
      ),
  },
  ...(['hsn_b2b', 'hsn_b2c'] as const).map((list) => ({
    name: list === 'hsn_b2b' ? 'hsn(b2b)' : 'hsn(b2c)',
    headings: [
      'HSN',
      'Description',
      'UQC',
      'Total Quantity',
      'Total Value',
      'Rate',
      'Taxable Value',
      'Integrated Tax Amount',
      'Central Tax Amount',
      'State/UT Tax Amount',
      'Cess Amount',
    ],
    rows: (json: Json) =>
      (json.hsn?.[list] ?? []).map((r: Json) => [
        r.hsn_sc,
        r.desc,
        r.uqc,
        r.qty,
        Math.round((r.txval + r.iamt + r.camt + r.samt + r.csamt) * 100) / 100,
        r.rt,
        r.txval,
        r.iamt,
        r.camt,
        r.samt,
        r.csamt,
      ]),
  })),
  {
    name: 'docs',
    headings: ['Nature of Document', 'Sr. No. From', 'Sr. No. To', 'Total Number', 'Cancelled'],
    rows: (json) =>
      (json.doc_issue?.doc_det ?? []).flatMap((n: Json) =>
        n.docs.map((d: Json) => [natures[n.doc_num] ?? String(n.doc_num), d.from, d.to, d.totnum, d.cancel]),
      ),
  },
];

const natures: Record<number, string> = { 1: 'Invoices for outward supply', 5: 'Credit Note', 4: 'Debit Note' };
const moneyHeadings = /Value|Amount/;

/** The workbook as a file; `names` gives the receiver name per GSTIN (the JSON carries none). */
export async function gstr1Xlsx(json: Json, names: Record<string, string>): Promise<Buffer> {
  const book = new (excelJs().Workbook)();
  book.creator = 'Stockist';
  for (const s of sheets) {
    const sheet = book.addWorksheet(s.name, { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.columns = s.headings.map((h) => ({
      header: h,
      key: h,
      width: Math.max(12, h.length + 2),
      style: moneyHeadings.test(h) ? { numFmt: '0.00' } : /date/i.test(h) ? { numFmt: 'dd-mmm-yyyy' } : {},
    }));
    sheet.getRow(1).font = { bold: true };
    for (const row of s.rows(json, names)) sheet.addRow(row);
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}
