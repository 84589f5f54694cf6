import { describe, expect, it } from 'vitest';
import { createCustomer } from '../../../src-main/engine/customers/customer-service';
import { fillSalesRollupsIfEmpty, rebuildSalesRollupsOn } from '../../../src-main/engine/summaries/sales-rollups';
import { customerFields } from '../../../src-shared/contract/customers';
import { engineContext } from '../../support/engine';
import { retailer } from '../../support/fixtures';

// The random histories of daily-sales.property.test.ts record and reverse receipts through the API; here, each
// trigger on payments alone (a changed amount, customer or date, a delete), the rebuild and the fill at open.
describe('payments received in the sales rollups', () => {
  it('follow receipts recorded, reversed, changed and deleted, and equal the rebuild and the fill at open', () => {
    const ctx = engineContext();
    const { sqlite } = ctx.ledger;
    const [a, b] = ['RT1', 'RT2'].map(
      (code) => createCustomer(ctx, customerFields.parse(retailer({ code, gstin: '' }))).id,
    );
    const insert = sqlite.prepare(
      `INSERT INTO payments (number, customer_id, received_on, mode, amount, unallocated, posted_at)
       VALUES (?, ?, ?, 'bank', ?, 0, '2026-11-22T10:00:00.000Z')`,
    );
    const pay = (n: string, customer: number, on: string, amount: number) =>
      Number(insert.run(n, customer, on, amount).lastInsertRowid);
    const rows = () =>
      sqlite
        .prepare(
          `SELECT dimension, grain, period, key_id AS k, received FROM sales_rollups WHERE received <> 0
           ORDER BY dimension, grain, period, key_id`,
        )
        .all();
    const p1 = pay('R1', a!, '2026-03-31', 1000);
    const p2 = pay('R2', a!, '2026-04-01', 250);
    const p3 = pay('R3', b!, '2026-04-01', 700);
    pay('R4', b!, '2027-01-02', 5);
    expect(rows()).toContainEqual({ dimension: 'customer', grain: 'quarter', period: '2026-Q1', k: a, received: 1000 });
    expect(rows()).toContainEqual({ dimension: 'all', grain: 'year', period: '2026', k: 0, received: 1950 });
    expect(rows()).toContainEqual({ dimension: 'all', grain: 'day', period: '2027-01-02', k: 0, received: 5 });
    sqlite.prepare("UPDATE payments SET reversed_on = '2026-11-22' WHERE id = ?").run(p2); // a bounced cheque
    sqlite.prepare('UPDATE payments SET amount = 900 WHERE id = ?').run(p1);
    sqlite.prepare("UPDATE payments SET customer_id = ?, received_on = '2026-05-15' WHERE id = ?").run(a, p3);
    const pairs = (rs: unknown[]) =>
      (rs as { dimension: string; grain: string; period: string; k: number; received: number }[])
        .filter((r) => r.grain === 'month')
        .map((r) => `${r.dimension} ${r.period} ${r.k} ${r.received}`);
    expect(pairs(rows())).toEqual([
      `all 2026-03 0 900`,
      `all 2026-05 0 700`,
      `all 2027-01 0 5`,
      `customer 2026-03 ${a} 900`,
      `customer 2026-05 ${a} 700`,
      `customer 2027-01 ${b} 5`,
    ]);
    sqlite.prepare('DELETE FROM payments WHERE id = ?').run(p3);
    const kept = rows();
    expect(kept).not.toContainEqual(expect.objectContaining({ period: '2026-05' }));
    expect(kept).toContainEqual({ dimension: 'customer', grain: 'year', period: '2026', k: a, received: 900 });

    // The rebuild sums the payments themselves; a ledger from before the column gets them at its next open.
    sqlite.transaction(() => rebuildSalesRollupsOn(sqlite))();
    expect(rows()).toEqual(kept);
    sqlite.exec('UPDATE sales_rollups SET received = 0');
    expect(fillSalesRollupsIfEmpty(sqlite)).toBe(true);
    expect(rows()).toEqual(kept);
    expect(fillSalesRollupsIfEmpty(sqlite)).toBe(false);
  });
});
