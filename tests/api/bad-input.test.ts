import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { snapshot, startTestServer, type TestClient, type TestServer } from '../support/test-server';
import { biscuit, retailer } from '../support/fixtures';
import { pickEverything } from '../support/world';
import { gstinCheckChar } from '../../src-shared/gstin';

const karnatakaGstin = `29AAPFU0939F1Z${gstinCheckChar('29AAPFU0939F1Z')}`;

let server: TestServer;
let admin: TestClient;
/** a warehouse with stock, and a delivery note waiting to be dispatched and invoiced */
const at = { warehouseId: 0, batchId: 0, deliveryNoteId: 0 };

beforeAll(async () => {
  server = await startTestServer();
  admin = await server.admin();
  await admin.ok(
    'customers.create',
    retailer({ code: 'DB0001', name: 'Pune Distributors', type: 'distributor', gstin: '' }),
  );
  const productId = (await admin.ok('products.create', biscuit())).id;
  at.warehouseId = (
    await admin.ok('warehouses.create', { code: 'PUN', name: 'Pune', address: { stateCode: '27', city: 'Pune' } })
  ).id;
  await admin.ok('inventory.receive', {
    warehouseId: at.warehouseId,
    lines: [{ productId, batchNo: 'B1', expiresOn: '2028-01-01', quantity: 100 }],
  });
  at.batchId = (
    server.ledger.sqlite.prepare("SELECT id FROM batches WHERE batch_no = 'B1'").get() as { id: number }
  ).id;
  const order = await admin.ok('orders.place', {
    customerId: 1,
    warehouseId: at.warehouseId,
    lines: [{ productId, quantity: 2 }],
  });
  await pickEverything(admin, at.warehouseId, [order.id]);
  at.deliveryNoteId = (await admin.ok('deliveryNotes.post', { orderId: order.id })).id;
});
afterAll(() => server.close());

