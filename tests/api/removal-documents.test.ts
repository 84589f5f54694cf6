import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { retailer } from '../support/fixtures';
import { pdfText } from '../support/pdf-text';
import { startTestServer, type TestClient, type TestServer } from '../support/test-server';
import { buildWorld, pickEverything, type World } from '../support/world';

let server: TestServer;
let admin: TestClient;
let world: World;

beforeAll(async () => {
  server = await startTestServer();
  admin = await server.admin();
  world = await buildWorld(admin);
});
afterAll(() => server.close());

describe('the invoice that travels with the goods', () => {
  it('billed in Pune, shipped to Bengaluru: both addresses print, IGST by ship-to, and the vehicle, LR and e-way bill once dispatched', async () => {
    const kaveri = await admin.ok(
      'customers.create',
      retailer({
        code: 'RT0002',
        name: 'Kaveri Stores',
        gstin: '',
        shipTo: {
          line1: 'Plot 9, KIADB Industrial Area',
          area: 'Peenya',
          city: 'Bengaluru',
          district: 'Bengaluru Urban',
          stateCode: '29',
          pincode: '560058',
        },
      }),
    );
    const order = await admin.ok('orders.place', {
      customerId: kaveri.id,
      warehouseId: world.warehouseId,
      paymentType: 'credit',
      lines: [
        { productId: world.glucose, quantity: 24 },
        { productId: world.tea, quantity: 2 },
      ],
    });
    await pickEverything(admin, world.warehouseId, [order.id]);
    const note = await admin.ok('deliveryNotes.post', { orderId: order.id, packages: 3 });
    expect(note.placeOfSupply).toBe('29');
    const invoice = await admin.ok('invoices.get', { id: note.invoiceId });
    expect(invoice).toMatchObject({ placeOfSupply: '29', cgst: 0, sgst: 0, igst: 43_20 + 5_00 });

    const beforeDispatch = pdfText(await admin.ok('documents.invoice', { id: invoice.id })).text;
    expect(beforeDispatch).not.toContain('Vehicle:');
    await admin.ok('dispatches.create', {
      deliveryNoteIds: [note.id],
      vehicleNo: 'KA01MN4455',
      driver: 'Ravi',
      transporter: 'Deccan Roadways',
      lrNumber: 'DR-20931',
      ewayBills: { [note.id]: { number: '291234567890' } },
    });
    const { text, pages, file } = pdfText(await admin.ok('documents.invoice', { id: invoice.id }));
    expect(pages).toBe(1);
    for (const s of [
      'Bill to',
      'Ship to',
      'Shop 4, Market Yard',
      'Pune, Maharashtra, 411037',
      'Plot 9, KIADB Industrial Area, Peenya',
      'Bengaluru, Karnataka, 560058',
      'Place of supply: Karnataka (29)',
      'IGST',
      'Vehicle: KA01MN4455',
      'Deccan Roadways',
      'LR: DR-20931',
      'E-way bill: 291234567890',
      note.number,
    ])
      expect(text).toContain(s);
    expect(text).not.toContain('Bill to / Ship to');
    // No discount on this invoice: it prints 0.00, never "-0.00".
    expect(text).not.toContain('-0.00');
    expect(file).toMatch(/\.pdf$/);
  });

  it('prints one "Bill to / Ship to" block when the goods go to the billing address', async () => {
    const order = await admin.ok('orders.place', {
      customerId: world.customerId,
      warehouseId: world.warehouseId,
      paymentType: 'credit',
      lines: [{ productId: world.glucose, quantity: 2 }],
    });
    await pickEverything(admin, world.warehouseId, [order.id]);
    const note = await admin.ok('deliveryNotes.post', { orderId: order.id });
    const { text } = pdfText(await admin.ok('documents.invoice', { id: note.invoiceId }));
    expect(text).toContain('Bill to / Ship to');
    expect(text).toContain('Place of supply: Maharashtra (27)');
  });
});

describe('own-warehouse transfers move on a delivery challan, not an invoice', () => {
  it('numbers the challan in its own series and prints it; no invoice is raised', async () => {
    const invoicesBefore = (await admin.ok('invoices.list', {})).total;
    const stock = await admin.ok('inventory.stock', { productId: world.cream, warehouseId: world.warehouseId });
    const sent = await admin.ok('inventory.transfer', {
      fromWarehouseId: world.warehouseId,
      toWarehouseId: world.otherWarehouseId,
      lines: [{ batchId: stock.rows[0].batchId, quantity: 24 }],
    });
    expect(sent.challanNumber).toMatch(/^DC\/26-27\/000001$/);
    const again = await admin.ok('inventory.transfer', {
      fromWarehouseId: world.warehouseId,
      toWarehouseId: world.otherWarehouseId,
      lines: [{ batchId: stock.rows[0].batchId, quantity: 12 }],
    });
    expect(again.challanNumber).toMatch(/000002$/);
    expect((await admin.ok('inventory.transfers', {})).find((t: { id: number }) => t.id === sent.id)).toMatchObject({
      challanNumber: sent.challanNumber,
    });
    const { text } = pdfText(await admin.ok('documents.deliveryChallan', { id: sent.id }));
    for (const s of [
      'DELIVERY CHALLAN',
      sent.challanNumber,
      sent.number,
      'Pune (PUN)',
      'Nashik (NSK)',
      'SUN-0002',
      'C1',
      '24 pc',
      '₹480.00',
      'not a sale',
    ])
      expect(text).toContain(s);
    expect(text).not.toContain('TAX INVOICE');
    expect((await admin.ok('invoices.list', {})).total).toBe(invoicesBefore);
    expect((await admin.call('documents.deliveryChallan', { id: 9999 })).status).toBe(404);
  });
});
