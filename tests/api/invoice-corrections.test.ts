import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdfText } from '../support/pdf-text';
import { snapshot, startTestServer, type TestClient, type TestServer } from '../support/test-server';
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

/** An order of `quantity` glucose (₹11.80 each), picked, delivered and invoiced today. */
async function invoicedOrder(quantity: number) {
  const order = await admin.ok('orders.place', {
    customerId: world.customerId,
    warehouseId: world.warehouseId,
    lines: [{ productId: world.glucose, quantity }],
  });
  await pickEverything(admin, world.warehouseId, [order.id]);
  const note = await admin.ok('deliveryNotes.post', { orderId: order.id });
  const invoice = await admin.ok('invoices.get', { id: note.invoiceId });
  return { order, note, invoice };
}
const exposure = async () =>
  (
    await admin.ok('orders.quote', {
      customerId: world.customerId,
      warehouseId: world.warehouseId,
      lines: [{ productId: world.tea, quantity: 1 }],
    })
  ).credit;
const owed = async () => (await admin.ok('receivables.ageing', { customerId: world.customerId })).totals.total;
/** Moves the clock to another day; sessions last 12 hours, so the administrator signs in again. */
async function on(day: string) {
  server.setToday(day);
  await admin.ok('auth.login', { username: 'admin', password: 'correct-horse' });
}
const ledger = (to = '2026-12-31') =>
  admin.ok('customers.ledger', { customerId: world.customerId, from: '2026-11-01', to });

