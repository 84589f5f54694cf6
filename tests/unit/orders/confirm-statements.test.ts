import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createProduct, type ProductInput } from '../../../src-main/engine/catalog/product-service';
import { createCustomer } from '../../../src-main/engine/customers/customer-service';
import type { EngineContext } from '../../../src-main/engine/context';
import { receiveGoods } from '../../../src-main/engine/inventory/receive-goods';
import { createWarehouse } from '../../../src-main/engine/inventory/warehouse-service';
import { getOrderDetail } from '../../../src-main/engine/orders/order-store';
import { placeOrder } from '../../../src-main/engine/orders/place-order';
import { customerFields } from '../../../src-shared/contract/customers';
import { orderInput } from '../../../src-shared/contract/orders';
import { productFields } from '../../../src-shared/contract/products';
import { engineContext } from '../../support/engine';
import { biscuit, retailer } from '../../support/fixtures';

/**
 * Every statement SQLite runs goes through a Statement's run/get/all/iterate, including the
 * BEGIN/SAVEPOINT/RELEASE/COMMIT better-sqlite3 issues for transactions, so counting calls on the
 * shared prototype counts what a confirm costs in round trips into SQLite.
 */
function countStatements<T>(sqlite: Database.Database, fn: () => T): { result: T; count: number; sql: string[] } {
  const proto = Object.getPrototypeOf(sqlite.prepare('SELECT 1')) as Record<string, unknown>;
  const names = ['run', 'get', 'all', 'iterate'] as const;
  const originals = names.map((n) => proto[n] as (...args: unknown[]) => unknown);
  const sql: string[] = [];
  names.forEach((n, i) => {
    proto[n] = function (this: Database.Statement, ...args: unknown[]) {
      sql.push(this.source);
      return originals[i]!.apply(this, args);
    };
  });
  try {
    const result = fn();
    return { result, count: sql.length, sql };
  } finally {
    names.forEach((n, i) => (proto[n] = originals[i]));
  }
}

let ctx: EngineContext;
let customerId: number;
const productIds: number[] = [];
let warehouseId: number;

beforeAll(() => {
  ctx = engineContext();
  const address = { line1: '', line2: '', area: '', city: 'Pune', district: 'Pune', stateCode: '27', pincode: '' };
  warehouseId = createWarehouse(ctx, { code: 'W1', name: 'Main', address, active: true }).id;
  customerId = createCustomer(ctx, customerFields.parse(retailer({ gstin: '', creditLimit: 1_00_00_000_00 }))).id;
  for (let i = 1; i <= 10; i++) {
    const product = { sku: `SKU-${i}`, name: `Biscuit ${i}`, barcodes: [], packs: [] };
    productIds.push(createProduct(ctx, productFields.parse(biscuit(product)) as ProductInput).id);
  }
  // Two batches each, so FEFO has a choice; lines take the earlier-expiring one.
  receiveGoods(ctx, {
    warehouseId,
    kind: 'receipt',
    supplier: '',
    reference: '',
    lines: productIds.flatMap((productId) => [
      { productId, batchNo: `A${productId}`, manufacturedOn: null, expiresOn: '2027-06-01', mrp: null, quantity: 200 },
      { productId, batchNo: `B${productId}`, manufacturedOn: null, expiresOn: '2027-12-01', mrp: null, quantity: 500 },
    ]),
  });
});

afterAll(() => ctx.ledger.close());

const tenLines = () =>
  orderInput.parse({
    customerId,
    warehouseId,
    paymentType: 'credit',
    lines: productIds.map((productId, i) => ({ productId, quantity: 1 + (i % 5) })),
  });

/** What orders.place runs: place and confirm, then the detail it answers with, in one transaction. */
const placeAsTheApiDoes = () =>
  ctx.ledger.sqlite
    .transaction(() => getOrderDetail(ctx, placeOrder(ctx, { ...tenLines(), id: null, version: null }).id))
    .immediate();

describe('confirming a 10-line order', () => {
  it('runs at most 70 SQL statements, transaction control and the answer included', () => {
    placeAsTheApiDoes(); // the first order warms up what is read once per process
    const { result, count } = countStatements(ctx.ledger.sqlite, placeAsTheApiDoes);
    expect(result.status).toBe('confirmed');
    expect(result.lines.every((l) => l.allocated === l.quantity && l.batches.length === 1)).toBe(true);
    expect(count).toBeLessThanOrEqual(70);
  });

  it('reserves each pick with one guarded UPDATE and no savepoint', () => {
    const { count, sql } = countStatements(ctx.ledger.sqlite, placeAsTheApiDoes);
    expect(sql.filter((s) => /SAVEPOINT|RELEASE/.test(s))).toEqual([]);
    expect(sql.filter((s) => s.includes('UPDATE stock_balances SET reserved'))).toHaveLength(10);
    expect(count).toBeGreaterThan(0);
  });

  it('sees what earlier lines of the same order took from a batch', () => {
    // The same product on two lines: the second must not be offered what the first just reserved.
    const productId = productIds[0]!;
    const free = () => {
      const row = ctx.ledger.sqlite
        .prepare('SELECT sum(on_hand - reserved) AS free FROM stock_balances WHERE warehouse_id = ? AND product_id = ?')
        .get(warehouseId, productId) as { free: number };
      return row.free;
    };
    const before = free();
    const input = orderInput.parse({
      customerId,
      warehouseId,
      paymentType: 'credit',
      lines: [
        { productId, quantity: before - 5 },
        { productId, quantity: 10 },
      ],
    });
    const placed = ctx.ledger.sqlite
      .transaction(() => placeOrder(ctx, { ...input, id: null, version: null }))
      .immediate();
    expect(placed).toMatchObject({ status: 'confirmed', reserved: before, short: 5 });
    const detail = getOrderDetail(ctx, placed.id);
    expect(detail.lines.map((l) => [l.allocated, l.backordered])).toEqual([
      [before - 5, 0],
      [5, 5],
    ]);
    expect(detail.lines[0]!.batches.map((b) => b.batchNo)).toEqual([`A${productId}`, `B${productId}`]);
    expect(free()).toBe(0);
  });
});
