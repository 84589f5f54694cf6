import { describe, expect, it } from 'vitest';
import { createCustomer } from '../../../src-main/engine/customers/customer-service';
import { createWarehouse } from '../../../src-main/engine/inventory/warehouse-service';
import { orderStatusCounts } from '../../../src-main/engine/summaries/order-status-counts';
import { openLedger } from '../../../src-main/ledger/open-ledger';
import { customerFields } from '../../../src-shared/contract/customers';
import { engineContext } from '../../support/engine';
import { retailer } from '../../support/fixtures';

// The random histories of order-milestones.property.test.ts check the counts against the orders after
// every kind of status change; here, each trigger alone and the fill of a ledger from before the table.
describe('order counts per status', () => {
  it('follow inserts, status and total changes and deletes, and are filled at open when empty', () => {
    const ctx = engineContext();
    const { sqlite, file } = ctx.ledger;
    const address = { line1: '', line2: '', area: '', city: 'Pune', district: 'Pune', stateCode: '27', pincode: '' };
    const warehouseId = createWarehouse(ctx, { code: 'PUN', name: 'Pune', address, active: true }).id;
    const customerId = createCustomer(ctx, customerFields.parse(retailer({ gstin: '' }))).id;
    const insert = sqlite.prepare(
      `INSERT INTO orders (customer_id, warehouse_id, status, order_date, total, created_at)
       VALUES (?, ?, ?, '2026-11-22', ?, '2026-11-22T10:00:00Z')`,
    );
    const grouped = () =>
      sqlite.prepare('SELECT status, count(*) AS n, sum(total) AS v FROM orders GROUP BY status ORDER BY status').all();
    const ids = [
      ['draft', 100],
      ['confirmed', 250],
      ['confirmed', 300],
      ['delivered', 400],
    ].map(([status, total]) => Number(insert.run(customerId, warehouseId, status, total).lastInsertRowid));
    expect(orderStatusCounts(sqlite)).toEqual([
      { status: 'confirmed', n: 2, v: 550 },
      { status: 'delivered', n: 1, v: 400 },
      { status: 'draft', n: 1, v: 100 },
    ]);
    sqlite.prepare("UPDATE orders SET status = 'cancelled' WHERE id = ?").run(ids[1]);
    sqlite.prepare('UPDATE orders SET total = 120 WHERE id = ?').run(ids[0]);
    sqlite.prepare("UPDATE orders SET status = 'invoiced', total = 450 WHERE id = ?").run(ids[3]);
    sqlite.prepare("UPDATE orders SET remarks = 'untouched counts' WHERE id = ?").run(ids[2]);
    sqlite.prepare('DELETE FROM orders WHERE id = ?').run(ids[0]);
    expect(orderStatusCounts(sqlite)).toEqual(grouped());
    expect(orderStatusCounts(sqlite)).toEqual([
      { status: 'cancelled', n: 1, v: 250 },
      { status: 'confirmed', n: 1, v: 300 },
      { status: 'invoiced', n: 1, v: 450 },
    ]);

    // A ledger migrated to the table but with nothing in it: the next open counts the orders.
    sqlite.exec('DELETE FROM order_status_counts');
    ctx.ledger.close();
    const reopened = openLedger(file, { backup: false });
    expect(orderStatusCounts(reopened.sqlite)).toEqual([
      { status: 'cancelled', n: 1, v: 250 },
      { status: 'confirmed', n: 1, v: 300 },
      { status: 'invoiced', n: 1, v: 450 },
    ]);
    reopened.close();
  });
});
