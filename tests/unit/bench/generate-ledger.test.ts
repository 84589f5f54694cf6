import { describe, expect, it } from 'vitest';
import { checkBalances } from '../../../src-main/engine/inventory/check-balances';
import { generateLedger, scales } from '../../bench/generate-ledger';
import { tempDbPath } from '../../support/test-server';

describe('the benchmark ledger generator (scale S)', () => {
  it('writes the sizes it promises and keeps the stock books straight', () => {
    const file = tempDbPath();
    const ledger = generateLedger(file, 'S');
    const count = (t: string) => (ledger.sqlite.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n;
    expect(count('products')).toBe(scales.S.products);
    expect(count('customers')).toBe(scales.S.customers);
    expect(count('order_lines')).toBe(scales.S.orderLines);
    expect(count('batches')).toBe(scales.S.products * scales.S.batchesPerProduct);
    expect(count('reservations')).toBeGreaterThan(0);
    const check = checkBalances({ ledger, actor: null, now: () => new Date() });
    expect(check.differences).toEqual([]);
    // the buying side: the year's receipts came on the brand's invoices, and the stock is valued
    expect(count('purchase_invoices')).toBeGreaterThan(0);
    expect(count('purchase_invoice_lines')).toBe(
      (ledger.sqlite.prepare("SELECT count(*) AS n FROM stock_movements WHERE kind = 'receipt'").get() as { n: number })
        .n,
    );
    const sums = ledger.sqlite
      .prepare(
        'SELECT (SELECT SUM(value) FROM stock_movements) AS moved, (SELECT SUM(value) FROM stock_values) AS held',
      )
      .get() as { moved: number; held: number };
    expect(sums.held).toBeGreaterThan(0);
    expect(sums.held).toBe(sums.moved);
    expect(
      (ledger.sqlite.prepare('SELECT count(*) AS n FROM invoice_lines WHERE cost IS NULL').get() as { n: number }).n,
    ).toBe(0);
    // the order-flow reports' milestones are there for every order, as the app keeps them
    expect(count('order_milestones')).toBe(count('orders'));
    ledger.close();
  });
});
