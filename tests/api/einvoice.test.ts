import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import Ajv2020 from 'ajv/dist/2020';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gstinCheckChar } from '../../src-shared/gstin';
import { irpAnswer } from '../support/irp-answer';
import { retailer } from '../support/fixtures';
import { pdfText } from '../support/pdf-text';
import { snapshot, startTestServer, TEST_TODAY, type TestClient, type TestServer } from '../support/test-server';
import { buildWorld, pickEverything, setCompany, type World } from '../support/world';

/*
 * E-invoices of a small distributor in Pune (27): an intra-state invoice with free goods, an inter-state one to
 * Bengaluru (29) and a credit note, checked against figures worked by hand and the project's schema, read by a
 * validator of this test's own.
 */
const schema = JSON.parse(
  fs.readFileSync(path.resolve(__dirname, '../../resources/schemas/einvoice-1.1.schema.json'), 'utf8'),
);
const schemaValid = new Ajv2020({ allErrors: true, strict: true }).compile(schema);
const gstin = (first14: string) => `${first14}${gstinCheckChar(first14)}`;
const SELLER_GSTIN = gstin('27AAACS1429B1Z');
const KA_GSTIN = gstin('29AABCB2134K1Z');

let server: TestServer;
let admin: TestClient;
let world: World;
let bengaluru: number;
let intra: { id: number; number: string; total: number; lines: { id: number; sku: string }[] };
let inter: { id: number; number: string; total: number };
let creditNote: { id: number; number: string; total: number };

async function invoiceFor(customerId: number, lines: { productId: number; quantity: number }[]) {
  const placed = await admin.ok('orders.place', {
    customerId,
    warehouseId: world.warehouseId,
    paymentType: 'credit',
    lines,
  });
  await pickEverything(admin, world.warehouseId, [placed.id]);
  const note = await admin.ok('deliveryNotes.post', { orderId: placed.id });
  return admin.ok('invoices.get', { id: note.invoiceId });
}

/** A clerk signed in at the (moved) clock: sessions end when the clock jumps a day. */
async function signedInNow(): Promise<TestClient> {
  const client = server.client();
  await client.ok('auth.login', { username: 'admin', password: 'correct-horse' });
  return client;
}

const exported = async (type: 'invoice' | 'creditNote', id: number) =>
  JSON.parse((await admin.ok('einvoice.export', { type, id })).content);

beforeAll(async () => {
  server = await startTestServer();
  admin = await server.admin();
  world = await buildWorld(admin);
  await setCompany(admin, {
    gstin: SELLER_GSTIN,
    addressLine1: 'Plot 12, MIDC Bhosari',
    city: 'Pune',
    pincode: '411026',
    phone: '020-27120000',
  });
  await admin.ok('schemes.create', {
    code: 'G24',
    name: 'Glucose 24+2',
    rule: {
      kind: 'free_goods',
      buyProductId: world.glucose,
      buyQuantity: 24,
      getProductId: world.glucose,
      getQuantity: 2,
      repeat: true,
    },
  });
  bengaluru = (
    await admin.ok(
      'customers.create',
      retailer({
        code: 'RT0200',
        name: 'Bengaluru Mart',
        gstin: KA_GSTIN,
        billTo: { line1: '14 MG Road', city: 'Bengaluru', district: 'Bengaluru', stateCode: '29', pincode: '560001' },
      }),
    )
  ).id;
  intra = await invoiceFor(world.customerId, [
    { productId: world.glucose, quantity: 48 },
    { productId: world.tea, quantity: 5 },
  ]);
  inter = await invoiceFor(bengaluru, [{ productId: world.cream, quantity: 12 }]);
  const teaLine = intra.lines.find((l: { sku: string }) => l.sku === 'AMR-0001');
  creditNote = await admin.ok('creditNotes.post', {
    invoiceId: intra.id,
    kind: 'return',
    reason: 'Two packs torn',
    lines: [{ invoiceLineId: teaLine!.id, quantity: 2 }],
  });
}, 60_000);
afterAll(() => server.close());

