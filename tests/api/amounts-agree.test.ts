import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatMoney } from '../../src-shared/money';
import { pdfText } from '../support/pdf-text';
import { startTestServer, type TestClient, type TestServer } from '../support/test-server';
import { biscuit, retailer } from '../support/fixtures';
import { pickEverything } from '../support/world';

let server: TestServer;
let admin: TestClient;
let warehouseId: number;
let inState: number;
let otherState: number;
let products: [number, number, number, number, number];
const created: number[] = [];
const invoices: { total: number; taxable: number }[] = [];

/** Odd prices and every GST rate; two products sold tax-inclusive to both customers. */
beforeAll(async () => {
  server = await startTestServer();
  admin = await server.admin();
  warehouseId = (
    await admin.ok('warehouses.create', {
      code: 'PUN',
      name: 'Pune',
      address: { stateCode: '27', city: 'Pune', district: 'Pune' },
    })
  ).id;
  inState = (await admin.ok('customers.create', retailer({ creditLimit: 1_00_00_000_00 }))).id;
  otherState = (
    await admin.ok(
      'customers.create',
      retailer({
        code: 'RT0002',
        name: 'Bengaluru Stores',
        gstin: '',
        creditLimit: 1_00_00_000_00,
        billTo: { line1: '1 MG Road', city: 'Bengaluru', district: 'Bengaluru', stateCode: '29', pincode: '560001' },
      }),
    )
  ).id;
  const specs = [
    [1025, 1800],
    [3333, 1200],
    [4999, 500],
    [777, 2800],
    [12_345, 1800],
  ] as const;
  for (const [i, [price, taxRate]] of specs.entries()) {
    created.push(
      (
        await admin.ok(
          'products.create',
          biscuit({ sku: `ODD-${i}`, name: `Odd ${i}`, barcodes: [], price, mrp: price * 2, taxRate, packs: [] }),
        )
      ).id,
    );
  }
  products = created as typeof products;
  await admin.ok('inventory.receive', {
    warehouseId,
    lines: products.map((productId) => ({ productId, batchNo: 'B1', expiresOn: '2028-01-01', quantity: 100_000 })),
  });
  for (const customerId of [inState, otherState]) {
    await admin.ok('priceLists.create', {
      name: `Inclusive ${customerId}`,
      scope: 'customer',
      customerId,
      taxInclusive: true,
      items: [
        { productId: products[0], price: 1199 },
        { productId: products[1], price: 3733 },
      ],
    });
  }
}, 30_000);
afterAll(() => server.close());

async function deliverAndInvoice(orderId: number) {
  await pickEverything(admin, warehouseId, [orderId]);
  const note = await admin.ok('deliveryNotes.post', { orderId });
  return admin.ok('invoices.get', { id: note.invoiceId });
}

type Line = {
  id: number;
  quantity: number;
  rate: string;
  gross: number;
  discount: number;
  taxable: number;
  cgst: number;
  sgst: number;
  igst: number;
  total: number;
};

/** What a GST auditor checks on the page, line by line and in total. */
function expectInvoiceAddsUp(inv: {
  lines: Line[];
  gross: number;
  discount: number;
  taxable: number;
  cgst: number;
  sgst: number;
  igst: number;
  roundOff: number;
  total: number;
}) {
  for (const l of inv.lines) {
    expect(l.gross - l.discount).toBe(l.taxable);
    expect(l.taxable + l.cgst + l.sgst + l.igst).toBe(l.total);
    // The printed rate is the ex-GST unit rate: × qty it gives the gross (within its 4 decimals)
    expect(Math.abs(Number(l.rate.replace(/,/g, '')) * 100 * l.quantity - l.gross)).toBeLessThanOrEqual(
      0.5 + 0.005 * l.quantity,
    );
  }
  const sum = (k: keyof Line) => inv.lines.reduce((s, l) => s + (l[k] as number), 0);
  expect([inv.gross, inv.discount, inv.taxable, inv.cgst, inv.sgst, inv.igst]).toEqual([
    sum('gross'),
    sum('discount'),
    sum('taxable'),
    sum('cgst'),
    sum('sgst'),
    sum('igst'),
  ]);
  expect(inv.gross - inv.discount).toBe(inv.taxable);
  expect(sum('total') + inv.roundOff).toBe(inv.total);
  expect(inv.total % 100).toBe(0);
}