/** Each case: the call, the field the error must name, and words the message must contain. */
const cases: [string, string, () => Record<string, unknown>, string, RegExp][] = [
  ['customers.create', 'missing name', () => ({ ...retailer(), name: '  ' }), 'name', /Name is required/],
  [
    'customers.create',
    'bad GSTIN check character',
    () => retailer({ gstin: '27AAPFU0939F1ZA' }),
    'gstin',
    /check character/,
  ],
  [
    'customers.create',
    'GSTIN from another state',
    () => retailer({ gstin: karnatakaGstin }),
    'gstin',
    /registered in Karnataka but the address is in Maharashtra/,
  ],
  [
    'customers.create',
    'pincode of 5 digits',
    () => retailer({ billTo: { ...retailer().billTo, pincode: '41103' } }),
    'billTo.pincode',
    /6 digits/,
  ],
  [
    'customers.create',
    'unknown state',
    () => retailer({ billTo: { ...retailer().billTo, stateCode: '99' } }),
    'billTo.stateCode',
    /state code/,
  ],
  ['customers.create', 'negative credit limit', () => retailer({ creditLimit: -1 }), 'creditLimit', /negative/],
  [
    'customers.create',
    'credit limit in rupees with decimals',
    () => ({ ...retailer(), creditLimit: 500.5 }),
    'creditLimit',
    /paise/,
  ],
  ['customers.create', 'unknown customer type', () => retailer({ type: 'wholesaler' }), 'type', /not configured/],
  ['customers.create', 'duplicate code', () => retailer({ code: 'DB0001' }), 'code', /already used/],
  ['customers.create', 'parent that does not exist', () => retailer({ parentId: 999 }), 'parentId', /does not exist/],
  [
    'customers.update',
    'stale version',
    () => ({ ...retailer({ code: 'DB0001', name: 'X', type: 'distributor', gstin: '' }), id: 1, version: 99 }),
    'version',
    /changed by someone else/,
  ],
  [
    'products.create',
    'price above MRP',
    () => biscuit({ sku: 'SUN-0002', barcodes: [], price: 2500 }),
    'price',
    /above MRP/,
  ],
  [
    'products.create',
    'mistyped EAN',
    () => biscuit({ sku: 'SUN-0002', barcodes: [{ code: '8901063010216' }] }),
    'barcodes.0.code',
    /check digit should be 5/,
  ],
  [
    'products.create',
    'barcode of another product',
    () => biscuit({ sku: 'SUN-0002' }),
    'barcodes.0.code',
    /already belongs to SUN-0001/,
  ],
  [
    'products.create',
    'HSN of 5 digits',
    () => biscuit({ sku: 'SUN-0002', barcodes: [], hsn: '19053' }),
    'hsn',
    /4, 6 or 8 digits/,
  ],
  [
    'products.create',
    'pack of one',
    () => biscuit({ sku: 'SUN-0002', barcodes: [], packs: [{ unit: 'case', factor: 1 }] }),
    'packs.0.factor',
    /at least 2/,
  ],
  [
    'products.create',
    'tax rate as a percent float',
    () => ({ ...biscuit({ sku: 'SUN-0002', barcodes: [] }), taxRate: 18.5 }),
    'taxRate',
    /basis points/,
  ],
  [
    'warehouses.create',
    'warehouse without state',
    () => ({ code: 'WH1', name: 'Main', address: {} }),
    'address.stateCode',
    /State/,
  ],
  [
    'company.update',
    'company GSTIN in another state',
    () => ({ name: 'Test', stateCode: '27', gstin: karnatakaGstin, version: 1 }),
    'gstin',
    /registered in Karnataka/,
  ],
  [
    'users.create',
    'short password',
    () => ({ username: 'ravi', displayName: 'Ravi', role: 'sales_clerk', password: 'short' }),
    'password',
    /at least 8/,
  ],
  [
    'users.create',
    'unknown role',
    () => ({ username: 'ravi', displayName: 'Ravi', role: 'owner', password: 'long-enough' }),
    'role',
    /Role must be one of/,
  ],
  [
    'orders.place',
    'a line from a warehouse that does not exist',
    () => order({ shortageAction: 'other_warehouse', warehouseId: 999 }),
    'lines.0.warehouseId',
    /Warehouse 999 does not exist/,
  ],
  [
    'orders.quote',
    'a line from a warehouse that does not exist',
    () => order({ shortageAction: 'other_warehouse', warehouseId: 999 }),
    'lines.0.warehouseId',
    /Warehouse 999 does not exist/,
  ],
  [
    'orders.quote',
    'a warehouse that does not exist',
    () => ({ ...order(), warehouseId: 999 }),
    'warehouseId',
    /Warehouse 999 does not exist/,
  ],
  [
    'inventory.adjust',
    'an adjustment of absurd size',
    () => adjust({ quantity: 1e15 }),
    'quantity',
    /at most 100000000/,
  ],
  [
    'inventory.adjust',
    'an adjustment of absurd size, out',
    () => adjust({ quantity: -1e15 }),
    'quantity',
    /at most 100000000/,
  ],
  [
    'inventory.adjust',
    'a warehouse that does not exist',
    () => adjust({ warehouseId: 999 }),
    'warehouseId',
    /Warehouse 999 does not exist/,
  ],
  [
    'inventory.receive',
    'a receipt of absurd size',
    () => ({
      warehouseId: at.warehouseId,
      lines: [{ productId: 1, batchNo: 'B2', expiresOn: '2028-01-01', quantity: 1e9 }],
    }),
    'lines.0.quantity',
    /at most 100000000/,
  ],
  [
    'counter.sale',
    'a quantity of absurd size',
    () => ({
      warehouseId: at.warehouseId,
      lines: [{ productId: 1, quantity: 1e15 }],
      payment: { mode: 'cash', tendered: 0 },
    }),
    'lines.0.quantity',
    /at most 10000000/,
  ],
  [
    'schemes.create',
    'free goods on a product that does not exist',
    () => scheme({ kind: 'free_goods', buyProductId: 999, buyQuantity: 10, getProductId: 1, getQuantity: 1 }),
    'rule.buyProductId',
    /Product 999 does not exist/,
  ],
  [
    'schemes.create',
    'free goods of a product that does not exist',
    () => scheme({ kind: 'free_goods', buyProductId: 1, buyQuantity: 10, getProductId: 998, getQuantity: 1 }),
    'rule.getProductId',
    /Product 998/,
  ],
  [
    'schemes.create',
    'a volume scheme on a product that does not exist',
    () => scheme({ kind: 'volume', target: { productIds: [1, 999] }, slabs: [{ minQuantity: 10, discountBps: 500 }] }),
    'rule.target.productIds.1',
    /Product 999/,
  ],
  [
    'schemes.create',
    'a free-goods quantity of zero',
    () => scheme({ kind: 'free_goods', buyProductId: 1, buyQuantity: 0, getProductId: 1, getQuantity: 1 }),
    'rule.buyQuantity',
    /./,
  ],
  [
    'dispatches.create',
    'the same delivery note twice',
    () => ({ deliveryNoteIds: [at.deliveryNoteId, at.deliveryNoteId], vehicleNo: 'MH12AB1234' }),
    'deliveryNoteIds.1',
    /listed twice/,
  ],
  [
    'invoices.post',
    'the same delivery note twice',
    () => ({ deliveryNoteIds: [at.deliveryNoteId, at.deliveryNoteId] }),
    'deliveryNoteIds.1',
    /listed twice/,
  ],
];

function order(line: Record<string, unknown> = {}) {
  return { customerId: 1, warehouseId: at.warehouseId, lines: [{ productId: 1, quantity: 1, ...line }] };
}
function adjust(overrides: Record<string, unknown>) {
  return {
    warehouseId: at.warehouseId,
    batchId: at.batchId,
    kind: 'adjustment',
    quantity: 5,
    reason: 'stock count',
    ...overrides,
  };
}
function scheme(rule: Record<string, unknown>) {
  return { code: 'SCH1', name: 'Scheme', rule };
}

describe('bad input is refused with the field named, and nothing is written', () => {
  it.each(cases)('%s: %s', async (name, _story, input, field, message) => {
    const before = snapshot(server.ledger);
    const result = await admin.raw(name, input());
    expect(result.status).toBeGreaterThanOrEqual(400);
    expect(result.status).toBeLessThan(500);
    expect(result.body.error.field).toBe(field);
    expect(result.body.error.message).toMatch(message);
    expect(snapshot(server.ledger)).toBe(before);
  });

  it('uses 409 for a rule the ledger enforces and 400 for a malformed value', async () => {
    expect((await admin.raw('customers.create', retailer({ code: 'DB0001' }))).status).toBe(409);
    expect((await admin.raw('customers.create', retailer({ creditLimit: -5 }))).status).toBe(400);
  });
});
