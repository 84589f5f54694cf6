import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateGstr1 } from '../../src-main/engine/formats/gstr1/validate-gstr1';
import { gstinCheckChar } from '../../src-shared/gstin';
import { biscuit, retailer } from '../support/fixtures';
import { startTestServer, type TestClient, type TestServer } from '../support/test-server';
import { buildWorld, setCompany, type World } from '../support/world';

/*
 * GSTR-1 over a small world posted through the API (counter sales to each kind of buyer, a cancelled invoice,
 * credit notes to a registered and an unregistered buyer), served from a read worker as the app serves it.
 */
let server: TestServer;
let admin: TestClient;
let world: World;
const gstin = (first14: string) => first14 + gstinCheckChar(first14);
const COMPANY = gstin('27AAACS1234A1Z');
const KA_GSTIN = gstin('29AAACR5055K1Z');
const numbers: Record<string, string> = {};

async function sale(name: string, customerId: number, lines: { productId: number; quantity: number }[]) {
  const s = await admin.ok('counter.sale', {
    customerId,
    warehouseId: world.warehouseId,
    lines,
    payment: { mode: 'bank', tendered: 0, reference: '' },
  });
  numbers[name] = s.invoice.number;
  return s.invoice;
}
const decode = (file: { base64: string }) => Buffer.from(file.base64, 'base64');

beforeAll(async () => {
  server = await startTestServer({ readWorkers: 1 });
  admin = await server.admin();
  world = await buildWorld(admin, { creditLimit: 10_00_000_00 });
  await setCompany(admin, { gstin: COMPANY });
  const drink = (
    await admin.ok(
      'products.create',
      biscuit({
        sku: 'HLT-0001',
        name: 'Health Drink 1 kg',
        hsn: '21069099',
        price: 1000_00,
        mrp: 1200_00,
        barcodes: [],
        packs: [],
      }),
    )
  ).id;
  await admin.ok('inventory.receive', {
    warehouseId: world.warehouseId,
    lines: [
      { productId: drink, batchNo: 'H1', expiresOn: '2028-01-01', quantity: 300 },
      { productId: world.tea, batchNo: 'T2', expiresOn: '2028-01-01', quantity: 100 },
    ],
  });
  const customer = async (code: string, state: string, gst: string, city: string) =>
    (
      await admin.ok(
        'customers.create',
        retailer({
          code,
          name: `Buyer ${code}`,
          gstin: gst,
          creditLimit: 10_00_000_00,
          billTo: { line1: 'Main Road', city, district: city, stateCode: state, pincode: '560001' },
        }),
      )
    ).id;
  const kaRegistered = await customer('KA-REG', '29', KA_GSTIN, 'Bengaluru');
  const kaWalkIn = await customer('KA-URP', '29', '', 'Bengaluru');
  const gjWalkIn = await customer('GJ-URP', '24', '', 'Surat');
  const mhWalkIn = await customer('MH-URP', '27', '', 'Pune');

  // 10 × ₹10 + 18% CGST/SGST; 2 × ₹50 + 5%
  const intra = await sale('intra', world.customerId, [
    { productId: world.glucose, quantity: 10 },
    { productId: world.tea, quantity: 2 },
  ]);
  await sale('inter', kaRegistered, [{ productId: world.glucose, quantity: 20 }]); // ₹200 + ₹36 IGST
  const large = await sale('large', kaWalkIn, [{ productId: drink, quantity: 100 }]); // ₹1,00,000 + ₹18,000 IGST
  await sale('smallGj', gjWalkIn, [{ productId: world.tea, quantity: 4 }]); // ₹200 + ₹10 IGST
  await sale('smallMh', mhWalkIn, [{ productId: world.glucose, quantity: 5 }]); // ₹50 + ₹4.50 + ₹4.50
  const cancelled = await sale('cancelled', world.customerId, [{ productId: world.glucose, quantity: 3 }]);
  await admin.ok('invoices.cancel', { id: cancelled.id, reason: 'Billed to the wrong party' });
  const glucoseLine = intra.lines.find((l: { sku: string }) => l.sku === 'SUN-0001')!;
  numbers.cnRegistered = (
    await admin.ok('creditNotes.post', {
      invoiceId: intra.id,
      kind: 'return',
      reason: 'Damaged in transit',
      lines: [{ invoiceLineId: glucoseLine.id, quantity: 2 }],
    })
  ).number;
  numbers.cnLarge = (
    await admin.ok('creditNotes.post', {
      invoiceId: large.id,
      kind: 'return',
      reason: 'Short shelf life',
      lines: [{ invoiceLineId: large.lines[0]!.id, quantity: 10 }],
    })
  ).number;
}, 60_000);
afterAll(() => server.close());

