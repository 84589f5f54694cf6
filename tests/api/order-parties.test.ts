import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoGstin } from '../../src-main/engine/demo/seed-demo';
import { retailer } from '../support/fixtures';
import { pdfText } from '../support/pdf-text';
import { readVouchers } from '../support/tally-read';
import { snapshot, startTestServer, type TestClient, type TestServer } from '../support/test-server';
import { buildWorld, pickEverything, setCompany, type World } from '../support/world';

/*
 * A retailer in Pune (27) whose distributor pays its bills and whose goods go to its godown in Bengaluru (29): the
 * invoice is IGST to Karnataka, printed with both addresses, on the distributor's account, and the e-way bill and
 * e-invoice name the bill-to and the ship-to.
 */
let server: TestServer;
let admin: TestClient;
let world: World;
let distributor: number;
let godown: number;
let shop: number;
let invoice: { id: number; number: string; total: number; cgst: number; igst: number; placeOfSupply: string };
const godownAddress = { line1: 'Godown 9, Peenya', city: 'Bengaluru', district: 'Bengaluru', stateCode: '29' };

beforeAll(async () => {
  server = await startTestServer();
  admin = await server.admin();
  world = await buildWorld(admin);
  await setCompany(admin, {
    gstin: demoGstin('27', 1),
    addressLine1: 'Plot 12, MIDC Bhosari',
    city: 'Pune',
    pincode: '411026',
    ewayBillThreshold: 1000_00,
  });
  const pune = (await admin.ok('warehouses.list', {})).find((w: { id: number }) => w.id === world.warehouseId);
  const yard = { line1: 'Plot 12, MIDC Bhosari', line2: '', area: '', city: 'Pune', district: 'Pune' };
  await admin.ok('warehouses.update', { ...pune, address: { ...yard, stateCode: '27', pincode: '411026' } });
  const address = { line1: 'Yard 3, Hadapsar', city: 'Pune', district: 'Pune', stateCode: '27', pincode: '411028' };
  distributor = (
    await admin.ok(
      'customers.create',
      retailer({
        code: 'DB0001',
        name: 'Deccan Distributors',
        type: 'distributor',
        gstin: demoGstin('27', 5),
        billTo: address,
      }),
    )
  ).id;
  godown = (
    await admin.ok(
      'customers.create',
      retailer({
        code: 'RT0300',
        name: 'Sharma Godown',
        gstin: demoGstin('29', 6),
        billTo: { ...godownAddress, pincode: '560058' },
      }),
    )
  ).id;
  shop = (
    await admin.ok(
      'customers.create',
      retailer({
        code: 'RT0301',
        name: 'Sharma Stores',
        parentId: distributor,
        shipToId: godown,
        payerId: distributor,
      }),
    )
  ).id;
  const order = await admin.ok('orders.place', {
    customerId: shop,
    warehouseId: world.warehouseId,
    lines: [{ productId: world.glucose, quantity: 120 }],
  });
  expect(order.parties).toMatchObject({
    billTo: { id: shop },
    shipTo: { id: godown, stateCode: '29' },
    payer: { id: distributor },
    endBuyer: null,
  });
  await pickEverything(admin, world.warehouseId, [order.id]);
  const note = await admin.ok('deliveryNotes.post', { orderId: order.id, packages: 1 });
  invoice = await admin.ok('invoices.get', { id: note.invoiceId });
}, 60_000);
afterAll(() => server.close());

