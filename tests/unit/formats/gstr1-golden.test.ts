import { describe, expect, it } from 'vitest';
import { buildGstr1 } from '../../../src-main/engine/formats/gstr1/build-gstr1';
import type { Gstr1Invoice, Gstr1Line, Gstr1Note } from '../../../src-main/engine/formats/gstr1/gstr1-source';
import { splitNoteTax } from '../../../src-main/engine/formats/gstr1/read-gstr1';
import { returnPeriod } from '../../../src-main/engine/formats/gstr1/return-period';
import { invoiceSection, noteSection } from '../../../src-main/engine/formats/gstr1/route-documents';
import { validateGstr1 } from '../../../src-main/engine/formats/gstr1/validate-gstr1';

/*
 * A hand-worked November 2025 for a Maharashtra (27) distributor: every section GSTR-1 files, with free goods, a
 * cancelled invoice and credit notes to a registered and to unregistered buyers. The expected JSON below was worked
 * out by hand from the lines (amounts in rupees), not printed by the code.
 */
const biscuit = { hsn: '19053100', description: 'Sunrise Glucose Biscuit 150 g', uqc: 'PCS', rateBps: 1800 };
const tea = { hsn: '09024020', description: 'Amrut Premium Tea 250 g', uqc: 'PCS', rateBps: 500 };
const drink = { hsn: '21069099', description: 'Health Drink Powder 1 kg jar, family pack', uqc: 'PCS', rateBps: 1800 };
type Product = typeof biscuit;

function line(p: Product, quantity: number, taxable: number, intra: boolean, isFree = false): Gstr1Line {
  const tax = Math.round((taxable * p.rateBps) / 10_000);
  const half = Math.round((taxable * p.rateBps) / 20_000);
  return intra
    ? { ...p, quantity, taxable, cgst: half, sgst: half, igst: 0, isFree }
    : { ...p, quantity, taxable, cgst: 0, sgst: 0, igst: tax, isFree };
}
const sum = (lines: Gstr1Line[]) => {
  const t = { taxable: 0, cgst: 0, sgst: 0, igst: 0 };
  for (const l of lines) for (const k of ['taxable', 'cgst', 'sgst', 'igst'] as const) t[k] += l[k];
  return { ...t, total: t.taxable + t.cgst + t.sgst + t.igst };
};
const REGD = '27AAPFU0939F1ZV';
const REGD_KA = '29AAACR5055K1Z5';
function invoice(
  n: number,
  date: string,
  gstin: string,
  pos: string,
  lines: Gstr1Line[],
  cancelled = false,
): Gstr1Invoice {
  return {
    number: `INV/25-26/${String(n).padStart(6, '0')}`,
    date,
    gstin,
    placeOfSupply: pos,
    cancelled,
    lines,
    ...sum(lines),
  };
}
function note(n: number, date: string, inv: Gstr1Invoice, lines: Gstr1Line[]): Gstr1Note {
  const against = { number: inv.number, date: inv.date, total: inv.total };
  const number = `CN/25-26/${String(n).padStart(6, '0')}`;
  return { number, date, gstin: inv.gstin, placeOfSupply: inv.placeOfSupply, invoice: against, lines, ...sum(lines) };
}

const inv101 = invoice(101, '2025-11-03', REGD, '27', [
  line(biscuit, 100, 1000_00, true),
  line(tea, 10, 500_00, true),
  line(biscuit, 10, 0, true, true), // free goods: 10 biscuits on the scheme
]);
const inv102 = invoice(102, '2025-11-05', REGD_KA, '29', [line(biscuit, 200, 2000_00, false)]);
const inv103 = invoice(103, '2025-11-07', '', '29', [line(drink, 100, 1_00_000_00, false)]); // ₹1,18,000 > ₹1 lakh
const inv104 = invoice(104, '2025-11-10', '', '27', [line(biscuit, 50, 500_00, true)]);
const inv105 = invoice(105, '2025-11-12', '', '24', [line(tea, 20, 1000_00, false)]);
const inv106 = invoice(106, '2025-11-14', REGD, '27', [line(biscuit, 30, 300_00, true)], true);
const inv107 = invoice(107, '2025-11-15', '', '27', [line(tea, 4, 200_00, true)]);
const source = {
  gstin: '27BHPPF1001M1ZG',
  stateCode: '27',
  fp: '112025',
  version: 'GST3.2.4',
  invoices: [inv101, inv102, inv103, inv104, inv105, inv106, inv107],
  notes: [
    note(1, '2025-11-20', inv101, [line(biscuit, 10, 100_00, true)]),
    note(2, '2025-11-21', inv103, [line(drink, 10, 10_000_00, false)]),
    note(3, '2025-11-22', inv104, [line(biscuit, 5, 50_00, true)]),
  ],
};