describe('GSTR-1 for a month', () => {
  it('files each document in its section with the hand-worked figures, and the schema accepts the file', async () => {
    const file = JSON.parse(decode(await admin.ok('gstr1.export', { month: '2026-11', format: 'json' })).toString());
    expect(validateGstr1(file)).toEqual([]);
    expect(file).toMatchObject({ gstin: COMPANY, fp: '112026' });
    const b2b = Object.fromEntries(file.b2b.map((c: any) => [c.ctin, c.inv]));
    expect(b2b['27AAPFU0939F1ZV'][0]).toMatchObject({ inum: numbers.intra, val: 223, pos: '27' });
    expect(b2b['27AAPFU0939F1ZV'][0].itms.map((i: any) => i.itm_det)).toEqual([
      { rt: 5, txval: 100, iamt: 0, camt: 2.5, samt: 2.5, csamt: 0 },
      { rt: 18, txval: 100, iamt: 0, camt: 9, samt: 9, csamt: 0 },
    ]);
    expect(b2b[KA_GSTIN][0]).toMatchObject({ inum: numbers.inter, val: 236, pos: '29' });
    expect(file.b2cl).toEqual([
      {
        pos: '29',
        inv: [
          {
            inum: numbers.large,
            idt: '22-11-2026',
            val: 118000,
            itms: [{ num: 1, itm_det: { rt: 18, txval: 100000, iamt: 18000, csamt: 0 } }],
          },
        ],
      },
    ]);
    expect(file.b2cs).toEqual([
      { sply_ty: 'INTER', pos: '24', typ: 'OE', rt: 5, txval: 200, iamt: 10, csamt: 0 },
      { sply_ty: 'INTRA', pos: '27', typ: 'OE', rt: 18, txval: 50, camt: 4.5, samt: 4.5, csamt: 0 },
    ]);
    expect(file.cdnr[0].nt[0]).toMatchObject({ nt_num: numbers.cnRegistered, val: 23.6, pos: '27' }); // ₹20 + ₹3.60
    expect(file.cdnur[0]).toMatchObject({ typ: 'B2CL', nt_num: numbers.cnLarge, pos: '29' });
    expect(file.cdnur[0].itms[0].itm_det).toEqual({ rt: 18, txval: 10000, iamt: 1800, csamt: 0 });
    const invoiceSeries = file.doc_issue.doc_det.find((d: any) => d.doc_num === 1).docs[0];
    expect(invoiceSeries).toMatchObject({ totnum: 6, cancel: 1, net_issue: 5 });
    // the cancelled invoice is counted in doc_issue (its number was used: the series ends on it) and filed nowhere else
    expect(invoiceSeries.to).toBe(numbers.cancelled);
    const { doc_issue: _docs, ...sections } = file;
    expect(JSON.stringify(sections)).not.toContain(numbers.cancelled);
  });

  it('gives the same data as an XLSX workbook, one sheet per section, numbers as numbers', async () => {
    const json = JSON.parse(decode(await admin.ok('gstr1.export', { month: '2026-11', format: 'json' })).toString());
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(decode(await admin.ok('gstr1.export', { month: '2026-11', format: 'xlsx' })) as never);
    const rows = (sheet: string) => {
      const ws = book.getWorksheet(sheet)!;
      const head = (ws.getRow(1).values as string[]).slice(1);
      const out: Record<string, unknown>[] = [];
      ws.eachRow((row, n) => {
        if (n > 1) out.push(Object.fromEntries(head.map((h, i) => [h, row.getCell(i + 1).value])));
      });
      return out;
    };
    const b2bRows = json.b2b.flatMap((c: any) =>
      c.inv.flatMap((i: any) =>
        i.itms.map((it: any) => ({
          gstin: c.ctin,
          inum: i.inum,
          val: i.val,
          rt: it.itm_det.rt,
          txval: it.itm_det.txval,
        })),
      ),
    );
    expect(
      rows('b2b, sez, de').map((r) => ({
        gstin: r['GSTIN/UIN of Recipient'],
        inum: r['Invoice Number'],
        val: r['Invoice Value'],
        rt: r.Rate,
        txval: r['Taxable Value'],
      })),
    ).toEqual(b2bRows);
    expect(rows('b2b, sez, de')[0]!['Invoice date']).toBeInstanceOf(Date);
    expect(rows('b2cl')[0]).toMatchObject({ 'Invoice Value': 118000, 'Place Of Supply': '29-Karnataka', Rate: 18 });
    expect(rows('b2cs').map((r) => [r['Place Of Supply'], r.Rate, r['Taxable Value']])).toEqual(
      json.b2cs.map((r: any) => [expect.stringMatching(new RegExp(`^${r.pos}-`)), r.rt, r.txval]),
    );
    expect(rows('cdnr').map((r) => [r['Note Number'], r['Note Value'], r['Taxable Value']])).toEqual(
      json.cdnr.flatMap((c: any) =>
        c.nt.flatMap((n: any) => n.itms.map((i: any) => [n.nt_num, n.val, i.itm_det.txval])),
      ),
    );
    expect(rows('cdnur').map((r) => [r['UR Type'], r['Note Number'], r['Taxable Value']])).toEqual(
      json.cdnur.map((n: any) => [n.typ, n.nt_num, n.itms[0].itm_det.txval]),
    );
    for (const [sheet, list] of [
      ['hsn(b2b)', 'hsn_b2b'],
      ['hsn(b2c)', 'hsn_b2c'],
    ]) {
      expect(
        rows(sheet!).map((r) => [
          r.HSN,
          r.UQC,
          r['Total Quantity'],
          r.Rate,
          r['Taxable Value'],
          r['Integrated Tax Amount'],
          r['Central Tax Amount'],
          r['State/UT Tax Amount'],
        ]),
      ).toEqual(json.hsn[list!].map((r: any) => [r.hsn_sc, r.uqc, r.qty, r.rt, r.txval, r.iamt, r.camt, r.samt]));
    }
    expect(rows('docs').map((r) => [r['Nature of Document'], r['Total Number'], r.Cancelled])).toEqual([
      ['Invoices for outward supply', 6, 1],
      ['Credit Note', 2, 0],
    ]);
  });

  it('reconciles GSTR-1 with the sales register and the invoices to the paisa', async () => {
    const { reconciliation, sections, issued, problems } = await admin.ok('gstr1.summary', { month: '2026-11' });
    expect(problems).toEqual([]);
    expect(issued).toEqual({ invoices: 6, cancelled: 1, notes: 2 });
    expect(sections.find((s: { section: string }) => s.section === 'b2cl')).toMatchObject({
      documents: 1,
      taxable: 1_00_000_00,
    });
    expect(reconciliation.differences).toEqual([]);
    expect(reconciliation.agrees).toBe(true);
    const [gstr1, register, invoices] = reconciliation.rows;
    // invoices ₹100 + ₹100 + ₹200 + ₹1,00,000 + ₹200 + ₹50, less notes ₹20 and ₹10,000
    expect(gstr1!.taxable).toBe(90_630_00);
    expect(register).toMatchObject({ taxable: gstr1!.taxable, tax: gstr1!.tax, value: gstr1!.value });
    expect(invoices).toMatchObject({
      taxable: gstr1!.taxable,
      cgst: gstr1!.cgst,
      igst: gstr1!.igst,
      value: gstr1!.value,
    });
  });

  it('lists a planted difference by document: a register computed differently, an invoice header off by a paisa', async () => {
    const { sqlite } = server.ledger;
    const row = sqlite
      .prepare("SELECT rowid AS r FROM daily_sales WHERE billed_taxable > 0 AND day = '2026-11-22' LIMIT 1")
      .get() as {
      r: number;
    };
    sqlite.prepare('UPDATE daily_sales SET billed_taxable = billed_taxable + 100 WHERE rowid = ?').run(row.r);
    sqlite.prepare('UPDATE invoices SET cgst = cgst + 1 WHERE number = ?').run(numbers.smallMh);
    try {
      const { reconciliation } = await admin.ok('gstr1.summary', { month: '2026-11' });
      expect(reconciliation.agrees).toBe(false);
      expect(reconciliation.differences).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            between: 'sales register vs invoices',
            figure: 'taxable',
            document: expect.stringContaining('INV/'),
          }),
          {
            document: numbers.smallMh,
            between: 'GSTR-1 lines vs invoice header',
            figure: 'cgst',
            expected: 451,
            found: 450,
          },
        ]),
      );
      const [gstr1, register] = reconciliation.rows;
      expect(register!.taxable - gstr1!.taxable).toBe(100);
    } finally {
      sqlite.prepare('UPDATE daily_sales SET billed_taxable = billed_taxable - 100 WHERE rowid = ?').run(row.r);
      sqlite.prepare('UPDATE invoices SET cgst = cgst - 1 WHERE number = ?').run(numbers.smallMh);
    }
  });

  it('is for those who read billing, and refuses a period that is not a month', async () => {
    const warehouse = await server.as('warehouse_clerk');
    expect((await warehouse.call('gstr1.summary', { month: '2026-11' })).status).toBe(403);
    const bad = await admin.call('gstr1.summary', { month: '2026-13' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.field).toBe('month');
  });
});

