import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { snapshot, startTestServer, type TestClient, type TestServer } from '../support/test-server';
import { biscuit, retailer } from '../support/fixtures';
import { pickEverything } from '../support/world';

/** Each real caller of postMovement hands it what the goods are worth: returns, opening stock, the views. */
let server: TestServer;
let admin: TestClient;
let warehouseId: number;
let customerId: number;
let seq = 0;

const stockValue = (productId: number) =>
  server.ledger.sqlite
    .prepare('SELECT quantity, value FROM stock_values WHERE warehouse_id = ? AND product_id = ?')
    .get(warehouseId, productId) as { quantity: number; value: number };
const movementValues = (productId: number, kind: string) =>
  (
    server.ledger.sqlite
      .prepare('SELECT value FROM stock_movements WHERE product_id = ? AND kind = ? ORDER BY id')
      .all(productId, kind) as { value: number }[]
  ).map((r) => r.value);

/** A product with 100 units at ₹5.00, 10 of them sold (cost ₹50.00), then 100 more at ₹9.00: the average moves. */
async function soldThenDearer(): Promise<{ productId: number; noteId: number }> {
  seq += 1;
  const productId = (await admin.ok('products.create', biscuit({ sku: `RET-${seq}`, barcodes: [], price: 10_00 }))).id;
  const receive = (batchNo: string, value: number) =>
    admin.ok('inventory.receive', {
      warehouseId,
      lines: [{ productId, batchNo, expiresOn: batchNo === 'OLD' ? '2027-03-01' : '2027-09-01', quantity: 100, value }],
    });
  await receive('OLD', 500_00);
  const order = await admin.ok('orders.place', {
    customerId,
    warehouseId,
    paymentType: 'credit',
    lines: [{ productId, quantity: 10 }],
  });
  await pickEverything(admin, warehouseId, [order.id]);
  const noteId = (await admin.ok('deliveryNotes.post', { orderId: order.id })).id;
  await receive('NEW', 900_00);
  // 90 left at ₹5.00 (₹450.00) + 100 at ₹9.00 = 190 worth ₹1,350.00: average ₹7.1052…
  expect(stockValue(productId)).toEqual({ quantity: 190, value: 1_350_00 });
  expect(movementValues(productId, 'issue')).toEqual([-50_00]);
  return { productId, noteId };
}

beforeAll(async () => {
  server = await startTestServer();
  admin = await server.admin();
  warehouseId = (await admin.ok('warehouses.create', { code: 'PUN', name: 'Pune', address: { stateCode: '27' } })).id;
  customerId = (await admin.ok('customers.create', retailer({ creditLimit: 10_00_000_00 }))).id;
});
afterAll(() => server.close());

describe('goods coming back come back at the cost they left at', () => {
  it('a credit note return restocks at the issue cost, across partial returns, to the paisa', async () => {
    const { productId, noteId } = await soldThenDearer();
    const note = await admin.ok('deliveryNotes.get', { id: noteId });
    const invoice = await admin.ok('invoices.get', { id: note.invoiceId });
    const credit = (quantity: number) =>
      admin.ok('creditNotes.post', {
        invoiceId: invoice.id,
        kind: 'return',
        reason: 'unsold',
        lines: [{ invoiceLineId: invoice.lines[0].id, quantity, restock: 'sellable' }],
      });
    // 3 of 10 back: ₹50.00 × 3/10 = ₹15.00, not 3 × the average ₹7.1052 (₹21.32).
    await credit(3);
    // 7 more: the rest of the ₹50.00, ₹35.00; all returns together give back exactly what left.
    await credit(7);
    expect(movementValues(productId, 'return')).toEqual([15_00, 35_00]);
    expect(stockValue(productId)).toEqual({ quantity: 200, value: 1_400_00 });
  });

  it('a damaged return comes in at its issue cost and is written off at the average', async () => {
    const { productId, noteId } = await soldThenDearer();
    const note = await admin.ok('deliveryNotes.get', { id: noteId });
    const invoice = await admin.ok('invoices.get', { id: note.invoiceId });
    await admin.ok('creditNotes.post', {
      invoiceId: invoice.id,
      kind: 'return',
      reason: 'crushed',
      lines: [{ invoiceLineId: invoice.lines[0].id, quantity: 4, restock: 'damaged' }],
    });
    // In at 4 × ₹5.00 = ₹20.00 → 194 worth ₹1,370.00; out at 1,37,000 × 4 / 194 = 2,824.74 → ₹28.25.
    expect(movementValues(productId, 'return')).toEqual([20_00]);
    expect(movementValues(productId, 'damage')).toEqual([-28_25]);
    expect(stockValue(productId)).toEqual({ quantity: 190, value: 1_341_75 });
  });
});

