import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoGstin } from '../../src-main/engine/demo/seed-demo';
import { validateGstr1 } from '../../src-main/engine/formats/gstr1/validate-gstr1';
import { gstinCheckChar } from '../../src-shared/gstin';
import { pdfText } from '../support/pdf-text';
import { readVouchers } from '../support/tally-read';
import { snapshot, startTestServer, type TestClient, type TestServer } from '../support/test-server';
import { buildWorld, pickEverything, setCompany, type World } from '../support/world';

/*
 * A Pune distributor ships to a Pune retailer "FOR destination, freight extra": ₹250 per invoice billed with its GST
 * (18 %, CGST + SGST as for the goods). One order goes "To pay" instead and bills no freight.
 */
let server: TestServer;
let admin: TestClient;
let world: World;
let transporterId: number;

const RETAILER_GSTIN = '27AAPFU0939F1ZV';
const FLAT = { freightBasis: 'for_destination', freightRule: 'flat', freightAmount: 250_00 } as const;

async function placeOrder(quantity = 10) {
  return admin.ok('orders.place', {
    customerId: world.customerId,
    warehouseId: world.warehouseId,
    paymentType: 'credit',
    lines: [{ productId: world.glucose, quantity }],
  });
}

async function deliverAndInvoice(orderId: number) {
  await pickEverything(admin, world.warehouseId, [orderId]);
  const note = await admin.ok('deliveryNotes.post', { orderId });
  return { note, invoice: await admin.ok('invoices.get', { id: note.invoiceId! }) };
}

beforeAll(async () => {
  server = await startTestServer();
  admin = await server.admin();
  world = await buildWorld(admin);
  const first14 = '27AAACS1429B1Z';
  await setCompany(admin, {
    gstin: `${first14}${gstinCheckChar(first14)}`,
    addressLine1: 'Plot 12, MIDC Bhosari',
    city: 'Pune',
    pincode: '411026',
  });
  const pune = (await admin.ok('warehouses.list', {})).find((w: { code: string }) => w.code === 'PUN');
  await admin.ok('warehouses.update', { ...pune, address: { ...pune.address, line1: 'Gala 7', pincode: '410501' } });
  transporterId = (
    await admin.ok('transporters.save', { name: 'Sahyadri Roadways', transporterId: demoGstin('27', 4) })
  ).id;
}, 60_000);
afterAll(() => server.close());