describe('the IRP JSON of a document', () => {
  it('is refused naming the document and field while a warehouse has no PIN code, and then offered', async () => {
    const refused = await admin.call('einvoice.export', { type: 'invoice', id: intra.id });
    expect(refused.status).toBe(400);
    expect(refused.body.error).toMatchObject({ code: 'invalid_input', field: 'DispDtls.Pin' });
    expect(refused.body.error.message).toContain(`${intra.number}: warehouse Test Distributors - Pune's PIN code`);
    const pune = (await admin.ok('warehouses.list', {})).find((w: { code: string }) => w.code === 'PUN');
    await admin.ok('warehouses.update', {
      ...pune,
      address: { ...pune.address, line1: 'Gala 7, Chakan Road', pincode: '410501' },
    });
  });

  it('of an intra-state invoice carries the free units as FreeQty and matches the hand-worked figures', async () => {
    const json = await exported('invoice', intra.id);
    expect(schemaValid(json), JSON.stringify(schemaValid.errors)).toBe(true);
    expect(json.DocDtls).toEqual({ Typ: 'INV', No: intra.number, Dt: '22/11/2026' });
    expect(json.SellerDtls).toMatchObject({ Gstin: SELLER_GSTIN, Pin: 411026, Stcd: '27', Ph: '02027120000' });
    expect(json.BuyerDtls).toMatchObject({ Gstin: '27AAPFU0939F1ZV', LglNm: 'Sharma Traders', Pos: '27', Pin: 411037 });
    expect(json.DispDtls).toMatchObject({ Addr1: 'Gala 7, Chakan Road', Pin: 410501, Stcd: '27' });
    expect(json.ShipDtls).toBeUndefined();
    // Glucose: 48 × ₹10.00 = ₹480.00 at 18 %: CGST = SGST = ₹43.20, with 4 free (24+2 twice) in the same batch.
    // Tea: 5 × ₹50.00 = ₹250.00 at 5 %: CGST = SGST = ₹6.25.
    expect(json.ItemList).toEqual([
      expect.objectContaining({
        SlNo: '1',
        HsnCd: '19053100',
        Qty: 48,
        FreeQty: 4,
        Unit: 'PCS',
        UnitPrice: 10,
        TotAmt: 480,
        Discount: 0,
        AssAmt: 480,
        GstRt: 18,
        CgstAmt: 43.2,
        SgstAmt: 43.2,
        IgstAmt: 0,
        TotItemVal: 566.4,
        BchDtls: { Nm: 'G-EARLY', ExpDt: '01/03/2027' },
      }),
      expect.objectContaining({
        SlNo: '2',
        Qty: 5,
        UnitPrice: 50,
        TotAmt: 250,
        AssAmt: 250,
        GstRt: 5,
        CgstAmt: 6.25,
        SgstAmt: 6.25,
        TotItemVal: 262.5,
      }),
    ]);
    // ₹730.00 + 2 × ₹49.45 = ₹828.90, rounded up by ₹0.10 to ₹829.00.
    expect(json.ValDtls).toMatchObject({
      AssVal: 730,
      CgstVal: 49.45,
      SgstVal: 49.45,
      IgstVal: 0,
      RndOffAmt: 0.1,
      TotInvVal: 829,
    });
    expect(intra.total).toBe(829_00);
  });

  it('of an inter-state invoice charges IGST with Bengaluru as the place of supply', async () => {
    const json = await exported('invoice', inter.id);
    expect(schemaValid(json), JSON.stringify(schemaValid.errors)).toBe(true);
    expect(json.BuyerDtls).toMatchObject({ Gstin: KA_GSTIN, Pos: '29', Stcd: '29', Loc: 'Bengaluru' });
    // 12 × ₹20.00 = ₹240.00 at 18 % IGST = ₹43.20; ₹283.20 rounds down by ₹0.20 to ₹283.00.
    expect(json.ItemList).toEqual([
      expect.objectContaining({
        Qty: 12,
        UnitPrice: 20,
        AssAmt: 240,
        GstRt: 18,
        IgstAmt: 43.2,
        CgstAmt: 0,
        TotItemVal: 283.2,
      }),
    ]);
    expect(json.ValDtls).toMatchObject({ AssVal: 240, IgstVal: 43.2, CgstVal: 0, RndOffAmt: -0.2, TotInvVal: 283 });
  });

  it('of a credit note refers to its invoice and credits the returned units', async () => {
    const json = await exported('creditNote', creditNote.id);
    expect(schemaValid(json), JSON.stringify(schemaValid.errors)).toBe(true);
    expect(json.DocDtls).toEqual({ Typ: 'CRN', No: creditNote.number, Dt: '22/11/2026' });
    expect(json.RefDtls).toEqual({ PrecDocDtls: [{ InvNo: intra.number, InvDt: '22/11/2026' }] });
    // 2 tea × ₹50.00 = ₹100.00 at 5 %: CGST = SGST = ₹2.50.
    expect(json.ItemList).toEqual([
      expect.objectContaining({
        Qty: 2,
        UnitPrice: 50,
        TotAmt: 100,
        AssAmt: 100,
        CgstAmt: 2.5,
        SgstAmt: 2.5,
        TotItemVal: 105,
      }),
    ]);
    expect(json.ValDtls).toMatchObject({ AssVal: 100, CgstVal: 2.5, SgstVal: 2.5, RndOffAmt: 0, TotInvVal: 105 });
  });

  it('is refused for a buyer without a GSTIN (B2C gets no IRN)', async () => {
    const walkIn = (await admin.ok('customers.create', retailer({ code: 'RT0300', name: 'Walk-in Stores', gstin: '' })))
      .id;
    const b2c = await invoiceFor(walkIn, [{ productId: world.glucose, quantity: 1 }]);
    const refused = await admin.call('einvoice.export', { type: 'invoice', id: b2c.id });
    expect(refused.body.error).toMatchObject({ field: 'BuyerDtls.Gstin' });
    expect(refused.body.error.message).toContain(`${b2c.number}: Walk-in Stores has no GSTIN`);
  });
});

