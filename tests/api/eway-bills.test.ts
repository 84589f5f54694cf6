import fs from 'node:fs';
import path from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoGstin } from '../../src-main/engine/demo/seed-demo';
import { retailer } from '../support/fixtures';
import { pdfText } from '../support/pdf-text';
import { snapshot, startTestServer, type TestClient, type TestServer } from '../support/test-server';
import { buildWorld, pickEverything, setCompany, type World } from '../support/world';

/*
 * E-way bills out (the bulk-upload file) and back (the portal's numbers), and what they do to the dispatch. The
 * server's day is 22 Nov 2026 (10:00 UTC, 15:30 in Kolkata); the threshold is lowered to ₹1,000 so small invoices
 * need one.
 */
const schema = JSON.parse(
  fs.readFileSync(path.resolve(__dirname, '../../resources/schemas/ewaybill-1.0.0621.schema.json'), 'utf8'),
);
const valid = new Ajv2020({ allErrors: true, strict: true }).compile(schema);

let server: TestServer;
let admin: TestClient;
let world: World;
const market = { line1: '12, Market Yard Road', line2: '', area: 'Gultekdi', city: 'Pune', district: 'Pune' };
const notes: Record<string, { id: number; number: string; invoiceId: number; invoiceNumber: string }> = {};

async function deliver(name: string, customerId: number, productId: number, quantity: number) {
  const order = await admin.ok('orders.place', {
    customerId,
    warehouseId: world.warehouseId,
    paymentType: 'credit',
    lines: [{ productId, quantity }],
  });
  await pickEverything(admin, world.warehouseId, [order.id]);
  const note = await admin.ok('deliveryNotes.post', { orderId: order.id, packages: 1 });
  notes[name] = { id: note.id, number: note.number, invoiceId: note.invoiceId, invoiceNumber: note.invoiceNumber };
}

beforeAll(async () => {
  server = await startTestServer();
  admin = await server.admin();
  world = await buildWorld(admin);
  await setCompany(admin, {
    gstin: demoGstin('27', 1),
    addressLine1: market.line1,
    addressLine2: market.area,
    city: 'Pune',
    pincode: '411037',
    ewayBillThreshold: 1000_00,
  });
  const pune = (await admin.ok('warehouses.list', {})).find((w: { id: number }) => w.id === world.warehouseId);
  await admin.ok('warehouses.update', { ...pune, address: { ...market, stateCode: '27', pincode: '411037' } });
  const delhi = await admin.ok(
    'customers.create',
    retailer({
      code: 'DL0001',
      name: 'Capital Traders',
      gstin: demoGstin('07', 2),
      billTo: {
        line1: '4 Chandni Chowk',
        city: 'Delhi',
        district: 'Central Delhi',
        stateCode: '07',
        pincode: '110006',
      },
    }),
  );
  const shipped = await admin.ok(
    'customers.create',
    retailer({
      code: 'RT0009',
      name: 'Nashik Mart',
      gstin: demoGstin('27', 3),
      billTo: { line1: 'Shop 1, College Road', city: 'Nashik', district: 'Nashik', stateCode: '27', pincode: '422005' },
      shipTo: {
        line1: 'Godown 2, MIDC Satpur',
        city: 'Nashik',
        district: 'Nashik',
        stateCode: '27',
        pincode: '422007',
      },
    }),
  );
  await deliver('intra', world.customerId, world.glucose, 120);
  await deliver('inter', delhi.id, world.glucose, 100);
  await deliver('shipTo', shipped.id, world.cream, 50);
  await deliver('small', world.customerId, world.cream, 1);
});
afterAll(() => server.close());

const ids = () => [notes.intra!, notes.inter!, notes.shipTo!, notes.small!].map((n) => n.invoiceId);

