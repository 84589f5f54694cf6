import type { InputOf } from '../../src-shared/contract';
import type { TestClient } from './test-server';
import { biscuit, retailer } from './fixtures';

export interface World {
  warehouseId: number;
  otherWarehouseId: number;
  customerId: number;
  glucose: number;
  cream: number;
  tea: number;
}

/** A small distributor: two warehouses, one retailer, three products with stock in batches. */
export async function buildWorld(admin: TestClient, options: { creditLimit?: number } = {}): Promise<World> {
  const address = { stateCode: '27', city: 'Pune', district: 'Pune' };
  const warehouseId = (await admin.ok('warehouses.create', { code: 'PUN', name: 'Pune', address })).id;
  const otherWarehouseId = (
    await admin.ok('warehouses.create', { code: 'NSK', name: 'Nashik', address: { ...address, city: 'Nashik' } })
  ).id;
  const customerId = (await admin.ok('customers.create', retailer({ creditLimit: options.creditLimit ?? 1_00_000_00 })))
    .id;
  const glucose = (await admin.ok('products.create', biscuit({ price: 1000, mrp: 1200 }))).id;
  const cream = (
    await admin.ok(
      'products.create',
      biscuit({
        sku: 'SUN-0002',
        name: 'Sunrise Cream Biscuit 120 g',
        barcodes: [{ code: '8901063010222' }],
        price: 2000,
        mrp: 2500,
        packs: [{ unit: 'case', factor: 12 }],
      }),
    )
  ).id;
  const tea = (
    await admin.ok(
      'products.create',
      biscuit({
        sku: 'AMR-0001',
        name: 'Amrut Premium Tea 250 g',
        brand: 'Amrut',
        category: 'Beverages',
        barcodes: [],
        taxRate: 500,
        price: 5000,
        mrp: 6000,
        packs: [],
      }),
    )
  ).id;
  await admin.ok('inventory.receive', {
    warehouseId,
    lines: [
      { productId: glucose, batchNo: 'G-EARLY', manufacturedOn: '2026-06-01', expiresOn: '2027-03-01', quantity: 100 },
      { productId: glucose, batchNo: 'G-LATE', manufacturedOn: '2026-09-01', expiresOn: '2027-09-01', quantity: 200 },
      { productId: cream, batchNo: 'C1', expiresOn: '2027-06-01', quantity: 120 },
      { productId: tea, batchNo: 'T1', expiresOn: '2028-01-01', quantity: 10 },
    ],
  });
  await admin.ok('inventory.receive', {
    warehouseId: otherWarehouseId,
    lines: [{ productId: tea, batchNo: 'T1', expiresOn: '2028-01-01', quantity: 50 }],
  });
  return { warehouseId, otherWarehouseId, customerId, glucose, cream, tea };
}

/** Picks everything on the given orders in full, as a warehouse clerk would with no shortages. */
export async function pickEverything(client: TestClient, warehouseId: number, orderIds: number[]): Promise<void> {
  const list = await client.ok('picking.create', { warehouseId, orderIds });
  for (const l of list.lines)
    await client.ok('picking.setPicked', { pickListId: list.id, lineId: l.id, picked: l.quantity });
  await client.ok('picking.complete', { id: list.id });
}

/** Chooses when invoices are raised (with the delivery note by default) and other company settings. */
export async function setCompany(admin: TestClient, changes: Partial<InputOf<'company.update'>>): Promise<void> {
  const company = await admin.ok('company.get', {});
  await admin.ok('company.update', { ...company, ...changes });
}