describe('one rounding rule: quote, order, invoice, print and reports agree to the paisa', () => {
  it('the counter screen shows the total its receipt prints (CGST and SGST halves each rounded, and the round-off)', async () => {
    // ₹10.25 at 18% within the state: 9% of ₹10.25 is 92.25 paise, so CGST 92 + SGST 92 = ₹1.84,
    // where 18% of the whole is 184.5 → ₹1.85. The screen used to show ₹12.10, the receipt ₹12.00.
    const start = await admin.ok('counter.start', {});
    const lines = [{ productId: products[0], quantity: 1 }];
    const quote = await admin.ok('orders.quote', {
      customerId: start.cashCustomerId,
      warehouseId,
      paymentType: 'cash',
      lines,
    });
    expect(quote).toMatchObject({ taxable: 1025, tax: 184, roundOff: -9, total: 1200 });
    const sale = await admin.ok('counter.sale', {
      warehouseId,
      lines,
      payment: { mode: 'cash', tendered: quote.total },
    });
    expect(sale.invoice.total).toBe(quote.total);
    expect(sale.invoice.cgst + sale.invoice.sgst).toBe(quote.tax);
    const { text } = pdfText(await admin.ok('documents.receipt', { id: sale.invoice.id, tendered: quote.total }));
    expect(text).toContain(formatMoney(quote.total));
    invoices.push(sale.invoice);
  });

  it('prints a tax-inclusive line as rate × qty − discount = taxable, with the tax on top and the price it came from', async () => {
    // ₹11.99 inclusive of 18%, 7 units, 10% off: the customer pays ₹75.54 (83.93 − 8.39), as agreed.
    const order = await admin.ok('orders.place', {
      customerId: inState,
      warehouseId,
      paymentType: 'credit',
      lines: [{ productId: products[0], quantity: 7, manualDiscountBps: 1000 }],
    });
    expect(order.lines[0]).toMatchObject({
      unitPrice: 1199,
      taxInclusive: true,
      total: 7554,
      gross: 7113,
      discount: 711,
      taxable: 6402,
    });
    const invoice = await deliverAndInvoice(order.id);
    invoices.push(invoice);
    const line = invoice.lines[0];
    expect(line).toMatchObject({
      unitPrice: 1199,
      taxInclusive: true,
      rate: '10.1614',
      gross: 7113,
      discount: 711,
      taxable: 6402,
      cgst: 576,
      sgst: 576,
      total: 7554,
    });
    expect(invoice.total).toBe(order.total);
    expectInvoiceAddsUp(invoice);
    const { text } = pdfText(await admin.ok('documents.invoice', { id: invoice.id }));
    expect(text).toContain('10.1614');
    expect(text).toContain('incl 11.99');
    expect(text).toContain('71.13');
  });

  it('over random lines, Σ line totals + round-off = invoice total = quote total, and the page adds up', async () => {
    const line = fc.record({
      product: fc.integer({ min: 0, max: 4 }),
      quantity: fc.integer({ min: 1, max: 60 }),
      manualDiscountBps: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 3000 })),
      priceOverride: fc.oneof(fc.constant(null), fc.integer({ min: 1, max: 99_999 })),
    });
    await fc.assert(
      fc.asyncProperty(
        fc.uniqueArray(line, { minLength: 1, maxLength: 5, selector: (l) => l.product }),
        fc.boolean(),
        async (lines, local) => {
          const input = {
            customerId: local ? inState : otherState,
            warehouseId,
            paymentType: 'credit' as const,
            lines: lines.map((l) => ({
              productId: products[l.product as 0]!,
              quantity: l.quantity,
              manualDiscountBps: l.manualDiscountBps,
              priceOverride: l.priceOverride,
            })),
          };
          const quote = await admin.ok('orders.quote', input);
          expect(quote.lines.reduce((s: number, l: { total: number }) => s + l.total, 0) + quote.roundOff).toBe(
            quote.total,
          );
          const order = await admin.ok('orders.place', input);
          expect(order.total).toBe(quote.total);
          const invoice = await deliverAndInvoice(order.id);
          invoices.push(invoice);
          expect(invoice.total).toBe(quote.total);
          expect(invoice.taxable).toBe(quote.taxable);
          expect(invoice.cgst + invoice.sgst + invoice.igst).toBe(quote.tax);
          expect(local ? invoice.igst : invoice.cgst + invoice.sgst).toBe(0);
          expectInvoiceAddsUp(invoice);
        },
      ),
      { numRuns: 12 },
    );
  }, 120_000);

  it('an order invoiced in three parts: each invoice adds up, and the backlog falls to exactly nothing', async () => {
    const order = await admin.ok('orders.place', {
      customerId: inState,
      warehouseId,
      paymentType: 'credit',
      lines: [
        { productId: products[1], quantity: 7, manualDiscountBps: 333 },
        { productId: products[3], quantity: 5, manualDiscountBps: 777 },
      ],
    });
    await pickEverything(admin, warehouseId, [order.id]);
    const deliverable = await admin.ok('deliveryNotes.deliverable', { orderId: order.id });
    for (const share of [2, 2, null]) {
      const lines =
        share === null
          ? null
          : deliverable.map((d: { reservationId: number }) => ({ reservationId: d.reservationId, quantity: share }));
      const note = await admin.ok('deliveryNotes.post', { orderId: order.id, ...(lines ? { lines } : {}) });
      const invoice = await admin.ok('invoices.get', { id: note.invoiceId });
      expectInvoiceAddsUp(invoice);
      invoices.push(invoice);
    }
    const pending = await admin.ok('reports.run', {
      report: 'pending_orders',
      filters: { from: '2026-11-01', to: '2026-11-30' },
    });
    expect(pending.rows).toEqual([]);
  });

  it('every report’s billed value is the sum of the invoices it counts', async () => {
    const billed = invoices.reduce((s, i) => s + i.total, 0);
    const taxable = invoices.reduce((s, i) => s + i.taxable, 0);
    const filters = { from: '2026-11-22', to: '2026-11-22', period: 'day' as const };
    for (const groupBy of ['customer', 'product', 'clerk'] as const) {
      const sales = await admin.ok('reports.run', { report: 'sales_performance', filters: { ...filters, groupBy } });
      expect(sales.totals).toMatchObject({ value: billed, taxable });
    }
    const flow = await admin.ok('reports.run', { report: 'booking_billing_backlog', filters });
    expect(flow.totals).toMatchObject({ billed, backlog: 0 });
    const customers = await admin.ok('reports.run', { report: 'customer_performance', filters });
    expect(customers.totals.billed).toBe(billed);
  });
});