describe('cancelling a posted invoice', () => {
  it('keeps the number, prints CANCELLED, sends the delivery note back to invoicing, and receivables and credit follow', async () => {
    const { order, note, invoice } = await invoicedOrder(10);
    expect(invoice.total).toBe(118_00);
    expect(await owed()).toBe(118_00);
    expect((await exposure()).used).toBe(118_00);

    const cancelled = await admin.ok('invoices.cancel', { id: invoice.id, reason: 'Wrong rate keyed' });
    expect(cancelled).toMatchObject({
      number: invoice.number,
      status: 'cancelled',
      cancelReason: 'Wrong rate keyed',
      cancelledOn: '2026-11-22',
      deliveryNotes: [note.number],
    });
    const toInvoice = await admin.ok('billing.toInvoice', {});
    expect(toInvoice.map((n: { id: number }) => n.id)).toContain(note.id);
    const detail = await admin.ok('orders.get', { id: order.id });
    expect(detail.status).toBe('delivered');
    expect(detail.events.at(-1)).toMatchObject({
      kind: 'invoice_cancelled',
      message: `Invoice ${invoice.number} cancelled: Wrong rate keyed; ${note.number} back to invoicing`,
    });
    // Nothing is owed on the cancelled bill; the delivered goods still count as unbilled exposure.
    expect(await owed()).toBe(0);
    expect(await exposure()).toMatchObject({ used: 118_00, overdue: 0 });
    const account = await ledger();
    expect(
      account.entries.map((e: { kind: string; debit: number; credit: number }) => [e.kind, e.debit, e.credit]),
    ).toEqual([
      ['invoice', 118_00, 0],
      ['invoice_cancelled', 0, 118_00],
    ]);
    expect(account.closing).toBe(0);
    const audit = await admin.ok('audit.list', { entity: 'invoice', entityId: invoice.id });
    expect(audit.rows[0]).toMatchObject({ action: 'cancel' });
    expect(JSON.parse(audit.rows[0].detail)).toMatchObject({
      reason: 'Wrong rate keyed',
      deliveryNotes: [note.number],
    });

    const { text } = pdfText(await admin.ok('documents.invoice', { id: invoice.id }));
    expect(text).toContain('CANCELLED on 22-11-2026: Wrong rate keyed');
    expect(text).toContain(invoice.number);

    // Invoiced again: the next number, the same amount (the cancelled lines do not count as billed).
    const again = await admin.ok('invoices.post', { deliveryNoteIds: [note.id] });
    expect(Number(again.number.slice(-6))).toBe(Number(invoice.number.slice(-6)) + 1);
    expect(again.total).toBe(118_00);
    expect(pdfText(await admin.ok('documents.invoice', { id: again.id })).text).not.toContain('CANCELLED');
    expect((await admin.ok('orders.get', { id: order.id })).status).toBe('invoiced');
    expect(await owed()).toBe(118_00);
    expect((await admin.ok('invoices.get', { id: invoice.id })).status).toBe('cancelled');
    expect((await admin.call('invoices.cancel', { id: invoice.id, reason: 'Twice' })).status).toBe(409);
  });

  it('refuses while a payment or a credit note is against it, and outside the window; nothing is written', async () => {
    const { invoice } = await invoicedOrder(5);
    const receipt = await admin.ok('payments.record', {
      customerId: world.customerId,
      receivedOn: '2026-11-22',
      mode: 'cheque',
      reference: '000451',
      amount: 59_00,
      allocations: [{ invoiceId: invoice.id, amount: 59_00 }],
    });
    let before = snapshot(server.ledger);
    const paid = await admin.call('invoices.cancel', { id: invoice.id, reason: 'Raised twice' });
    expect(paid.status).toBe(409);
    expect(paid.body.error.message).toBe(
      `₹59.00 is paid against ${invoice.number} (${receipt.number}); reverse those receipts first`,
    );
    expect(snapshot(server.ledger)).toBe(before);
    await admin.ok('payments.reverse', { id: receipt.id, reason: 'Cheque bounced' });
    expect((await admin.ok('invoices.cancel', { id: invoice.id, reason: 'Raised twice' })).status).toBe('cancelled');

    const returned = await invoicedOrder(4);
    await admin.ok('creditNotes.post', {
      invoiceId: returned.invoice.id,
      kind: 'return',
      reason: 'Damaged in transit',
      lines: [{ invoiceLineId: returned.invoice.lines[0].id, quantity: 1 }],
    });
    before = snapshot(server.ledger);
    const credited = await admin.call('invoices.cancel', { id: returned.invoice.id, reason: 'Raised in error' });
    expect(credited.status).toBe(409);
    expect(credited.body.error.message).toContain('has credit notes (CN/');
    expect(snapshot(server.ledger)).toBe(before);

    // Raised on the 22nd; the default window is one day: the 23rd may cancel, the 24th may not.
    const late = await invoicedOrder(3);
    await on('2026-11-24');
    before = snapshot(server.ledger);
    const outside = await admin.call('invoices.cancel', { id: late.invoice.id, reason: 'Raised in error' });
    expect(outside.status).toBe(409);
    expect(outside.body.error).toMatchObject({ code: 'conflict', field: 'id' });
    expect(outside.body.error.message).toBe(
      `${late.invoice.number} is dated 2026-11-22; an invoice can be cancelled only within 1 day of its date. Issue a credit note instead`,
    );
    expect(snapshot(server.ledger)).toBe(before);
    // The company may widen the window.
    const company = await admin.ok('company.get', {});
    expect(company.invoiceCancelDays).toBe(1);
    await admin.ok('company.update', { ...company, invoiceCancelDays: 3 });
    expect((await admin.ok('invoices.cancel', { id: late.invoice.id, reason: 'Raised in error' })).status).toBe(
      'cancelled',
    );
    await on('2026-11-22');
  });
});