describe('shipping terms', () => {
  it('default to "Freight paid" and refuse a rule that does not fit the basis, by field, writing nothing', async () => {
    const terms = await admin.ok('shipping.customerTerms', { customerId: world.customerId });
    expect(terms).toMatchObject({
      freightBasis: 'paid',
      transporterId: null,
      freightRule: null,
      summary: 'Freight paid',
    });
    const before = snapshot(server.ledger);
    const refusals: [object, string][] = [
      [{ freightBasis: 'for_destination' }, 'freightRule'],
      [{ freightBasis: 'for_destination', freightRule: 'flat', freightAmount: 0 }, 'freightAmount'],
      [{ freightBasis: 'for_destination', freightRule: 'percent' }, 'freightRateBps'],
      [{ freightBasis: 'to_pay', freightRule: 'flat', freightAmount: 100_00 }, 'freightRule'],
      [{ freightBasis: 'paid', transporterId: 999 }, 'transporterId'],
      [{ freightBasis: 'sometimes' }, 'freightBasis'],
    ];
    for (const [input, field] of refusals) {
      const res = await admin.call('shipping.saveCustomerTerms', { customerId: world.customerId, ...input });
      expect(res.status, JSON.stringify(input)).toBe(400);
      expect(res.body.error.field ?? res.body.error.issues?.[0]?.field).toBe(field);
    }
    expect(snapshot(server.ledger)).toBe(before);
  });

  it('bills FOR-destination freight as a service line with its GST, and every format agrees to the paisa', async () => {
    const saved = await admin.ok('shipping.saveCustomerTerms', {
      customerId: world.customerId,
      ...FLAT,
      transporterId,
      carrierAccount: 'SR-PUN-0042',
      packingInstructions: 'Shrink-wrap each case; no more than 6 high',
    });
    expect(saved).toMatchObject({
      transporterName: 'Sahyadri Roadways',
      summary: 'FOR destination (freight billed): ₹250.00 per invoice',
    });
    const order = await placeOrder();
    const terms = await admin.ok('shipping.orderTerms', { orderId: order.id });
    expect(terms.override).toBeNull();
    expect(terms.effective).toMatchObject({ freightBasis: 'for_destination', carrierAccount: 'SR-PUN-0042' });

    const { invoice } = await deliverAndInvoice(order.id);
    expect(invoice.charges).toEqual([
      expect.objectContaining({ sac: '996511', taxable: 250_00, taxRate: 1800, cgst: 22_50, sgst: 22_50, igst: 0 }),
    ]);
    const goods = invoice.lines.reduce((s: number, l: { taxable: number }) => s + l.taxable, 0);
    const goodsTotal = invoice.lines.reduce((s: number, l: { total: number }) => s + l.total, 0);
    expect(invoice.taxable).toBe(goods + 250_00);
    expect(invoice.cgst).toBe(invoice.lines.reduce((s: number, l: { cgst: number }) => s + l.cgst, 0) + 22_50);
    expect(invoice.total).toBe(goodsTotal + 295_00 + invoice.roundOff);
    expect(invoice.hsnSummary).toContainEqual(
      expect.objectContaining({ hsn: '996511', rateBps: 1800, taxable: 250_00, cgst: 22_50 }),
    );

    const irp = JSON.parse((await admin.ok('einvoice.export', { type: 'invoice', id: invoice.id })).content);
    const freight = irp.ItemList.find((i: { IsServc: string }) => i.IsServc === 'Y');
    expect(freight).toMatchObject({ HsnCd: '996511', Qty: 1, UnitPrice: 250, AssAmt: 250, CgstAmt: 22.5 });
    expect(irp.ValDtls.TotInvVal).toBe(invoice.total / 100);

    const { reconciliation, problems } = await admin.ok('gstr1.summary', { month: '2026-11' });
    expect(problems).toEqual([]);
    expect(reconciliation.differences).toEqual([]);
    expect(reconciliation.agrees).toBe(true);
    const file = JSON.parse(
      Buffer.from((await admin.ok('gstr1.export', { month: '2026-11', format: 'json' })).base64, 'base64').toString(),
    );
    expect(validateGstr1(file)).toEqual([]);
    const b2b = file.b2b.find((c: { ctin: string }) => c.ctin === RETAILER_GSTIN).inv[0];
    expect(b2b.val).toBe(invoice.total / 100);
    const hsn = JSON.stringify(file.hsn);
    expect(hsn).toContain('"hsn_sc":"996511"');
    expect(hsn).toContain('"uqc":"NA"');

    const tally = readVouchers((await admin.ok('tally.exportVouchers', { from: '2026-11-01', to: '2026-11-30' })).xml);
    const sale = tally.vouchers.find((v) => v.number === invoice.number)!;
    expect(sale.entries.find((e) => e.ledger === 'Freight Outward')).toBeDefined();

    const pdf = pdfText(await admin.ok('documents.invoice', { id: invoice.id }));
    expect(pdf.text).toContain('Freight (SAC 996511)');
  });

  it("shows the terms on the dispatch board and prints them on the driver's dispatch sheet", async () => {
    const board = await admin.ok('dispatches.pending', {});
    expect(board[0]!.shipping).toMatchObject({ transporterId, carrierAccount: 'SR-PUN-0042' });
    const d = await admin.ok('dispatches.create', { deliveryNoteIds: [board[0]!.id], vehicleNo: 'MH12AB1234' });
    const sheet = pdfText(await admin.ok('documents.dispatchSheet', { id: d.id }));
    const text = sheet.text.replace(/\s+/g, ' ');
    expect(text).toContain('FOR destination (freight billed): ₹250.00 per invoice');
    expect(text).toContain('Transporter Sahyadri Roadways');
    expect(text).toContain('Carrier a/c SR-PUN-0042');
    expect(text).toContain('Packing: Shrink-wrap each case');
  });

  it('bills nothing on an order overridden to "To pay", and keeps the override once invoiced', async () => {
    const order = await placeOrder(5);
    const bad = await admin.call('shipping.saveOrderTerms', {
      orderId: order.id,
      terms: { freightBasis: 'to_pay', freightRule: 'percent', freightRateBps: 200 },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.field).toBe('freightRule');
    const overridden = await admin.ok('shipping.saveOrderTerms', {
      orderId: order.id,
      terms: { freightBasis: 'to_pay', transporterId, packingInstructions: 'Fragile' },
    });
    expect(overridden.effective).toMatchObject({ freightBasis: 'to_pay', summary: 'To pay' });
    expect(overridden.customer.freightBasis).toBe('for_destination');
    const { invoice } = await deliverAndInvoice(order.id);
    expect(invoice.charges).toEqual([]);
    expect(invoice.hsnSummary.map((h: { hsn: string }) => h.hsn)).not.toContain('996511');
    const late = await admin.call('shipping.saveOrderTerms', { orderId: order.id, terms: null });
    expect(late.status).toBe(409);
  });

  it('refuses one invoice over orders whose freight terms differ, and bills shared flat freight once', async () => {
    await setCompany(admin, { invoiceFlow: 'before_dispatch' });
    const note = async (orderId: number) => {
      await pickEverything(admin, world.warehouseId, [orderId]);
      return (await admin.ok('deliveryNotes.post', { orderId })).id as number;
    };
    const [a, b, c] = [await placeOrder(2), await placeOrder(3), await placeOrder(4)];
    await admin.ok('shipping.saveOrderTerms', { orderId: b.id, terms: { freightBasis: 'to_pay' } });
    const [na, nb, nc] = [await note(a.id), await note(b.id), await note(c.id)] as const;
    const before = snapshot(server.ledger);
    const mixed = await admin.call('invoices.post', { deliveryNoteIds: [na, nb] });
    expect(mixed.status).toBe(409);
    expect(mixed.body.error).toMatchObject({ field: 'deliveryNoteIds' });
    expect(mixed.body.error.message).toBe(
      `${a.number} and ${b.number} bill freight on different terms: invoice their delivery notes apart`,
    );
    expect(snapshot(server.ledger)).toBe(before);
    // Both on the customer's FOR terms: one invoice, ₹250 once, not once per order.
    const together = await admin.ok('invoices.post', { deliveryNoteIds: [na, nc] });
    expect(together.charges.map((ch: { taxable: number }) => ch.taxable)).toEqual([250_00]);
    await setCompany(admin, { invoiceFlow: 'with_delivery_note' });
  });

  it('takes freight back out when its invoice is cancelled: GSTR-1 still agrees with the register', async () => {
    const order = await placeOrder(3);
    const { invoice } = await deliverAndInvoice(order.id);
    expect(invoice.charges).toHaveLength(1);
    await admin.ok('invoices.cancel', { id: invoice.id, reason: 'Wrong ship-to' });
    const { reconciliation } = await admin.ok('gstr1.summary', { month: '2026-11' });
    expect(reconciliation.agrees).toBe(true);
  });
});
