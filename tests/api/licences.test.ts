import { beforeAll, afterAll, describe, expect, it } from 'vitest';
import { snapshot, startTestServer, type TestClient, type TestServer } from '../support/test-server';
import { biscuit, retailer } from '../support/fixtures';
import { buildWorld, pickEverything, setCompany, type World } from '../support/world';

let server: TestServer;
let admin: TestClient;
let world: World;
let paracetamol: number;
let unlicensed: number;
let licensed: number;

const drugLicence = (expiry: string) => ({
  drugLicence20b: 'MH-PUN-20B-11872',
  drugLicence21b: 'MH-PUN-21B-11873',
  drugLicenceExpiry: expiry,
});

beforeAll(async () => {
  server = await startTestServer();
  admin = await server.admin();
  world = await buildWorld(admin);
  paracetamol = (
    await admin.ok(
      'products.create',
      biscuit({
        sku: 'MED-0001',
        name: 'Paracetamol 500 mg strip',
        category: 'Medicines',
        hsn: '30049099',
        taxRate: 1200,
        licence: 'drug',
        barcodes: [],
        packs: [],
      }),
    )
  ).id;
  await admin.ok('inventory.receive', {
    warehouseId: world.warehouseId,
    lines: [{ productId: paracetamol, batchNo: 'P1', expiresOn: '2028-01-01', quantity: 500 }],
  });
  unlicensed = (await admin.ok('customers.create', retailer({ code: 'RT0101', name: 'Corner Kirana' }))).id;
  licensed = (
    await admin.ok(
      'customers.create',
      retailer({ code: 'RT0102', name: 'Lifeline Medicals', licences: drugLicence('2026-11-30') }),
    )
  ).id;
}, 30_000);
afterAll(() => server.close());

const order = (customerId: number, productId = paracetamol) => ({
  customerId,
  warehouseId: world.warehouseId,
  paymentType: 'credit' as const,
  lines: [{ productId, quantity: 10 }],
});

describe('a licensed product billed to a buyer without a valid licence', () => {
  it('is refused by default, naming the licence and the product, and nothing is written', async () => {
    const before = snapshot(server.ledger);
    const refused = await admin.call('orders.place', order(unlicensed));
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('rule_violated');
    expect(refused.body.error.field).toBe('customerId');
    expect(refused.body.error.message).toContain(
      'Corner Kirana has no drug licence (20B/21B) on file, needed for Paracetamol 500 mg strip',
    );
    expect(snapshot(server.ledger)).toEqual(before);
  });

  it('does not stop products that need no licence, nor a buyer whose licence is valid', async () => {
    expect((await admin.ok('orders.place', order(unlicensed, world.glucose))).status).toBe('confirmed');
    expect((await admin.ok('orders.place', order(licensed))).status).toBe('confirmed');
  });

  it('under the approval policy waits for a manager, whose approval lets it be billed', async () => {
    await setCompany(admin, { licencePolicy: 'approval' });
    try {
      const clerk = await server.as('sales_clerk');
      const placed = await clerk.ok('orders.place', order(unlicensed));
      expect(placed.status).toBe('pending_approval');
      expect(placed.approvals.map((a: { reasons: string[] }) => a.reasons)).toEqual([
        ['Corner Kirana has no drug licence (20B/21B) on file, needed for Paracetamol 500 mg strip'],
      ]);
      await admin.ok('approvals.decide', {
        id: placed.approvals[0]!.id,
        decision: 'approve',
        comment: 'Licence renewal seen',
      });
      await pickEverything(admin, world.warehouseId, [placed.id]);
      const note = await admin.ok('deliveryNotes.post', { orderId: placed.id });
      const invoice = note.invoiceId ?? (await admin.ok('invoices.post', { deliveryNoteIds: [note.id] })).id;
      expect((await admin.ok('invoices.get', { id: invoice })).lines.map((l: { sku: string }) => l.sku)).toContain(
        'MED-0001',
      );
    } finally {
      await setCompany(admin, { licencePolicy: 'block' });
    }
  });
});

describe('licences on the customer and the product', () => {
  it('are kept and shown back', async () => {
    const customer = await admin.ok('customers.get', { id: licensed });
    expect(customer.licences).toEqual({ ...drugLicence('2026-11-30'), fssaiLicence: '', fssaiExpiry: null });
    expect((await admin.ok('products.get', { id: paracetamol })).licence).toBe('drug');
  });

  it('refuse a number without its expiry, and an FSSAI number that is not 14 digits, saving nothing', async () => {
    const before = snapshot(server.ledger);
    const noExpiry = await admin.call(
      'customers.create',
      retailer({ code: 'RT0103', licences: { drugLicence20b: 'X-1', drugLicenceExpiry: null } }),
    );
    expect(noExpiry.status).toBe(400);
    expect(noExpiry.body.error.field).toBe('licences.drugLicenceExpiry');
    const shortFssai = await admin.call(
      'customers.create',
      retailer({ code: 'RT0104', licences: { fssaiLicence: '1234567890123', fssaiExpiry: '2027-01-01' } }),
    );
    expect(shortFssai.status).toBe(400);
    expect(shortFssai.body.error.message).toBe('An FSSAI number is 14 digits');
    expect(snapshot(server.ledger)).toEqual(before);
  });
});

// Last: moving the clock nine days on ends the sessions the tests above use.
describe('the licence at invoicing', () => {
  it('is checked again on the invoice date: a licence that expired since the order refuses the invoice', async () => {
    const placed = await admin.ok('orders.place', order(licensed));
    await pickEverything(admin, world.warehouseId, [placed.id]);
    await setCompany(admin, { invoiceFlow: 'with_delivery_note' });
    server.setToday('2026-12-01');
    try {
      // Nine days on, the morning's session has expired: the clerk signs in again.
      const nextDay = server.client();
      await nextDay.ok('auth.login', { username: 'admin', password: 'correct-horse' });
      const before = snapshot(server.ledger);
      const note = await nextDay.call('deliveryNotes.post', { orderId: placed.id });
      expect(note.status).toBe(409);
      expect(note.body.error.message).toContain(
        "Lifeline Medicals's drug licence (20B/21B) MH-PUN-20B-11872 expired on 30-11-2026",
      );
      expect(snapshot(server.ledger)).toEqual(before);
    } finally {
      server.setToday('2026-11-22');
    }
  });
});