describe('the due list and bulk export', () => {
  it('lists nothing while e-invoicing is off, then every B2B document from the applies-from date', async () => {
    expect(await admin.ok('einvoice.due', {})).toEqual({ appliesFrom: null, count: 0, documents: [] });
    await admin.ok('einvoice.updateSettings', { appliesFrom: '2026-11-01' });
    const due = await admin.ok('einvoice.due', {});
    expect(due.count).toBe(3);
    expect(due.documents.map((d: { number: string }) => d.number)).toEqual(
      [creditNote.number, intra.number, inter.number].sort(),
    );
  });

  it('puts every due document in one file that passes the schema', async () => {
    const bulk = await admin.ok('einvoice.exportBulk', { from: '2026-11-01', to: '2026-11-30' });
    expect(bulk).toMatchObject({ count: 3, refused: [] });
    const documents = JSON.parse(bulk.content);
    for (const d of documents) expect(schemaValid(d), JSON.stringify(schemaValid.errors)).toBe(true);
  });
});

const answerFor = (doc: { number: string; total: number }, extra: object = {}) =>
  irpAnswer({
    number: doc.number,
    date: '2026-11-22',
    sellerGstin: SELLER_GSTIN,
    buyerGstin: '27AAPFU0939F1ZV',
    total: doc.total,
    ...extra,
  });

describe("importing the IRP's answer", () => {
  it('refuses an answer that does not fit the document, a malformed one and an unknown number, writing nothing', async () => {
    const before = snapshot(server.ledger);
    const wrongBuyer = await admin.call('einvoice.importResponse', {
      response: JSON.stringify([answerFor(intra), answerFor(inter)]),
    });
    expect(wrongBuyer.status).toBe(400);
    expect(wrongBuyer.body.error.message).toBe(
      `Answer 2: the IRN is for another ${inter.number}: buyer GSTIN 27AAPFU0939F1ZV, ours is ${KA_GSTIN}`,
    );
    const shortIrn = await admin.call('einvoice.importResponse', {
      response: JSON.stringify({ ...answerFor(intra), Irn: 'abc' }),
    });
    expect(shortIrn.body.error.message).toBe('Irn must be 64 hexadecimal characters');
    const unknown = await admin.call('einvoice.importResponse', {
      response: JSON.stringify(answerFor({ number: 'INV/26-27/999999', total: 100 })),
    });
    expect(unknown.body.error.message).toBe('no invoice or credit note is numbered INV/26-27/999999');
    expect((await admin.call('einvoice.importResponse', { response: 'not json' })).body.error.field).toBe('response');
    expect(snapshot(server.ledger)).toEqual(before);
  });

  it('keeps the IRN of a registered document and the errors of a refused one, each with an audit row', async () => {
    const imported = await admin.ok('einvoice.importResponse', {
      response: JSON.stringify([
        answerFor(intra),
        { DocNo: inter.number, ErrorDetails: [{ ErrorCode: '2172', ErrorMessage: 'Pincode of buyer is invalid' }] },
      ]),
    });
    expect(imported.results.map((r: { number: string; outcome: string }) => [r.number, r.outcome])).toEqual([
      [intra.number, 'registered'],
      [inter.number, 'refused'],
    ]);
    expect(imported.results[0]).toMatchObject({ ackNo: '232210036743849', ackDate: '2026-11-22 15:30:00' });
    const due = await admin.ok('einvoice.due', {});
    expect(due.documents.map((d: { number: string }) => d.number)).not.toContain(intra.number);
    expect(due.documents.find((d: { number: string }) => d.number === inter.number).errors).toEqual([
      { code: '2172', message: 'Pincode of buyer is invalid' },
    ]);
    const audit = server.ledger.sqlite
      .prepare("SELECT action FROM audit_log WHERE action LIKE 'irn_%' ORDER BY id")
      .all()
      .map((r: any) => r.action);
    expect(audit).toEqual(['irn_registered', 'irn_refused']);
    const again = await admin.ok('einvoice.importResponse', { response: JSON.stringify(answerFor(intra)) });
    expect(again.results[0].outcome).toBe('unchanged');
  });
});

