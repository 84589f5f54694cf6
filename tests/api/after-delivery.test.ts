import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdfText } from '../support/pdf-text';
import { snapshot, startTestServer, type TestClient, type TestServer } from '../support/test-server';
import { buildWorld, pickEverything, type World } from '../support/world';

let server: TestServer;
let admin: TestClient;
let world: World;
let orderId: number;
let noteId: number;
let dispatchId: number;
let invoice: { id: number; number: string; total: number; lines: { id: number; sku: string; quantity: number }[] };

const onHand = async (productId: number) =>
  (await admin.ok('inventory.stock', { productId, warehouseId: world.warehouseId })).rows.reduce(
    (s: number, r: { onHand: number }) => s + r.onHand,
    0,
  );

beforeAll(async () => {
  server = await startTestServer();
  admin = await server.admin();
  world = await buildWorld(admin);
  const order = await admin.ok('orders.place', {
    customerId: world.customerId,
    warehouseId: world.warehouseId,
    paymentType: 'credit',
    lines: [
      { productId: world.glucose, quantity: 48 },
      { productId: world.tea, quantity: 4 },
    ],
  });
  orderId = order.id;
  await pickEverything(admin, world.warehouseId, [orderId]);
  noteId = (await admin.ok('deliveryNotes.post', { orderId, packages: 2, weightGrams: 9_000 })).id;
});
afterAll(() => server.close());

describe('dispatch and delivery confirmation', () => {
  it('checks the e-way bill number and loads the note on a vehicle with a dispatch sheet', async () => {
    const bad = await admin.call('dispatches.create', {
      deliveryNoteIds: [noteId],
      vehicleNo: 'MH12AB1234',
      ewayBills: { [noteId]: { number: '12345' } },
    });
    expect(bad.body.error).toMatchObject({
      field: `ewayBills.${noteId}.number`,
      message: 'An e-way bill number has 12 digits',
    });
    const d = await admin.ok('dispatches.create', {
      deliveryNoteIds: [noteId],
      vehicleNo: 'mh12ab1234',
      driver: 'Santosh',
      transporter: 'Shree Logistics',
      lrNumber: 'LR-88',
      route: 'Pune city',
      ewayBills: { [noteId]: { number: '341234567890' } },
    });
    dispatchId = d.id;
    expect(d).toMatchObject({
      vehicleNo: 'MH12AB1234',
      notes: [expect.objectContaining({ deliveryNoteId: noteId, outcome: 'pending', ewayBill: '341234567890' })],
    });
    const { text } = pdfText(await admin.ok('documents.dispatchSheet', { id: dispatchId }));
    for (const s of ['DISPATCH SHEET', 'MH12AB1234', 'Santosh', '341234567890', 'Sharma Traders', 'DN/', 'INV/'])
      expect(text).toContain(s);
  });

  it('an invoiced note takes returns back by credit note, not at the stop', async () => {
    const note = await admin.ok('deliveryNotes.get', { id: noteId });
    const glucoseLine = note.lines.find((l: { sku: string }) => l.sku === 'SUN-0001');
    const before = snapshot(server.ledger);
    const part = await admin.call('dispatches.confirmDelivery', {
      dispatchId,
      deliveryNoteId: noteId,
      outcome: 'partly_delivered',
      deliveredOn: '2026-11-23',
      returned: [{ deliveryNoteLineId: glucoseLine.id, quantity: 8 }],
      remarks: '8 crushed',
    });
    expect(part.status).toBe(409);
    expect(part.body.error.message).toMatch(/already invoiced: take the returned goods back with a credit note/);
    expect(snapshot(server.ledger)).toBe(before);
    const d = await admin.ok('dispatches.confirmDelivery', {
      dispatchId,
      deliveryNoteId: noteId,
      outcome: 'delivered',
      deliveredOn: '2026-11-23',
      remarks: '8 crushed, returned by credit note',
    });
    expect(d.notes[0]).toMatchObject({ outcome: 'delivered', deliveredOn: '2026-11-23' });
    expect(
      (
        await admin.call('dispatches.confirmDelivery', {
          dispatchId,
          deliveryNoteId: noteId,
          outcome: 'delivered',
          deliveredOn: '2026-11-23',
        })
      ).status,
    ).toBe(409);
    const { text } = pdfText(await admin.ok('documents.deliveryNote', { id: noteId }));
    for (const s of ['DELIVERY NOTE', 'Sharma Traders', 'G-EARLY', '01-03-2027', '48 pc', 'Packages: 2'])
      expect(text).toContain(s);
  });
});