describe('parties on an order and its invoice', () => {
  it('fills them from the customer master, and the ship-to state makes it IGST, as the quote said', async () => {
    const quote = await admin.ok('orders.quote', {
      customerId: shop,
      warehouseId: world.warehouseId,
      lines: [{ productId: world.glucose, quantity: 120 }],
    });
    expect(invoice.placeOfSupply).toBe('29');
    expect(invoice.cgst).toBe(0);
    expect(invoice.igst).toBe(quote.tax);
    expect(invoice.total).toBe(quote.total);
    expect((invoice as unknown as { parties: { payer: { id: number } } }).parties.payer.id).toBe(distributor);
  });

  it('prints Bill to and Ship to apart', async () => {
    const { text } = pdfText(await admin.ok('documents.invoice', { id: invoice.id }));
    expect(text).toContain('Bill to');
    expect(text).toContain('Ship to');
    expect(text).toContain('Sharma Godown');
    expect(text).toContain('Market Yard');
    expect(text).toContain('Peenya');
  });

  it("puts the bill on the payer's account, not the retailer's", async () => {
    const ageing = await admin.ok('receivables.ageing', { customerId: null });
    const owed = (id: number) => ageing.rows.find((r: { customerId: number }) => r.customerId === id)?.total ?? 0;
    expect(owed(distributor)).toBe(invoice.total);
    expect(owed(shop)).toBe(0);
    const ledger = await admin.ok('customers.ledger', {
      customerId: distributor,
      from: '2026-01-01',
      to: '2026-12-31',
    });
    expect(ledger.closing).toBe(invoice.total);
    const own = await admin.ok('customers.ledger', { customerId: shop, from: '2026-01-01', to: '2026-12-31' });
    expect(own.closing).toBe(0);
    const receipt = await admin.ok('payments.record', {
      customerId: distributor,
      receivedOn: '2026-11-22',
      mode: 'bank',
      reference: 'NEFT-1',
      amount: invoice.total,
      allocations: null,
    });
    expect(receipt).toBeTruthy();
    const after = await admin.ok('invoices.get', { id: invoice.id });
    expect(after.paid).toBe(invoice.total);
  });

  it("posts the bill and its receipt to the payer's Tally ledger, naming the retailer as the GST buyer", async () => {
    const { vouchers } = readVouchers(
      (await admin.ok('tally.exportVouchers', { from: '2026-11-01', to: '2026-11-30' })).xml,
    );
    const sale = vouchers.find((v) => v.type === 'Sales' && v.number === invoice.number)!;
    expect(sale.party).toBe('Deccan Distributors');
    expect(sale.entries[0]).toMatchObject({ ledger: 'Deccan Distributors', party: true, amount: -invoice.total });
    expect(sale.buyer).toEqual({ name: 'Sharma Stores', gstin: retailer().gstin, placeOfSupply: 'Karnataka' });
    // The receipt settles the bill on the same ledger, by its number: Tally's outstanding for the payer is nil.
    const receipt = vouchers.find((v) => v.type === 'Receipt')!;
    expect(receipt.party).toBe('Deccan Distributors');
    expect(receipt.buyer).toBeNull();
    expect(receipt.entries.find((e) => e.party)!.bills).toEqual([
      { name: invoice.number, type: 'Agst Ref', amount: invoice.total },
    ]);
  });

  it('makes the e-way bill bill-to-ship-to and the e-invoice name the buyer and the consignee', async () => {
    const ewb = await admin.ok('ewayBills.export', { invoiceIds: [invoice.id], transport: { distanceKm: 840 } });
    const bill = ewb.file.billLists[0];
    expect(bill.transType).toBe(2);
    expect(bill.toGstin).toBe(retailer().gstin);
    expect(bill.actualToStateCode).toBe(29);
    const einv = JSON.parse((await admin.ok('einvoice.export', { type: 'invoice', id: invoice.id })).content);
    const doc = Array.isArray(einv) ? einv[0] : einv;
    expect(doc.BuyerDtls.Gstin).toBe(retailer().gstin);
    expect(doc.BuyerDtls.Pos).toBe('29');
    expect(doc.ShipDtls.Gstin).toBe(demoGstin('29', 6));
    expect(doc.ShipDtls.Stcd).toBe('29');
  });
});

describe('parties the rule refuses', () => {
  const order = (parties: Record<string, number | null>) => ({
    customerId: shop,
    warehouseId: world.warehouseId,
    lines: [{ productId: world.glucose, quantity: 1 }],
    ...parties,
  });

  it('refuses a payer who neither is the parent nor the bill-to, naming the field, writing nothing', async () => {
    const before = snapshot(server.ledger);
    const res = await admin.call('orders.place', order({ payerId: godown }));
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ field: 'payerId' });
    expect(res.body.error.message).toContain('Sharma Godown cannot pay for Sharma Stores');
    expect(snapshot(server.ledger)).toBe(before);
  });

  it('takes a payer who is the bill-to', async () => {
    const quote = await admin.ok('orders.quote', order({ billToId: godown, payerId: godown }));
    expect(quote.total).toBeGreaterThan(0);
  });

  it('refuses a party that is not an active customer, and an unknown one', async () => {
    const { createdAt: _c, updatedAt: _u, pendingApproval: _p, ...g } = await admin.ok('customers.get', { id: godown });
    await admin.ok('customers.update', { ...g, status: 'blocked' });
    const blocked = await admin.call('orders.quote', order({ shipToId: godown }));
    expect(blocked.body.error).toMatchObject({ code: 'invalid_input', field: 'shipToId' });
    expect(blocked.body.error.message).toContain('blocked');
    const unknown = await admin.call('orders.quote', order({ billToId: 9999 }));
    expect(unknown.body.error).toMatchObject({ field: 'billToId' });
  });

  it("checks the customer master's default payer by the same rule", async () => {
    const { createdAt: _c, updatedAt: _u, pendingApproval: _p, ...s } = await admin.ok('customers.get', { id: shop });
    // (its godown is blocked by now: the ship-to goes back to the shop itself)
    const res = await admin.call('customers.update', { ...s, parentId: null, shipToId: null });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ field: 'payerId' });
  });
});