describe('the e-way bill file', () => {
  it('holds the invoices above the threshold, worked to the rupee, and says why the small one is left out', async () => {
    await admin.ok('customers.setDistance', { customerId: world.customerId, km: 12 });
    const transporter = await admin.ok('transporters.save', {
      name: 'Sahyadri Roadways',
      transporterId: demoGstin('27', 4),
    });
    const out = await admin.ok('ewayBills.export', {
      invoiceIds: ids(),
      transport: {
        transporterId: transporter.id,
        vehicleNo: 'mh 12 ab 1234',
        lrNumber: 'LR-881',
        lrDate: '2026-11-22',
      },
    });
    expect(valid(out.file), JSON.stringify(valid.errors)).toBe(true);
    // 1 cream biscuit at ₹20 + 18 % = ₹23.60, rounded to ₹24
    expect(out.skipped).toEqual([
      {
        invoiceNumber: notes.small!.invoiceNumber,
        reason: `${notes.small!.invoiceNumber} ₹24.00 is within the ₹1,000.00 limit`,
      },
    ]);
    const [intra, inter, shipTo] = out.file.billLists;
    // 120 biscuits at ₹10 + 18 % GST within Maharashtra
    expect(intra).toMatchObject({
      docNo: notes.intra!.invoiceNumber,
      docDate: '22/11/2026',
      transType: 1,
      fromPincode: 411037,
      toGstin: '27AAPFU0939F1ZV',
      toPincode: 411037,
      totalValue: 1200,
      cgstValue: 108,
      sgstValue: 108,
      igstValue: 0,
      totInvValue: 1416,
      transDistance: 12,
      transporterId: demoGstin('27', 4),
      transporterName: 'Sahyadri Roadways',
      transDocNo: 'LR-881',
      transDocDate: '22/11/2026',
      vehicleNo: 'MH12AB1234',
      vehicleType: 'R',
    });
    expect(intra.itemList).toEqual([
      expect.objectContaining({ hsnCode: '19053100', qtyUnit: 'PCS', quantity: 120, taxableAmount: 1200, cgstRate: 9 }),
    ]);
    // 100 biscuits at ₹10 + 18 % IGST to Delhi: place of supply 7
    expect(inter).toMatchObject({ transType: 1, toStateCode: 7, totalValue: 1000, igstValue: 180, totInvValue: 1180 });
    expect(inter.itemList[0]).toMatchObject({ igstRate: 18, cgstRate: 0, sgstRate: 0 });
    expect(inter.transDistance).toBe(0);
    // 50 cream biscuits at ₹20 + 18 %: goods to the godown, bill to the shop
    expect(shipTo).toMatchObject({
      transType: 2,
      toAddr1: 'Godown 2, MIDC Satpur',
      toPincode: 422007,
      totInvValue: 1180,
    });
  });

  it('gives each item the product’s own GST unit code over its unit’s', async () => {
    const { createdAt: _c, updatedAt: _u, ...cream } = await admin.ok('products.get', { id: world.cream });
    const boxed = await admin.ok('products.update', { ...cream, uqc: 'BOX' });
    const out = await admin.ok('ewayBills.export', { invoiceIds: [notes.shipTo!.invoiceId] });
    expect(out.file.billLists[0].itemList.map((i: { qtyUnit: string }) => i.qtyUnit)).toEqual(['BOX']);
    await admin.ok('products.update', { ...cream, uqc: '', version: boxed.version });
  });

  it('refuses a bill the portal would refuse, naming the invoice and the field', async () => {
    const pune = async () =>
      (await admin.ok('warehouses.list', {})).find((w: { id: number }) => w.id === world.warehouseId);
    const before = await pune();
    await admin.ok('warehouses.update', { ...before, address: { ...before.address, pincode: '' } });
    const bad = await admin.call('ewayBills.export', { invoiceIds: [notes.intra!.invoiceId] });
    await admin.ok('warehouses.update', { ...(await pune()), address: before.address });
    expect(bad.status).toBe(400);
    expect(bad.body.error.field).toBe('invoiceIds.0.fromPincode');
    expect(bad.body.error.message).toContain(notes.intra!.invoiceNumber);
  });

  it('refuses a transporter id with a typing mistake', async () => {
    const wrong = demoGstin('27', 5).slice(0, 14) + (demoGstin('27', 5).endsWith('A') ? 'B' : 'A');
    const res = await admin.call('transporters.save', { name: 'Typo Transport', transporterId: wrong });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({
      field: 'transporterId',
      message: expect.stringContaining('check character'),
    });
  });
});

describe('the portal’s answer', () => {
  it('refuses a file with a row matching no invoice, writing nothing', async () => {
    const before = snapshot(server.ledger);
    const res = await admin.call('ewayBills.import', {
      entries: [
        { invoiceNumber: notes.intra!.invoiceNumber, ewayBill: '331000000001', generatedAt: '22/11/2026 04:00 PM' },
        { invoiceNumber: 'INV/99-00/000001', ewayBill: '331000000002', generatedAt: '22/11/2026 04:00 PM' },
      ],
    });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({
      field: 'entries.1.invoiceNumber',
      message: expect.stringContaining('Row 2'),
    });
    expect(snapshot(server.ledger)).toBe(before);
  });

  it('records each e-way bill, working out valid-upto by the rule when the row has none, and audits it', async () => {
    const res = await admin.ok('ewayBills.import', {
      entries: [
        { invoiceNumber: notes.intra!.invoiceNumber, ewayBill: '331000000001', generatedAt: '22/11/2026 04:00:00 PM' },
        {
          invoiceNumber: notes.shipTo!.invoiceNumber,
          ewayBill: '331000000003',
          generatedAt: '2026-11-22 16:05',
          validUpto: '23/11/2026 11:59:00 PM',
        },
      ],
    });
    // 12 km: one day, to the end of 23 Nov in Kolkata
    expect(res.recorded.map((r: { validUpto: string }) => r.validUpto)).toEqual([
      '2026-11-23T18:29:59.000Z',
      '2026-11-23T18:29:00.000Z',
    ]);
    const audit = server.ledger.sqlite
      .prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'eway_bill_import'")
      .get() as { n: number };
    expect(audit.n).toBe(2);
    const again = await admin.ok('ewayBills.import', {
      entries: [
        { invoiceNumber: notes.intra!.invoiceNumber, ewayBill: '331000000001', generatedAt: '22/11/2026 16:00' },
      ],
    });
    expect(again.recorded[0].status).toBe('unchanged');
  });

  it('refuses a second, different e-way bill for an invoice, and one already another invoice’s', async () => {
    const other = await admin.call('ewayBills.import', {
      entries: [
        { invoiceNumber: notes.intra!.invoiceNumber, ewayBill: '331000000009', generatedAt: '22/11/2026 16:00' },
      ],
    });
    expect(other.status).toBe(409);
    expect(other.body.error.message).toContain('already has e-way bill 331000000001');
    const taken = await admin.call('ewayBills.import', {
      entries: [
        { invoiceNumber: notes.inter!.invoiceNumber, ewayBill: '331000000001', generatedAt: '22/11/2026 16:00' },
      ],
    });
    expect(taken.status).toBe(409);
    expect(taken.body.error.field).toBe('entries.0.ewayBill');
  });
});

