import { describe, expect, it } from 'vitest';
import { createProduct, type ProductInput } from '../../../src-main/engine/catalog/product-service';
import { createCustomer } from '../../../src-main/engine/customers/customer-service';
import { createWarehouse } from '../../../src-main/engine/inventory/warehouse-service';
import { customerOrders, orderSummary } from '../../../src-main/engine/reports/order-reports';
import { periodFilters } from '../../../src-main/engine/reports/report-types';
import { schemePerformance } from '../../../src-main/engine/reports/sales-reports';
import { planMonths } from '../../../src-main/engine/summaries/order-summaries-read';
import { openLedger } from '../../../src-main/ledger/open-ledger';
import { customerFields } from '../../../src-shared/contract/customers';
import { productFields } from '../../../src-shared/contract/products';
import { engineContext } from '../../support/engine';
import { biscuit, retailer } from '../../support/fixtures';
import { keptAndRebuilt, orderSummaryRows } from '../../support/order-summaries';

// The random histories of order-milestones.property.test.ts check the summaries against a rebuild after every
// kind of posting; here, each trigger alone (schemes and free goods included, which those histories do not
// apply), the reports against the same reports read from the orders, and the fill of a ledger from before them.
const schemes = (...applied: [number, string, number][]) =>
  JSON.stringify({
    applied: applied.map(([schemeId, name, benefit]) => ({ schemeId, name, benefit })),
    nearMisses: [],
  });