const expected = {
  gstin: '27BHPPF1001M1ZG',
  fp: '112025',
  version: 'GST3.2.4',
  hash: 'hash',
  b2b: [
    {
      ctin: REGD,
      inv: [
        {
          inum: 'INV/25-26/000101',
          idt: '03-11-2025',
          val: 1705,
          pos: '27',
          rchrg: 'N',
          inv_typ: 'R',
          itms: [
            { num: 1, itm_det: { rt: 5, txval: 500, iamt: 0, camt: 12.5, samt: 12.5, csamt: 0 } },
            { num: 2, itm_det: { rt: 18, txval: 1000, iamt: 0, camt: 90, samt: 90, csamt: 0 } },
          ],
        },
      ],
    },
    {
      ctin: REGD_KA,
      inv: [
        {
          inum: 'INV/25-26/000102',
          idt: '05-11-2025',
          val: 2360,
          pos: '29',
          rchrg: 'N',
          inv_typ: 'R',
          itms: [{ num: 1, itm_det: { rt: 18, txval: 2000, iamt: 360, camt: 0, samt: 0, csamt: 0 } }],
        },
      ],
    },
  ],
  b2cl: [
    {
      pos: '29',
      inv: [
        {
          inum: 'INV/25-26/000103',
          idt: '07-11-2025',
          val: 118000,
          itms: [{ num: 1, itm_det: { rt: 18, txval: 100000, iamt: 18000, csamt: 0 } }],
        },
      ],
    },
  ],
  b2cs: [
    { sply_ty: 'INTER', pos: '24', typ: 'OE', rt: 5, txval: 1000, iamt: 50, csamt: 0 },
    { sply_ty: 'INTRA', pos: '27', typ: 'OE', rt: 5, txval: 200, camt: 5, samt: 5, csamt: 0 },
    // ₹500 billed less the ₹50 credit note against it
    { sply_ty: 'INTRA', pos: '27', typ: 'OE', rt: 18, txval: 450, camt: 40.5, samt: 40.5, csamt: 0 },
  ],
  cdnr: [
    {
      ctin: REGD,
      nt: [
        {
          ntty: 'C',
          nt_num: 'CN/25-26/000001',
          nt_dt: '20-11-2025',
          val: 118,
          pos: '27',
          rchrg: 'N',
          inv_typ: 'R',
          itms: [{ num: 1, itm_det: { rt: 18, txval: 100, iamt: 0, camt: 9, samt: 9, csamt: 0 } }],
        },
      ],
    },
  ],
  cdnur: [
    {
      typ: 'B2CL',
      ntty: 'C',
      nt_num: 'CN/25-26/000002',
      nt_dt: '21-11-2025',
      val: 11800,
      pos: '29',
      itms: [{ num: 1, itm_det: { rt: 18, txval: 10000, iamt: 1800, csamt: 0 } }],
    },
  ],
  hsn: {
    hsn_b2b: [
      {
        num: 1,
        hsn_sc: '09024020',
        desc: 'Amrut Premium Tea 250 g',
        uqc: 'PCS',
        qty: 10,
        rt: 5,
        txval: 500,
        iamt: 0,
        camt: 12.5,
        samt: 12.5,
        csamt: 0,
      },
      // 100 + 10 free + 200 − 10 returned; ₹1000 + ₹2000 − ₹100
      {
        num: 2,
        hsn_sc: '19053100',
        desc: 'Sunrise Glucose Biscuit 150 g',
        uqc: 'PCS',
        qty: 300,
        rt: 18,
        txval: 2900,
        iamt: 360,
        camt: 81,
        samt: 81,
        csamt: 0,
      },
    ],
    hsn_b2c: [
      {
        num: 1,
        hsn_sc: '09024020',
        desc: 'Amrut Premium Tea 250 g',
        uqc: 'PCS',
        qty: 24,
        rt: 5,
        txval: 1200,
        iamt: 50,
        camt: 5,
        samt: 5,
        csamt: 0,
      },
      {
        num: 2,
        hsn_sc: '19053100',
        desc: 'Sunrise Glucose Biscuit 150 g',
        uqc: 'PCS',
        qty: 45,
        rt: 18,
        txval: 450,
        iamt: 0,
        camt: 40.5,
        samt: 40.5,
        csamt: 0,
      },
      // the description cut to the portal's 30 characters
      {
        num: 3,
        hsn_sc: '21069099',
        desc: 'Health Drink Powder 1 kg jar, ',
        uqc: 'PCS',
        qty: 90,
        rt: 18,
        txval: 90000,
        iamt: 16200,
        camt: 0,
        samt: 0,
        csamt: 0,
      },
    ],
  },
  doc_issue: {
    doc_det: [
      {
        doc_num: 1,
        docs: [{ num: 1, from: 'INV/25-26/000101', to: 'INV/25-26/000107', totnum: 7, cancel: 1, net_issue: 6 }],
      },
      {
        doc_num: 5,
        docs: [{ num: 1, from: 'CN/25-26/000001', to: 'CN/25-26/000003', totnum: 3, cancel: 0, net_issue: 3 }],
      },
    ],
  },
};