describe('dispatch under an imported e-way bill', () => {
  it('the board shows it, and warns when it will run out on the road', async () => {
    await admin.ok('customers.setDistance', { customerId: world.customerId, km: 400 });
    const rows = await admin.ok('dispatches.pending', {});
    const intra = rows.find((r: { id: number }) => r.id === notes.intra!.id);
    expect(intra).toMatchObject({ ewayBill: '331000000001', ewayBillValidUpto: '2026-11-23T18:29:59.000Z' });
    expect(intra.ewayBillWarning).toContain('before the goods arrive (400 km)');
    await admin.ok('customers.setDistance', { customerId: world.customerId, km: 12 });
    const fine = (await admin.ok('dispatches.pending', {})).find((r: { id: number }) => r.id === notes.intra!.id);
    expect(fine.ewayBillWarning).toBe('');
  });

  it('refuses to load a consignment whose e-way bill has run out, saying so, and writes nothing', async () => {
    // generated this morning with an hour's validity; it is 15:30 in Kolkata now
    await admin.ok('ewayBills.import', {
      entries: [
        {
          invoiceNumber: notes.inter!.invoiceNumber,
          ewayBill: '331000000002',
          generatedAt: '22/11/2026 10:00 AM',
          validUpto: '22/11/2026 11:00 AM',
        },
      ],
    });
    const board = await admin.ok('dispatches.pending', {});
    expect(board.find((r: { id: number }) => r.id === notes.inter!.id).ewayBillWarning).toContain('expired');
    const before = snapshot(server.ledger);
    const res = await admin.call('dispatches.create', { deliveryNoteIds: [notes.inter!.id], vehicleNo: 'MH12AB1234' });
    expect(res.status).toBe(409);
    expect(res.body.error.message).toBe(
      `${notes.inter!.number}: E-way bill 331000000002 expired at 2026-11-22 11:00: extend it on the portal or generate a new one`,
    );
    expect(snapshot(server.ledger)).toBe(before);
  });

  it('moves a consignment under its imported e-way bill without typing it; a different number is refused', async () => {
    const typo = await admin.call('dispatches.create', {
      deliveryNoteIds: [notes.shipTo!.id],
      vehicleNo: 'MH12AB1234',
      ewayBills: { [notes.shipTo!.id]: { number: '331000000004' } },
    });
    expect(typo.status).toBe(409);
    expect(typo.body.error.field).toBe(`ewayBills.${notes.shipTo!.id}.number`);
    const dispatch = await admin.ok('dispatches.create', {
      deliveryNoteIds: [notes.intra!.id, notes.shipTo!.id],
      vehicleNo: 'MH12AB1234',
      vehicleType: 'R',
      distanceKm: 30,
    });
    expect(dispatch.notes.map((n: { ewayBill: string }) => n.ewayBill).sort()).toEqual([
      '331000000001',
      '331000000003',
    ]);
    expect(dispatch).toMatchObject({ vehicleType: 'R', distanceKm: 30 });
    const invoice = pdfText(await admin.ok('documents.invoice', { id: notes.intra!.invoiceId })).text;
    expect(invoice).toContain('E-way bill 3310 0000 0001 · generated 22/11/2026 16:00 · valid upto 23/11/2026 23:59');
    const sheet = pdfText(await admin.ok('documents.dispatchSheet', { id: dispatch.id })).text;
    expect(sheet).toContain('331000000003');
    expect(sheet).toContain('to 23-11 23:59');
    const again = await admin.ok('ewayBills.export', { dispatchId: dispatch.id });
    expect(again.file).toBeNull();
    expect(again.skipped.map((s: { reason: string }) => s.reason)).toEqual([
      `${notes.intra!.invoiceNumber} already has e-way bill 331000000001`,
      `${notes.shipTo!.invoiceNumber} already has e-way bill 331000000003`,
    ]);
  });
});