describe('the printed invoice', () => {
  it('prints the IRN and a QR code that decodes back to the imported SignedQRCode', async () => {
    const signed = answerFor(intra).SignedQRCode;
    const printed = pdfText(await admin.ok('documents.invoice', { id: intra.id }));
    expect(printed.text).toContain(`IRN: ${answerFor(intra).Irn}`);
    expect(printed.text).toContain('Ack No: 232210036743849');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'einvoice-qr-'));
    try {
      // Not execFileSync: the test server shares this process, and a blocked loop drops its kept-alive sockets.
      await promisify(execFile)('pdftoppm', [
        '-png',
        '-r',
        '200',
        '-f',
        '1',
        '-l',
        '1',
        printed.file,
        path.join(dir, 'page'),
      ]);
      const page = fs.readdirSync(dir).find((f) => f.endsWith('.png'))!;
      const png = PNG.sync.read(fs.readFileSync(path.join(dir, page)));
      const decoded = jsQR(new Uint8ClampedArray(png.data), png.width, png.height);
      expect(decoded?.data).toBe(signed);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

// Last: these move the clock.
describe('cancelling an invoice that has an IRN', () => {
  it('is allowed within 24 hours of the acknowledgement, marking the IRN cancelled', async () => {
    const fresh = await invoiceFor(world.customerId, [{ productId: world.glucose, quantity: 2 }]);
    await admin.ok('einvoice.importResponse', {
      response: JSON.stringify(answerFor(fresh, { ackDt: '2026-11-22 15:00:00' })),
    });
    server.setNow(new Date(TEST_TODAY.getTime() + 23 * 3600_000));
    try {
      await (await signedInNow()).ok('invoices.cancel', { id: fresh.id, reason: 'Billed to the wrong shop' });
      const row = server.ledger.sqlite
        .prepare('SELECT irn_status AS s, irn_cancelled_at AS at FROM einvoice_irns WHERE invoice_id = ?')
        .get(fresh.id) as { s: string; at: string };
      expect(row).toEqual({ s: 'CNL', at: '2026-11-23T09:00:00.000Z' });
    } finally {
      server.setNow(TEST_TODAY);
    }
  });

  it('is refused after 24 hours with the reason, and nothing is written', async () => {
    const late = await invoiceFor(world.customerId, [{ productId: world.glucose, quantity: 2 }]);
    await admin.ok('einvoice.importResponse', { response: JSON.stringify(answerFor(late)) });
    server.setNow(new Date(TEST_TODAY.getTime() + 24 * 3600_000 + 60_000));
    try {
      const clerk = await signedInNow();
      const before = snapshot(server.ledger);
      const refused = await clerk.call('invoices.cancel', { id: late.id, reason: 'Wrong rate' });
      expect(refused.status).toBe(409);
      expect(refused.body.error.message).toBe(
        `${late.number}: IRN acknowledged more than 24 hours ago (2026-11-22 15:30:00); issue a credit note`,
      );
      expect(snapshot(server.ledger)).toEqual(before);
    } finally {
      server.setNow(TEST_TODAY);
    }
  });
});