describe('GSTR-1 builder on a hand-worked month', () => {
  const ret = buildGstr1(source);

  it('produces exactly the hand-worked JSON, which the project schema accepts', () => {
    expect(ret.json).toEqual(expected);
    expect(validateGstr1(ret.json)).toEqual([]);
  });

  it('totals each section in paise; the net of the sections is the invoices less the notes', () => {
    const by = Object.fromEntries(ret.sections.map((s) => [s.section, s]));
    expect(by.b2b).toMatchObject({
      documents: 2,
      rows: 2,
      taxable: 3500_00,
      cgst: 102_50,
      sgst: 102_50,
      igst: 360_00,
      value: 4065_00,
    });
    expect(by.b2cl).toMatchObject({ documents: 1, taxable: 1_00_000_00, igst: 18_000_00, value: 1_18_000_00 });
    // three invoices in, one note netted out: ₹500 + ₹1000 + ₹200 − ₹50
    expect(by.b2cs).toMatchObject({ documents: 4, rows: 3, taxable: 1650_00, cgst: 45_50, sgst: 45_50, igst: 50_00 });
    expect(by.cdnr).toMatchObject({ documents: 1, taxable: 100_00, value: 118_00 });
    expect(by.cdnur).toMatchObject({ documents: 1, taxable: 10_000_00, igst: 1800_00 });
    expect(ret.issued).toEqual({ invoices: 7, cancelled: 1, notes: 3 });
    const live = source.invoices.filter((i) => !i.cancelled);
    const net = (k: 'taxable' | 'cgst' | 'sgst' | 'igst') =>
      live.reduce((s, i) => s + i[k], 0) - source.notes.reduce((s, n) => s + n[k], 0);
    const sign = { b2b: 1, b2cl: 1, b2cs: 1, cdnr: -1, cdnur: -1, hsn_b2b: 0, hsn_b2c: 0 };
    for (const k of ['taxable', 'cgst', 'sgst', 'igst'] as const) {
      expect(ret.sections.reduce((s, x) => s + sign[x.section] * x[k], 0)).toBe(net(k));
      expect(by.hsn_b2b![k] + by.hsn_b2c![k]).toBe(net(k));
    }
    expect(ret.documents.find((d) => d.number === 'INV/25-26/000106')).toBeUndefined();
  });

  it('names the document when the schema refuses the file', () => {
    const bad = buildGstr1({
      ...source,
      invoices: [invoice(1234567, '2025-11-03', REGD, '27', [{ ...line(biscuit, 1, 100, true), hsn: '' }])],
      notes: [],
    });
    const problems = validateGstr1(bad.json);
    expect(problems.map((p) => p.document)).toEqual(expect.arrayContaining(['INV/25-26/1234567', 'HSN (empty)']));
    expect(validateGstr1({ ...bad.json, gstin: '' })[0]!.message).toContain("company's GSTIN");
  });
});

describe('GSTR-1 rules', () => {
  const b2c = (date: string, total: number, pos = '29') =>
    ({ number: 'X', date, gstin: '', placeOfSupply: pos, total }) as Gstr1Invoice;
  it('takes the B2CL limit in force on the invoice date: ₹2.5 lakh before 1 August 2024, ₹1 lakh from then', () => {
    expect(invoiceSection(b2c('2024-07-31', 1_50_000_00), '27')).toBe('b2cs');
    expect(invoiceSection(b2c('2024-08-01', 1_50_000_00), '27')).toBe('b2cl');
    expect(invoiceSection(b2c('2024-08-01', 1_00_000_00), '27')).toBe('b2cs'); // above the limit, not at it
    expect(invoiceSection(b2c('2025-11-01', 5_00_000_00, '27'), '27')).toBe('b2cs'); // intra-state: always B2CS
  });

  it('sends a small note against a B2CL invoice to cdnur, and a note against a small invoice to b2cs', () => {
    const n = (invoiceTotal: number) =>
      ({
        gstin: '',
        placeOfSupply: '29',
        total: 100_00,
        invoice: { date: '2025-11-01', total: invoiceTotal },
      }) as Gstr1Note;
    expect(noteSection(n(1_18_000_00), '27')).toBe('cdnur');
    expect(noteSection(n(50_000_00), '27')).toBe('b2cs');
    expect(noteSection({ ...n(50_000_00), gstin: REGD }, '27')).toBe('cdnr');
  });

  it('shares a credit note’s tax heads over its lines to the paisa', () => {
    const row = (tax: number) => ({ tax }) as Parameters<typeof splitNoteTax>[1][number];
    const lines = splitNoteTax({ cgst: 101, sgst: 101, igst: 0 }, [row(67), row(68), row(67)]);
    expect(lines.map((l) => l.cgst + l.sgst + l.igst)).toEqual([67, 68, 67]);
    expect(lines.reduce((s, l) => s + l.cgst, 0)).toBe(101);
    expect(lines.reduce((s, l) => s + l.sgst, 0)).toBe(101);
  });

  it('files a quarter for its last month and a month for itself', () => {
    expect(returnPeriod('2025-11', 'month')).toMatchObject({ from: '2025-11-01', to: '2025-11-30', fp: '112025' });
    expect(returnPeriod('2025-11', 'quarter')).toMatchObject({ from: '2025-10-01', to: '2025-12-31', fp: '122025' });
    expect(returnPeriod('2026-02', 'quarter')).toMatchObject({ from: '2026-01-01', to: '2026-03-31', fp: '032026' });
  });
});