describe('credit notes, ledger and ageing', () => {
  it('invoices what was delivered, then a return and a price difference credit it without editing it', async () => {
    // The delivery note raised the invoice: 48 × ₹10 + 18% = ₹566.40; 4 × ₹50 + 5% = ₹210.00; rounded to ₹776.
    invoice = await admin.ok('invoices.get', { id: (await admin.ok('deliveryNotes.get', { id: noteId })).invoiceId });
    expect(invoice.total).toBe(776_00);
    const glucose = invoice.lines.find((l) => l.sku === 'SUN-0001')!;
    const tea = invoice.lines.find((l) => l.sku === 'AMR-0001')!;
    const stockBefore = await onHand(world.glucose);
    const before = snapshot(server.ledger);
    const tooMany = await admin.call('creditNotes.post', {
      invoiceId: invoice.id,
      kind: 'return',
      reason: 'expired on shelf',
      lines: [{ invoiceLineId: glucose.id, quantity: 49 }],
    });
    expect(tooMany.body.error).toMatchObject({
      field: 'lines.0.quantity',
      message: 'Only 48 of SUN-0001 can still be returned on this invoice',
    });
    expect(snapshot(server.ledger)).toBe(before);

    const ret = await admin.ok('creditNotes.post', {
      invoiceId: invoice.id,
      kind: 'return',
      reason: 'leaking packs',
      lines: [{ invoiceLineId: glucose.id, quantity: 10, restock: 'damaged' }],
    });
    expect(ret).toMatchObject({
      number: expect.stringMatching(/^CN\/\d\d-\d\d\/000001$/),
      taxable: 100_00,
      cgst: 9_00,
      sgst: 9_00,
      total: 118_00,
    });
    expect(await onHand(world.glucose)).toBe(stockBefore);
    const diff = await admin.ok('creditNotes.post', {
      invoiceId: invoice.id,
      kind: 'price_difference',
      reason: 'scheme rate agreed late',
      lines: [{ invoiceLineId: tea.id, taxable: 20_00 }],
    });
    expect(diff).toMatchObject({ taxable: 20_00, cgst: 50, sgst: 50, total: 21_00 });
    // The receipt form's open bills: what is still owed is total − paid − credited.
    const open = await admin.ok('invoices.list', { customerId: world.customerId, unpaidOnly: true });
    expect(open.rows.find((r: { id: number }) => r.id === invoice.id)).toMatchObject({
      total: 776_00,
      paid: 0,
      credited: 139_00,
    });
    expect((await admin.ok('inventory.check', {})).differences).toEqual([]);
  });

  it('the ledger, statement and ageing show the invoice, the credits and a payment', async () => {
    await admin.ok('payments.record', {
      customerId: world.customerId,
      receivedOn: '2026-11-22',
      mode: 'cash',
      amount: 300_00,
    });
    const ledger = await admin.ok('customers.ledger', {
      customerId: world.customerId,
      from: '2026-11-01',
      to: '2026-11-30',
    });
    expect(ledger.opening).toBe(0);
    expect(ledger.entries.map((e: { kind: string }) => e.kind)).toEqual([
      'invoice',
      'payment',
      'credit_note',
      'credit_note',
    ]);
    expect(ledger.closing).toBe(776_00 - 300_00 - 118_00 - 21_00);
    const ageing = await admin.ok('receivables.ageing', { customerId: world.customerId });
    expect(ageing.totals).toEqual({ d0: 337_00, d31: 0, d61: 0, d90: 0, total: 337_00 });
    const { text } = pdfText(
      await admin.ok('documents.statement', { customerId: world.customerId, from: '2026-11-01', to: '2026-11-30' }),
    );
    for (const s of ['STATEMENT OF ACCOUNT', 'Opening balance', invoice.number, 'CN/', 'Closing balance', '₹337.00'])
      expect(text).toContain(s);
    const later = await admin.ok('customers.ledger', {
      customerId: world.customerId,
      from: '2026-12-01',
      to: '2026-12-31',
    });
    expect(later).toMatchObject({ opening: 337_00, closing: 337_00, entries: [] });
  });
});