describe('order summaries kept by triggers', () => {
  it('follow every change of an order and its free lines, and the reports from them equal the reports from orders', () => {
    const ctx = engineContext();
    const { sqlite, file } = ctx.ledger;
    const address = { line1: '', line2: '', area: '', city: 'Pune', district: 'Pune', stateCode: '27', pincode: '' };
    const warehouseId = createWarehouse(ctx, { code: 'PUN', name: 'Pune', address, active: true }).id;
    const [a, b] = [1, 2].map(
      (i) => createCustomer(ctx, customerFields.parse(retailer({ code: `R${i}`, gstin: '' }))).id,
    );
    const product = createProduct(
      ctx,
      productFields.parse(biscuit({ sku: 'P-1', barcodes: [], packs: [] })) as ProductInput,
    ).id;
    const order = sqlite.prepare(
      `INSERT INTO orders (customer_id, warehouse_id, status, order_date, total, schemes, created_at)
       VALUES (?, ?, ?, ?, ?, ?, '2026-11-22T10:00:00Z')`,
    );
    const line = sqlite.prepare(
      `INSERT INTO order_lines (order_id, line_no, product_id, quantity, unit_price, gross, is_free, scheme_id, tax_rate_bps, taxable, tax, total)
       VALUES (?, ?, ?, 1, 0, ?, ?, ?, 0, 0, 0, 0)`,
    );
    const ids = (
      [
        [a, 'draft', '2026-10-05', 100, schemes([7, 'Diwali', 10])],
        [a, 'confirmed', '2026-10-05', 250, schemes([7, 'Diwali', 20], [8, 'Slab', 5])],
        [a, 'invoiced', '2026-10-20', 300, schemes()],
        [b, 'pending_approval', '2026-11-02', 400, schemes([8, 'Slab', 9])],
        [b, 'cancelled', '2026-11-03', 500, schemes([7, 'Diwali', 30])],
        [b, 'delivered', '2026-11-21', 600, schemes([7, 'Diwali', 40], [7, 'Diwali', 1])],
      ] as const
    ).map((o) => Number(order.run(o[0], warehouseId, o[1], o[2], o[3], o[4]).lastInsertRowid));
    // Free lines: one on an order that counts (confirmed), one on a draft (counts once the draft is confirmed).
    line.run(ids[1], 1, product, 70, 1, 7);
    line.run(ids[0], 1, product, 11, 1, 8);
    line.run(ids[0], 2, product, 99, 0, null);
    const check = () => {
      const { kept, rebuilt } = keptAndRebuilt(sqlite);
      expect(kept).toEqual(rebuilt);
      // Each report from its summary equals the same report read from the orders (one warehouse: the filter
      // keeps every order and sends the report to its query over the orders).
      for (const [from, to] of [
        ['2026-10-01', '2026-11-30'],
        ['2026-10-05', '2026-11-20'],
        ['2026-10-21', '2026-11-21'],
        ['2026-11-21', '2026-11-21'],
        // from before the first order and to (or past) the last: stretched to whole months of month rows
        ['2026-09-20', '2026-11-21'],
        ['2026-10-04', '2026-12-10'],
        ['2026-10-05', '2026-11-04'],
      ] as const) {
        const f = periodFilters(from, to);
        const viaOrders = { ...f, warehouseId };
        expect(orderSummary(ctx, f)).toEqual(orderSummary(ctx, viaOrders));
        expect(customerOrders(ctx, f)).toEqual(customerOrders(ctx, viaOrders));
        expect(customerOrders(ctx, { ...f, city: 'pune' })).toEqual(
          customerOrders(ctx, { ...viaOrders, city: 'pune' }),
        );
        expect(schemePerformance(ctx, f)).toEqual(schemePerformance(ctx, viaOrders));
      }
    };
    check();
    expect(orderSummaryRows(sqlite).schemes).toEqual([
      {
        order_date: '2026-10-05',
        scheme_id: 7,
        name: 'Diwali',
        orders: 1,
        benefit: 20,
        order_value: 250,
        free_goods: 70,
      },
      { order_date: '2026-10-05', scheme_id: 8, name: 'Slab', orders: 1, benefit: 5, order_value: 250, free_goods: 0 },
      { order_date: '2026-10-20', scheme_id: 0, name: '', orders: 1, benefit: 0, order_value: 300, free_goods: 0 },
      {
        order_date: '2026-11-21',
        scheme_id: 7,
        name: 'Diwali',
        orders: 2,
        benefit: 41,
        order_value: 1200,
        free_goods: 0,
      },
    ]);
    expect(customerOrders(ctx, periodFilters('2026-10-01', '2026-11-20')).rows).toEqual(
      [
        {
          customerId: b,
          code: 'R2',
          name: expect.any(String),
          city: 'Pune',
          orders: 2,
          cancelled: 1,
          value: 400,
          lastOrder: '2026-11-03',
        },
        {
          customerId: a,
          code: 'R1',
          name: expect.any(String),
          city: 'Pune',
          orders: 2,
          cancelled: 0,
          value: 550,
          lastOrder: '2026-10-20',
        },
      ].sort((x, y) => y.value - x.value),
    );

    const update = (sql: string, ...params: unknown[]) => sqlite.prepare(sql).run(...params);
    update("UPDATE orders SET status = 'confirmed' WHERE id = ?", ids[0]); // draft → counts, its free line too
    update("UPDATE orders SET status = 'confirmed' WHERE id = ?", ids[3]); // approved
    update("UPDATE orders SET status = 'cancelled' WHERE id = ?", ids[1]); // leaves the scheme report
    update('UPDATE orders SET total = 650 WHERE id = ?', ids[5]);
    update('UPDATE orders SET schemes = ? WHERE id = ?', schemes([8, 'Slab', 3]), ids[2]);
    update("UPDATE orders SET order_date = '2026-11-25', customer_id = ? WHERE id = ?", a, ids[5]); // last order moves
    update("UPDATE orders SET remarks = 'no figures change' WHERE id = ?", ids[4]);
    check();
    update('UPDATE order_lines SET gross = 13 WHERE order_id = ? AND line_no = 1', ids[0]);
    update('DELETE FROM order_lines WHERE order_id = ? AND line_no = 1', ids[1]);
    update("UPDATE orders SET status = 'draft' WHERE id = ?", ids[2]); // back to draft: its month's last order again
    update('DELETE FROM orders WHERE id = ?', ids[2]);
    check();

    // A ledger migrated to the tables but with nothing in them: the next open fills them from the orders.
    const before = orderSummaryRows(sqlite);
    sqlite.exec('DELETE FROM order_day_statuses; DELETE FROM customer_order_months; DELETE FROM scheme_days');
    ctx.ledger.close();
    const reopened = openLedger(file, { backup: false });
    expect(orderSummaryRows(reopened.sqlite)).toEqual(before);
    reopened.close();
  });

  it('read a period as whole months, less or plus the days at its ends', () => {
    // The bench's year to today: the first month's last days read as days, the last month less its days to come.
    expect(planMonths('2025-11-23', '2026-11-22')).toEqual({
      months: ['2025-12', '2026-11'],
      addDays: [['2025-11-23', '2025-11-30']],
      takeDays: [['2026-11-23', '2026-11-30']],
      lastBefore: { lo: '2026-11-01', hi: '2026-11-22', after: ['2026-11-23', '2026-11-30'] },
    });
    expect(planMonths('2026-01-01', '2026-12-31')).toEqual({
      months: ['2026-01', '2026-12'],
      addDays: [],
      takeDays: [],
      lastBefore: null,
    });
    // Within one month: its days, or (more than half of it) the month less the days either side.
    expect(planMonths('2026-02-03', '2026-02-05')).toMatchObject({
      months: null,
      addDays: [['2026-02-03', '2026-02-05']],
    });
    expect(planMonths('2026-03-02', '2026-03-30')).toEqual({
      months: ['2026-03', '2026-03'],
      addDays: [],
      takeDays: [
        ['2026-03-01', '2026-03-01'],
        ['2026-03-31', '2026-03-31'],
      ],
      lastBefore: { lo: '2026-03-02', hi: '2026-03-30', after: ['2026-03-31', '2026-03-31'] },
    });
  });
});
