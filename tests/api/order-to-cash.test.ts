import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestClient, type TestServer } from '../support/test-server';
import { buildWorld, pickEverything, setCompany, type World } from '../support/world';

let server: TestServer;
let admin: TestClient;
let world: World;

beforeAll(async () => {
  server = await startTestServer();
  admin = await server.admin();
  world = await buildWorld(admin);
  // This story invoices two delivery notes on one invoice: the billing desk invoices before dispatch.
  await setCompany(admin, { invoiceFlow: 'before_dispatch' });
});
afterAll(() => server.close());

const exposure = async () =>
  (
    await admin.ok('orders.quote', {
      customerId: world.customerId,
      warehouseId: world.warehouseId,
      lines: [{ productId: world.tea, quantity: 1 }],
    })
  ).credit;
const stock = async (productId: number) => {
  const rows = (await admin.ok('inventory.stock', { productId, warehouseId: world.warehouseId })).rows as {
    onHand: number;
    reserved: number;
  }[];
  return { onHand: rows.reduce((s, r) => s + r.onHand, 0), reserved: rows.reduce((s, r) => s + r.reserved, 0) };
};

describe('order to cash, step by step', () => {
  it('walks order → allocation → pick → two delivery notes → one invoice → two payments', async () => {
    // Order: 120 glucose at ₹10 + 18% and 4 tea at ₹50 + 5% = ₹1,416.00 + ₹210.00 = ₹1,626.00.
    const order = await admin.ok('orders.place', {
      customerId: world.customerId,
      warehouseId: world.warehouseId,
      paymentType: 'credit',
      lines: [
        { productId: world.glucose, quantity: 120 },
        { productId: world.tea, quantity: 4 },
      ],
    });
    expect(order).toMatchObject({ status: 'confirmed', paymentStatus: 'unpaid', total: 1_626_00 });
    expect(await stock(world.glucose)).toEqual({ onHand: 300, reserved: 120 });
    expect((await exposure()).used).toBe(1_626_00);

    await pickEverything(admin, world.warehouseId, [order.id]);
    expect((await admin.ok('orders.get', { id: order.id })).status).toBe('picked');

    const picked = await admin.ok('deliveryNotes.deliverable', { orderId: order.id });
    const early = picked.find((p: { batchNo: string }) => p.batchNo === 'G-EARLY');
    const dn1 = await admin.ok('deliveryNotes.post', {
      orderId: order.id,
      lines: [{ reservationId: early.reservationId, quantity: 100 }],
    });
    expect(await stock(world.glucose)).toEqual({ onHand: 200, reserved: 20 });
    expect((await admin.ok('orders.get', { id: order.id })).status).toBe('partially_delivered');
    const dn2 = await admin.ok('deliveryNotes.post', { orderId: order.id });
    expect(await stock(world.glucose)).toEqual({ onHand: 180, reserved: 0 });
    expect((await admin.ok('orders.get', { id: order.id })).status).toBe('delivered');
    expect((await exposure()).used).toBe(1_626_00);

    const invoice = await admin.ok('invoices.post', { deliveryNoteIds: [dn1.id, dn2.id] });
    expect(invoice.number).toMatch(/^INV\/\d\d-\d\d\/000001$/);
    expect(invoice.number.length).toBeLessThanOrEqual(16);
    expect(invoice).toMatchObject({
      taxable: 1_400_00,
      cgst: 113_00,
      sgst: 113_00,
      igst: 0,
      roundOff: 0,
      total: 1_626_00,
      placeOfSupply: '27',
    });
    expect(invoice.hsnSummary).toEqual([
      { hsn: '19053100', rateBps: 500, taxable: 200_00, cgst: 5_00, sgst: 5_00, igst: 0 },
      { hsn: '19053100', rateBps: 1800, taxable: 1_200_00, cgst: 108_00, sgst: 108_00, igst: 0 },
    ]);
    expect(invoice.lines.map((l: { batchNo: string; quantity: number }) => `${l.batchNo}×${l.quantity}`)).toEqual([
      'G-EARLY×100',
      'G-LATE×20',
      'T1×4',
    ]);
    expect((await admin.ok('orders.get', { id: order.id })).status).toBe('invoiced');
    expect((await exposure()).used).toBe(1_626_00);
    expect((await admin.call('invoices.post', { deliveryNoteIds: [dn1.id] })).status).toBe(409);

    const first = await admin.ok('payments.record', {
      customerId: world.customerId,
      receivedOn: '2026-11-22',
      mode: 'upi',
      reference: 'UPI-1',
      amount: 1_000_00,
    });
    expect(first).toMatchObject({ allocated: 1_000_00, onAccount: 0 });
    expect((await admin.ok('orders.get', { id: order.id })).paymentStatus).toBe('partly_paid');
    expect((await exposure()).used).toBe(626_00);

    const second = await admin.ok('payments.record', {
      customerId: world.customerId,
      receivedOn: '2026-11-23',
      mode: 'cheque',
      reference: '000123',
      bank: 'SBI',
      amount: 700_00,
    });
    expect(second).toMatchObject({ allocated: 626_00, onAccount: 74_00 });
    expect((await admin.ok('orders.get', { id: order.id })).paymentStatus).toBe('paid');
    expect((await exposure()).used).toBe(0);
    expect((await admin.ok('inventory.check', {})).differences).toEqual([]);
  });

  it('charges IGST when the goods go to another state', async () => {
    const kaCustomer = await admin.ok('customers.create', {
      code: 'KA01',
      name: 'Mysuru Agencies',
      type: 'retailer',
      billTo: { stateCode: '29', city: 'Mysuru' },
      creditLimit: 1_00_000_00,
    });
    const order = await admin.ok('orders.place', {
      customerId: kaCustomer.id,
      warehouseId: world.warehouseId,
      paymentType: 'credit',
      lines: [{ productId: world.cream, quantity: 12 }],
    });
    await pickEverything(admin, world.warehouseId, [order.id]);
    const dn = await admin.ok('deliveryNotes.post', { orderId: order.id });
    const invoice = await admin.ok('invoices.post', { deliveryNoteIds: [dn.id] });
    expect(invoice).toMatchObject({
      placeOfSupply: '29',
      taxable: 240_00,
      cgst: 0,
      sgst: 0,
      igst: 43_20,
      total: 283_00,
      roundOff: -20,
    });
  });

  it('a payment that names more than is due is refused field by field', async () => {
    const result = await admin.call('payments.record', {
      customerId: world.customerId,
      receivedOn: '2026-11-23',
      mode: 'cheque',
      reference: '',
      amount: 10_00,
    });
    expect(result.status).toBe(400);
    expect(result.body.error).toMatchObject({
      field: 'reference',
      message: 'A cheque payment needs the cheque number',
    });
  });
});
