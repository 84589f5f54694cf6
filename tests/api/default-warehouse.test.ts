import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chooseDefaultWarehouse } from '../../src-main/engine/orders/default-warehouse';
import { snapshot, startTestServer, type TestClient, type TestServer } from '../support/test-server';

let server: TestServer;
let admin: TestClient;
const ids: Record<string, number> = {};

// A Pune (27) company whose warehouses sort Ahmedabad first, as the demo distributor's do.
beforeAll(async () => {
  server = await startTestServer();
  admin = await server.admin();
  for (const [code, stateCode, city] of [
    ['AHM', '24', 'Ahmedabad'],
    ['NSK', '27', 'Nashik'],
    ['PUN', '27', 'Pune'],
  ] as const) {
    ids[code] = (await admin.ok('warehouses.create', { code, name: city, address: { stateCode, city } })).id;
  }
});
afterAll(() => server.close());

describe('the warehouse a new order ships from', () => {
  it('with no one’s default it is the first in the company’s state, not the alphabetically first', async () => {
    const choice = await admin.ok('orders.defaultWarehouse', { customerId: null });
    expect(choice).toEqual({ warehouseId: ids.NSK, reason: 'NSK: in the company’s state' });
  });

  it('a user’s default wins over the state, and a customer’s own wins over the user’s', async () => {
    const me = (await admin.ok('auth.me', {}))!;
    const saved = await admin.ok('users.update', {
      id: me.id,
      displayName: me.displayName,
      role: me.role,
      active: true,
      defaultWarehouseId: ids.PUN,
    });
    expect(saved.defaultWarehouseId).toBe(ids.PUN);
    expect(await admin.ok('orders.defaultWarehouse', {})).toEqual({
      warehouseId: ids.PUN,
      reason: 'PUN: your default warehouse',
    });

    const customer = await admin.ok('customers.create', {
      code: 'RT0001',
      name: 'Gujarat Traders',
      type: 'retailer',
      billTo: { stateCode: '24', city: 'Ahmedabad' },
      defaultWarehouseId: ids.AHM,
    });
    expect(customer.defaultWarehouseId).toBe(ids.AHM);
    expect(await admin.ok('orders.defaultWarehouse', { customerId: customer.id })).toEqual({
      warehouseId: ids.AHM,
      reason: 'AHM: this customer’s warehouse',
    });
    const other = await admin.ok('customers.create', {
      code: 'RT0002',
      name: 'Pune Stores',
      type: 'retailer',
      billTo: { stateCode: '27', city: 'Pune' },
    });
    expect((await admin.ok('orders.defaultWarehouse', { customerId: other.id })).warehouseId).toBe(ids.PUN);
  });

  it('an inactive default falls through to the next rule', () => {
    const warehouses = [
      { id: 1, code: 'AHM', stateCode: '24', active: true },
      { id: 2, code: 'PUN', stateCode: '27', active: false },
    ];
    expect(chooseDefaultWarehouse({ customerDefault: 2, userDefault: null, companyState: '27', warehouses })).toEqual({
      warehouseId: 1,
      reason: 'AHM: the first active warehouse',
    });
    expect(
      chooseDefaultWarehouse({ customerDefault: null, userDefault: null, companyState: '27', warehouses: [] })
        .warehouseId,
    ).toBeNull();
  });

  it('a default that is not an active warehouse is refused by name and nothing is written', async () => {
    const before = snapshot(server.ledger);
    const bad = await admin.call('customers.create', {
      code: 'RT0003',
      name: 'Nowhere Stores',
      type: 'retailer',
      billTo: { stateCode: '27', city: 'Pune' },
      defaultWarehouseId: 999,
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatchObject({ field: 'defaultWarehouseId', message: 'Warehouse 999 does not exist' });
    const badUser = await admin.call('users.create', {
      username: 'nobody',
      displayName: 'No Body',
      role: 'sales_clerk',
      password: 'password-123',
      defaultWarehouseId: 999,
    });
    expect(badUser.body.error).toMatchObject({ field: 'defaultWarehouseId' });
    expect(snapshot(server.ledger)).toBe(before);
  });
});