describe('GSTR-1 for a quarter', () => {
  it('takes every month of the GST quarter and files for its last month; a month takes only itself', async () => {
    server.setToday('2026-12-03');
    // eleven days on, the morning's session has ended: sign in again
    admin = server.client();
    await admin.ok('auth.login', { username: 'admin', password: 'correct-horse' });
    const december = await sale('december', world.customerId, [{ productId: world.glucose, quantity: 1 }]);
    const month = await admin.ok('gstr1.summary', { month: '2026-11', span: 'month' });
    const quarter = await admin.ok('gstr1.summary', { month: '2026-11', span: 'quarter' });
    expect(quarter.period).toMatchObject({ from: '2026-10-01', to: '2026-12-31', fp: '122026' });
    expect(quarter.issued.invoices).toBe(month.issued.invoices + 1);
    const b2b = (s: typeof month) => s.sections.find((x: { section: string }) => x.section === 'b2b')!;
    expect(b2b(quarter).taxable - b2b(month).taxable).toBe(december.taxable);
    expect(quarter.reconciliation.agrees).toBe(true);
    const file = JSON.parse(
      decode(await admin.ok('gstr1.export', { month: '2026-12', span: 'quarter', format: 'json' })).toString(),
    );
    expect(file.fp).toBe('122026');
  });
});
