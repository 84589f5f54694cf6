import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdfText } from '../support/pdf-text';
import { startTestServer, type TestClient, type TestServer } from '../support/test-server';
import { buildWorld, pickEverything, type World } from '../support/world';

let server: TestServer;
let admin: TestClient;
let world: World;

async function deliverAndInvoice(lines: { productId: number; quantity: number }[]) {
  const order = await admin.ok('orders.place', {
    customerId: world.customerId,
    warehouseId: world.warehouseId,
    paymentType: 'credit',
    lines,
  });
  await pickEverything(admin, world.warehouseId, [order.id]);
  // The delivery note raises its invoice (the default flow): goods never leave uninvoiced.
  const dn = await admin.ok('deliveryNotes.post', { orderId: order.id });
  return admin.ok('invoices.get', { id: dn.invoiceId });
}

beforeAll(async () => {
  server = await startTestServer();
  admin = await server.admin();
  const company = await admin.ok('company.get', {});
  await admin.ok('company.update', {
    ...company,
    addressLine1: '12 Market Yard',
    city: 'Pune',
    gstin: '27AAPFU0939F1ZV',
  });
  world = await buildWorld(admin);
  await admin.ok('schemes.create', {
    code: 'G20',
    name: '20+1 Glucose',
    rule: {
      kind: 'free_goods',
      buyProductId: world.glucose,
      buyQuantity: 20,
      getProductId: world.glucose,
      getQuantity: 1,
    },
  });
}, 30_000);
afterAll(() => server.close());

describe('the tax invoice PDF', () => {
  it('prints both parties, GSTIN, HSN, batches, free goods, the tax breakup and the amount in words', async () => {
    const invoice = await deliverAndInvoice([
      { productId: world.glucose, quantity: 40 },
      { productId: world.tea, quantity: 2 },
    ]);
    const { text, pages } = pdfText(await admin.ok('documents.invoice', { id: invoice.id }));
    expect(pages).toBe(1);
    for (const s of [
      'TAX INVOICE',
      invoice.number,
      'Test Distributors',
      '27AAPFU0939F1ZV',
      'Sharma Traders',
      '19053100',
      'G-EARLY',
      'T1',
      '(FREE)',
      'CGST',
      'SGST',
      'HSN summary',
    ]) {
      expect(text).toContain(s);
    }
    expect(text).toContain(`₹${(invoice.total / 100).toLocaleString('en-IN', { minimumFractionDigits: 2 })}`);
    expect(text).toContain('Rupees Five Hundred Seventy Seven Only');
    expect(invoice.total).toBe(577_00); // 40 × ₹10 + 18% = ₹472, 2 × ₹50 + 5% = ₹105
  });

  it('a 120-line invoice breaks pages, repeats the header and carries totals forward', async () => {
    const ids: number[] = [];
    for (let i = 1; i <= 120; i++) {
      const p = await admin.ok('products.create', {
        sku: `LONG-${i}`,
        name: `Long list item ${i}`,
        hsn: '21069099',
        taxRate: 1200,
        price: 1000 + i,
        mrp: 2000 + i,
      });
      ids.push(p.id);
    }
    await admin.ok('inventory.receive', {
      warehouseId: world.warehouseId,
      lines: ids.map((productId) => ({ productId, batchNo: 'L1', expiresOn: '2099-01-01', quantity: 10 })),
    });
    const invoice = await deliverAndInvoice(ids.map((productId) => ({ productId, quantity: 1 })));
    const { text, pages } = pdfText(await admin.ok('documents.invoice', { id: invoice.id }));
    expect(pages).toBeGreaterThanOrEqual(3);
    expect(text.match(/TAX INVOICE/g)!.length).toBe(pages);
    expect(text).toMatch(/Carried forward: ₹[\d,]+\.\d\d/);
    expect(text).toMatch(/brought forward: ₹[\d,]+\.\d\d/);
    expect(text).toContain('LONG-120');
    expect(text).toMatch(new RegExp(`Page ${pages} of ${pages}`));
  }, 60_000);
});