describe('reversing a receipt', () => {
  it('reopens the invoices, restores exposure and payment status, and shows in ledger, statement and ageing', async () => {
    const { order, invoice } = await invoicedOrder(20);
    const owedBefore = await owed();
    const usedBefore = (await exposure()).used;
    const receipt = await admin.ok('payments.record', {
      customerId: world.customerId,
      receivedOn: '2026-11-22',
      mode: 'cheque',
      reference: '000777',
      bank: 'HDFC',
      amount: invoice.total + 10_00,
      allocations: [{ invoiceId: invoice.id, amount: invoice.total }],
    });
    expect((await admin.ok('orders.get', { id: order.id })).paymentStatus).toBe('paid');
    expect(await owed()).toBe(owedBefore - invoice.total);
    expect((await exposure()).used).toBe(usedBefore - invoice.total);

    await on('2026-11-25');
    const reversed = await admin.ok('payments.reverse', {
      id: receipt.id,
      reason: 'Cheque bounced: funds insufficient',
    });
    expect(reversed).toMatchObject({
      number: receipt.number,
      reversedOn: '2026-11-25',
      reversalReason: 'Cheque bounced: funds insufficient',
      message: '₹236.00 is owed again on 1 invoice',
    });
    expect((await admin.ok('invoices.get', { id: invoice.id })).paid).toBe(0);
    const detail = await admin.ok('orders.get', { id: order.id });
    expect(detail.paymentStatus).toBe('unpaid');
    expect(detail.events.at(-1).message).toBe(
      `${receipt.number} reversed (Cheque bounced: funds insufficient); order unpaid`,
    );
    expect(await owed()).toBe(owedBefore);
    expect((await exposure()).used).toBe(usedBefore);

    const account = await ledger();
    const mine = account.entries.filter((e: { document: string }) => e.document === receipt.number);
    expect(mine).toEqual([
      expect.objectContaining({ date: '2026-11-22', kind: 'payment', debit: 0, credit: 246_00 }),
      expect.objectContaining({ date: '2026-11-25', kind: 'payment_reversed', debit: 246_00, credit: 0 }),
    ]);
    const { text } = pdfText(
      await admin.ok('documents.statement', { customerId: world.customerId, from: '2026-11-01', to: '2026-11-30' }),
    );
    expect(text).toContain('payment reversed');
    const audit = await admin.ok('audit.list', { entity: 'payment', entityId: receipt.id });
    expect(audit.rows[0]).toMatchObject({ action: 'reverse' });
    const listed = await admin.ok('payments.list', { customerId: world.customerId });
    expect(listed.rows.find((r: { id: number }) => r.id === receipt.id)).toMatchObject({
      reversedOn: '2026-11-25',
      allocated: 236_00,
      amount: 246_00,
    });

    const before = snapshot(server.ledger);
    const twice = await admin.call('payments.reverse', { id: receipt.id, reason: 'Again' });
    expect(twice.status).toBe(409);
    expect(twice.body.error.message).toBe(`${receipt.number} was already reversed on 2026-11-25`);
    expect(snapshot(server.ledger)).toBe(before);
    await on('2026-11-22');
  });

  it('needs a reason, and a clerk who may only read billing may not reverse', async () => {
    const bare = await admin.call('payments.reverse', { id: 1, reason: '' });
    expect(bare.status).toBe(400);
    expect(bare.body.error.field).toBe('reason');
    const cancel = await admin.call('invoices.cancel', { id: 1, reason: 'x' });
    expect(cancel.body.error).toMatchObject({ field: 'reason', message: 'Say why the invoice is cancelled' });
    const picker = await server.as('warehouse_clerk');
    expect((await picker.call('payments.reverse', { id: 1, reason: 'Cheque bounced' })).status).toBe(403);
  });
});

describe('credit exposure of a partly invoiced order', () => {
  it('counts the invoiced part as owed and only the rest as unbilled, and follows a cancelled invoice', async () => {
    const before = (await exposure()).used;
    const order = await admin.ok('orders.place', {
      customerId: world.customerId,
      warehouseId: world.warehouseId,
      lines: [{ productId: world.glucose, quantity: 10 }],
    });
    expect(order.total).toBe(118_00);
    expect((await exposure()).used - before).toBe(118_00);
    await pickEverything(admin, world.warehouseId, [order.id]);
    const glucose = (await admin.ok('deliveryNotes.deliverable', { orderId: order.id }))[0];
    const note = await admin.ok('deliveryNotes.post', {
      orderId: order.id,
      lines: [{ reservationId: glucose.reservationId, quantity: 4 }],
    });
    const invoice = await admin.ok('invoices.get', { id: note.invoiceId });
    // 4 × ₹11.80 = ₹47.20 of the order's lines, billed ₹47.00 after the invoice's round-off.
    expect(invoice.total).toBe(47_00);
    expect((await admin.ok('orders.get', { id: order.id })).status).toBe('partially_delivered');
    // ₹47.00 owed on the invoice and ₹70.80 of the order's lines not yet invoiced; not ₹47.00 + ₹118.00.
    expect((await exposure()).used - before).toBe(47_00 + 70_80);
    await admin.ok('invoices.cancel', { id: invoice.id, reason: 'Wrong rate keyed' });
    expect((await exposure()).used - before).toBe(118_00);
  });
});
