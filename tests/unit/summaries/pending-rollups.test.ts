import { describe, expect, it } from 'vitest';
import { createCustomer } from '../../../src-main/engine/customers/customer-service';
import { createProduct, type ProductInput } from '../../../src-main/engine/catalog/product-service';
import { createWarehouse } from '../../../src-main/engine/inventory/warehouse-service';
import { addToDailySales } from '../../../src-main/engine/summaries/daily-sales';
import { foldPendingRollups } from '../../../src-main/engine/summaries/pending-rollups';
import { rebuildSalesRollupsOn } from '../../../src-main/engine/summaries/sales-rollups';
import { rollupRange } from '../../../src-main/engine/summaries/sales-rollups-read';
import { backlogByDayFromRollups } from '../../../src-main/engine/summaries/sales-rollups-reports';
import { periodFilters } from '../../../src-main/engine/reports/report-types';
import { openLedger } from '../../../src-main/ledger/open-ledger';
import { customerFields } from '../../../src-shared/contract/customers';
import { productFields } from '../../../src-shared/contract/products';
import { engineContext } from '../../support/engine';
import { biscuit, retailer } from '../../support/fixtures';

// The random histories of daily-sales.property.test.ts check folded rollups against a rebuild after every
// kind of posting; here, what a confirm writes where, what a read sees before the fold, and who folds.
describe('the orders’ pending rollup rows', () => {
  it('hold a confirm’s customer and product rows until folded, and every range read adds them', async () => {
    const ctx = engineContext();
    const { sqlite, file } = ctx.ledger;
    const address = { line1: '', line2: '', area: '', city: 'Pune', district: 'Pune', stateCode: '27', pincode: '' };
    const warehouseId = createWarehouse(ctx, { code: 'PUN', name: 'Pune', address, active: true }).id;
    const customerId = createCustomer(ctx, customerFields.parse(retailer({ gstin: '' }))).id;
    const products = ['SUN-1', 'SUN-2'].map(
      (sku) => createProduct(ctx, productFields.parse(biscuit({ sku, barcodes: [] })) as ProductInput).id,
    );
    const orderId = Number(
      sqlite
        .prepare(
          `INSERT INTO orders (customer_id, warehouse_id, status, order_date, total, created_at, confirmed_at)
           VALUES (?, ?, 'confirmed', '2026-11-22', 3000, '2026-11-22T10:00:00Z', '2026-11-22T10:00:00Z')`,
        )
        .run(customerId, warehouseId).lastInsertRowid,
    );
    const line = sqlite.prepare(
      `INSERT INTO order_lines (order_id, line_no, product_id, quantity, unit_price, gross, tax_rate_bps, taxable, tax, total)
       VALUES (?, ?, ?, ?, 1000, ?, 0, ?, 0, ?)`,
    );
    line.run(orderId, 1, products[0], 1, 1000, 1000, 1000);
    line.run(orderId, 2, products[1], 2, 2000, 2000, 2000);
    sqlite.transaction(() => addToDailySales(ctx, { kind: 'order', orderId, sign: 1 })).immediate();

    // The confirm wrote daily_sales and left every rollup row pending: the customer's, the products' and the whole
    // business's.
    const rollups = (dimension: string) =>
      sqlite
        .prepare(
          'SELECT grain, key_id, booked_value, confirmed_qty FROM sales_rollups WHERE dimension = ? ORDER BY 1, 2',
        )
        .all(dimension);
    expect(['customer', 'product', 'all'].map(rollups)).toEqual([[], [], []]);
    expect(sqlite.prepare('SELECT count(*) AS n FROM daily_sales').get()).toEqual({ n: 2 });
    expect(sqlite.prepare('SELECT count(*) AS n FROM sales_rollups_pending').get()).toEqual({ n: 2 });

    // A range read adds the pending rows: the month by product and the day by customer already count the order.
    const read = (dimension: 'customer' | 'product', from: string, to: string) => {
      const range = rollupRange(dimension, from, to, ['confirmed_qty', 'booked_value', 'billed_value']);
      return sqlite
        .prepare(
          `SELECT key_id AS id, sum(confirmed_qty) AS qty, sum(booked_value) AS booked, sum(billed_value) AS billed
           FROM ${range.sql} s GROUP BY key_id ORDER BY key_id`,
        )
        .all(...range.params);
    };
    const byProduct = [
      { id: products[0], qty: 1, booked: 3000, billed: 0 },
      { id: products[1], qty: 2, booked: 0, billed: 0 },
    ];
    const byCustomer = [{ id: customerId, qty: 3, booked: 3000, billed: 0 }];
    expect(read('product', '2026-11-01', '2026-11-30')).toEqual(byProduct);
    expect(read('customer', '2026-11-22', '2026-11-22')).toEqual(byCustomer);
    expect(read('customer', '2026-11-23', '2026-11-30')).toEqual([]);
    const backlog = () => backlogByDayFromRollups(ctx, periodFilters('2026-11-01', '2026-11-30'));
    expect(backlog()).toEqual([{ day: '2026-11-22', booked: 3000, billed: 0, change: 3000 }]);

    // Folded: the same answers from the rollups alone, which are now what a rebuild from daily_sales gives.
    // A slice at a time (as the idle timer folds), oldest first, saying whether any are left.
    expect(foldPendingRollups(sqlite, 1)).toEqual({ folded: 1, more: true });
    expect(foldPendingRollups(sqlite, 1)).toEqual({ folded: 1, more: false });
    expect(foldPendingRollups(sqlite)).toEqual({ folded: 0, more: false });
    expect(sqlite.prepare('SELECT count(*) AS n FROM sales_rollups_pending').get()).toEqual({ n: 0 });
    expect(read('product', '2026-11-01', '2026-11-30')).toEqual(byProduct);
    expect(read('customer', '2026-11-22', '2026-11-22')).toEqual(byCustomer);
    expect(backlog()).toEqual([{ day: '2026-11-22', booked: 3000, billed: 0, change: 3000 }]);
    expect(rollups('all')).toHaveLength(4);
    const kept = ['customer', 'product', 'all'].map(rollups);
    sqlite.transaction(() => rebuildSalesRollupsOn(sqlite))();
    expect(['customer', 'product', 'all'].map(rollups)).toEqual(kept);

    // The cancellation takes the order back out through the pending rows too, and a rebuild drops pending rows
    // (daily_sales already has them).
    sqlite.transaction(() => {
      addToDailySales(ctx, { kind: 'order', orderId, sign: -1 });
      sqlite
        .prepare("UPDATE orders SET status = 'cancelled', cancelled_at = '2026-11-23T09:00:00Z' WHERE id = ?")
        .run(orderId);
      addToDailySales(ctx, { kind: 'order', orderId, sign: 1 });
    })();
    expect(read('product', '2026-11-01', '2026-11-30')).toEqual([
      { id: products[0], qty: 1, booked: 0, billed: 0 },
      { id: products[1], qty: 2, booked: 0, billed: 0 },
    ]);
    sqlite.transaction(() => rebuildSalesRollupsOn(sqlite))();
    expect(sqlite.prepare('SELECT count(*) AS n FROM sales_rollups_pending').get()).toEqual({ n: 0 });
    expect(read('product', '2026-11-01', '2026-11-30')).toEqual([
      { id: products[0], qty: 1, booked: 0, billed: 0 },
      { id: products[1], qty: 2, booked: 0, billed: 0 },
    ]);

    // Rows left pending by a process that stopped before its fold are folded at the next open…
    const pending = (s = sqlite) =>
      (s.prepare('SELECT count(*) AS n FROM sales_rollups_pending').get() as { n: number }).n;
    const takeBack = (s = sqlite) =>
      s.transaction(() =>
        addToDailySales({ ...ctx, ledger: { ...ctx.ledger, sqlite: s } }, { kind: 'order', orderId, sign: -1 }),
      )();
    takeBack();
    expect(pending()).toBe(4);
    ctx.ledger.close();
    const reopened = openLedger(file, { backup: false, walCheckpoints: { idleMs: 20, tickMs: 10 } });
    expect(pending(reopened.sqlite)).toBe(0);

    // …and a running ledger folds them from its idle timer, just before the checkpoint; not while it is found
    // damaged (it takes no writes then).
    takeBack(reopened.sqlite);
    expect(pending(reopened.sqlite)).toBe(4);
    reopened.health!.state = 'damaged';
    let runs = reopened.checkpoints.runs;
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(reopened.checkpoints.runs).toBeGreaterThan(runs);
    expect(pending(reopened.sqlite)).toBe(4);
    reopened.health!.state = 'ok';
    takeBack(reopened.sqlite);
    expect(pending(reopened.sqlite)).toBe(8);
    runs = reopened.checkpoints.runs;
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(reopened.checkpoints.runs).toBeGreaterThan(runs);
    expect(pending(reopened.sqlite)).toBe(0);
    reopened.close();
  });
});