describe('opening stock with its cost', () => {
  it('takes a cost rate per unit of the row, or the row value; without either, at the moving average', async () => {
    const productId = (await admin.ok('products.create', biscuit({ sku: 'OPN-1', barcodes: [] }))).id;
    const csv = [
      'warehouse code,item code,batch,expiry,qty,uom,cost rate,stock value',
      'PUN,OPN-1,O1,31/12/2027,2,case,200.00,',
      'PUN,OPN-1,O2,31/12/2027,10,,,55.50',
      'PUN,OPN-1,O3,31/12/2027,4,,,',
    ].join('\n');
    const result = await admin.ok('inventory.importOpening', { csv, mode: 'all-or-nothing' });
    expect(result.errors).toEqual([]);
    // 2 cases (96 units) at ₹200.00 a case = ₹400.00; 10 units worth ₹55.50; 4 units at the average of the
    // 106 before them: 45,550 × 4 / 106 = 1,718.87 → ₹17.19.
    expect(movementValues(productId, 'opening')).toEqual([400_00, 55_50, 17_19]);
    expect(stockValue(productId)).toEqual({ quantity: 110, value: 472_69 });
  });

  it('refuses a row with an unreadable cost, naming the column, and writes nothing', async () => {
    const before = snapshot(server.ledger);
    const csv = ['warehouse code,item code,batch,qty,cost rate', 'PUN,OPN-1,O9,5,abc'].join('\n');
    const result = await admin.ok('inventory.importOpening', { csv, mode: 'all-or-nothing' });
    expect(result.errors).toEqual([expect.objectContaining({ row: 2, field: 'cost' })]);
    expect(result.errors[0].message).toMatch(/Cost rate "abc" is not an amount in rupees/);
    expect(snapshot(server.ledger)).toBe(before);
  });
});

describe('who sees value', () => {
  it('movement history shows value to cost.read roles only; the warehouse clerk sees quantities', async () => {
    const productId = (await admin.ok('products.create', biscuit({ sku: 'VIS-1', barcodes: [] }))).id;
    await admin.ok('inventory.receive', {
      warehouseId,
      lines: [{ productId, batchNo: 'V1', expiresOn: '2027-09-01', quantity: 10, value: 123_45 }],
    });
    const [mine] = await admin.ok('inventory.movements', { productId });
    expect(mine).toMatchObject({ quantity: 10, value: 123_45, transitValue: 0 });
    const clerk = await server.as('warehouse_clerk');
    const [theirs] = await clerk.ok('inventory.movements', { productId });
    expect(theirs).toMatchObject({ quantity: 10, value: null, transitValue: null });
    expect((await clerk.ok('inventory.check', {})).values).toBeNull();
    expect((await clerk.call('valuation.stockValue', { asOf: '2026-11-22' })).status).toBe(403);
    const accountant = await server.as('accountant');
    expect((await accountant.ok('valuation.stockValue', { asOf: '2026-11-22' })).rows.length).toBeGreaterThan(0);
  });

  it('inventory.check finds a stock value that no longer matches its movements', async () => {
    expect((await admin.ok('inventory.check', {})).values.differences).toEqual([]);
    const productId = (
      server.ledger.sqlite.prepare("SELECT id FROM products WHERE sku = 'VIS-1'").get() as { id: number }
    ).id;
    server.ledger.sqlite
      .prepare('UPDATE stock_values SET value = value + 1 WHERE warehouse_id = ? AND product_id = ?')
      .run(warehouseId, productId);
    const { values } = await admin.ok('inventory.check', {});
    expect(values.differences).toEqual([{ warehouseId, productId, field: 'value', stored: 123_46, computed: 123_45 }]);
    server.ledger.sqlite
      .prepare('UPDATE stock_values SET value = value - 1 WHERE warehouse_id = ? AND product_id = ?')
      .run(warehouseId, productId);
  });

  it('exports the stock-value report as CSV and XLSX with the same totals', async () => {
    const csv = await admin.ok('valuation.stockValueExport', { asOf: '2026-11-22', format: 'csv' });
    expect(csv.filename).toBe('stock-value-2026-11-22.csv');
    const text = Buffer.from(csv.base64, 'base64').toString('utf8');
    expect(text).toContain('Warehouse,SKU,Product,Brand,Category,Quantity,Average cost,Value');
    expect(text).toContain('VIS-1');
    expect(text).toContain('123.45');
    const xlsx = await admin.ok('valuation.stockValueExport', { asOf: '2026-11-22', format: 'xlsx' });
    expect(Buffer.from(xlsx.base64, 'base64').subarray(0, 2).toString()).toBe('PK');
  });
});
