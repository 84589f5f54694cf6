import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { snapshot, startTestServer, type TestClient, type TestServer } from '../support/test-server';
import { biscuit, retailer } from '../support/fixtures';
import { gstinCheckChar } from '../../src-shared/gstin';

const karnatakaGstin = `29AAPFU0939F1Z${gstinCheckChar('29AAPFU0939F1Z')}`;

let server: TestServer;
let admin: TestClient;

beforeAll(async () => {
  server = await startTestServer();
  admin = await server.admin();
  await admin.ok('customers.create', retailer({ code: 'DB0001', name: 'Pune Distributors', type: 'distributor', gstin: '' }));
  await admin.ok('products.create', biscuit());
});
afterAll(() => server.close());

/** Each case: the call, the field the error must name, and words the message must contain. */
const cases: [string, string, () => Record<string, unknown>, string, RegExp][] = [
  ['customers.create', 'missing name', () => ({ ...retailer(), name: '  ' }), 'name', /Name is required/],
  ['customers.create', 'bad GSTIN check character', () => retailer({ gstin: '27AAPFU0939F1ZA' }), 'gstin', /check character/],
  ['customers.create', 'GSTIN from another state', () => retailer({ gstin: karnatakaGstin }), 'gstin', /registered in Karnataka but the address is in Maharashtra/],
  ['customers.create', 'pincode of 5 digits', () => retailer({ billTo: { ...retailer().billTo, pincode: '41103' } }), 'billTo.pincode', /6 digits/],
  ['customers.create', 'unknown state', () => retailer({ billTo: { ...retailer().billTo, stateCode: '99' } }), 'billTo.stateCode', /state code/],
  ['customers.create', 'negative credit limit', () => retailer({ creditLimit: -1 }), 'creditLimit', /negative/],
  ['customers.create', 'credit limit in rupees with decimals', () => ({ ...retailer(), creditLimit: 500.5 }), 'creditLimit', /paise/],
  ['customers.create', 'unknown customer type', () => retailer({ type: 'wholesaler' }), 'type', /not configured/],
  ['customers.create', 'duplicate code', () => retailer({ code: 'DB0001' }), 'code', /already used/],
  ['customers.create', 'parent that does not exist', () => retailer({ parentId: 999 }), 'parentId', /does not exist/],
  ['customers.update', 'stale version', () => ({ ...retailer({ code: 'DB0001', name: 'X', type: 'distributor', gstin: '' }), id: 1, version: 99 }), 'version', /changed by someone else/],
  ['products.create', 'price above MRP', () => biscuit({ sku: 'SUN-0002', barcodes: [], price: 2500 }), 'price', /above MRP/],
  ['products.create', 'mistyped EAN', () => biscuit({ sku: 'SUN-0002', barcodes: [{ code: '8901063010216' }] }), 'barcodes.0.code', /check digit should be 5/],
  ['products.create', 'barcode of another product', () => biscuit({ sku: 'SUN-0002' }), 'barcodes.0.code', /already belongs to SUN-0001/],
  ['products.create', 'HSN of 5 digits', () => biscuit({ sku: 'SUN-0002', barcodes: [], hsn: '19053' }), 'hsn', /4, 6 or 8 digits/],
  ['products.create', 'pack of one', () => biscuit({ sku: 'SUN-0002', barcodes: [], packs: [{ unit: 'case', factor: 1 }] }), 'packs.0.factor', /at least 2/],
  ['products.create', 'tax rate as a percent float', () => ({ ...biscuit({ sku: 'SUN-0002', barcodes: [] }), taxRate: 18.5 }), 'taxRate', /basis points/],
  ['warehouses.create', 'warehouse without state', () => ({ code: 'WH1', name: 'Main', address: {} }), 'address.stateCode', /State/],
  ['company.update', 'company GSTIN in another state', () => ({ name: 'Test', stateCode: '27', gstin: karnatakaGstin, version: 1 }), 'gstin', /registered in Karnataka/],
  ['users.create', 'short password', () => ({ username: 'ravi', displayName: 'Ravi', role: 'sales_clerk', password: 'short' }), 'password', /at least 8/],
  ['users.create', 'unknown role', () => ({ username: 'ravi', displayName: 'Ravi', role: 'owner', password: 'long-enough' }), 'role', /Role must be one of/],
];

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
