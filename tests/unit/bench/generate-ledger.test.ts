import { describe, expect, it } from 'vitest';
import { checkBalances } from '../../../src-main/engine/inventory/check-balances';
import { rebuildDailySalesOn } from '../../../src-main/engine/summaries/daily-sales';
import { rebuildOrderMilestones } from '../../../src-main/engine/summaries/order-milestones';
import { rebuildSalesRollupsOn } from '../../../src-main/engine/summaries/sales-rollups';
import { openLedger } from '../../../src-main/ledger/open-ledger';
import { schemaOf } from '../../bench/bulk-load';
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
    // the delivered lines' rows, written by SQL with counted ids, point at each other's rows for the same line
    const n = (sql: string) => (ledger.sqlite.prepare(sql).get() as { n: number }).n;
    expect(n('SELECT count(*) AS n FROM order_lines WHERE delivered > 0')).toBe(count('delivery_note_lines'));
    expect(
      n(`SELECT count(*) AS n FROM delivery_note_lines dl JOIN reservations r ON r.id = dl.reservation_id
         JOIN delivery_notes d ON d.id = dl.delivery_note_id JOIN order_lines ol ON ol.id = dl.order_line_id
         WHERE r.order_line_id = dl.order_line_id AND r.status = 'issued' AND d.order_id = ol.order_id`),
    ).toBe(count('delivery_note_lines'));
    expect(
      n(`SELECT count(*) AS n FROM invoice_lines il JOIN delivery_note_lines dl ON dl.id = il.delivery_note_line_id
         JOIN delivery_notes d ON d.id = dl.delivery_note_id
         WHERE dl.order_line_id = il.order_line_id AND d.invoice_id = il.invoice_id`),
    ).toBe(count('invoice_lines'));
    expect(
      n(`SELECT count(*) AS n FROM stock_movements m JOIN delivery_note_lines dl ON dl.delivery_note_id = m.document_id
         AND dl.batch_id = m.batch_id WHERE m.kind = 'issue'`),
    ).toBe(count('delivery_note_lines'));
    // the order-flow reports' milestones are there for every order, as the app keeps them
    expect(count('order_milestones')).toBe(count('orders'));
    // the summaries kept by triggers (off during the load) are filled, and the triggers are back on
    const sum = (sql: string) => (ledger.sqlite.prepare(sql).get() as { n: number }).n;
    expect(sum('SELECT sum(orders) AS n FROM order_status_counts')).toBe(count('orders'));
    expect(sum('SELECT sum(orders) AS n FROM order_day_statuses')).toBe(count('orders'));
    expect(sum('SELECT count(*) AS n FROM receivables_by_due_date')).toBeGreaterThan(0);
    const triggers = sum("SELECT count(*) AS n FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'orders'");
    expect(triggers).toBeGreaterThan(5);
    ledger.close();
  });

  it('sums the summaries as it goes exactly as the app’s own rebuilds compute them from the written rows', () => {
    const ledger = generateLedger(tempDbPath(), 'S');
    const tables = {
      daily_sales: 'day, customer_id, product_id, warehouse_id, clerk_id',
      sales_rollups: 'dimension, grain, period, key_id',
      order_milestones: 'order_id',
    };
    const rows = () =>
      Object.fromEntries(
        Object.entries(tables).map(([table, key]) => [
          table,
          ledger.sqlite.prepare(`SELECT * FROM ${table} ORDER BY ${key}`).raw().all() as unknown[][],
        ]),
      );
    const written = rows();
    ledger.sqlite.transaction(() => {
      rebuildOrderMilestones({ ledger, actor: null, now: () => new Date() });
      rebuildDailySalesOn(ledger.sqlite);
      rebuildSalesRollupsOn(ledger.sqlite);
    })();
    const rebuilt = rows();
    // every grain and dimension is there, cancelled, delivered and billed figures too (not a vacuous equality)
    expect(rebuilt.daily_sales!.length).toBeGreaterThan(1000);
    expect(new Set(rebuilt.sales_rollups!.map((r) => `${r[0]} ${r[1]}`)).size).toBe(12);
    // the payments received are in the customer and whole-business rows (added after the load, triggers off)
    const received = ledger.sqlite
      .prepare("SELECT sum(received) FROM sales_rollups WHERE dimension = 'all' AND grain = 'year'")
      .pluck()
      .get() as number;
    expect(received).toBeGreaterThan(0);
    expect(received).toBe(
      ledger.sqlite.prepare('SELECT sum(amount) FROM payments WHERE reversed_on IS NULL').pluck().get(),
    );
    expect(rebuilt.order_milestones!.length).toBe(1000);
    for (const table of Object.keys(tables)) expect(written[table], table).toEqual(rebuilt[table]);
    ledger.close();
  });

  it('leaves the schema exactly as the migrations write it, though it builds the indexes after the rows', () => {
    const generated = generateLedger(tempDbPath(), 'S');
    const empty = openLedger(tempDbPath(), { backup: false });
    expect(schemaOf(generated.sqlite)).toEqual(schemaOf(empty.sqlite));
    expect(generated.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(generated.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(generated.sqlite.pragma('index_list(order_lines)')).toEqual(empty.sqlite.pragma('index_list(order_lines)'));
    // the search indexes, filled in one statement instead of by the triggers, find what the triggers would have
    const n = (sql: string) => (generated.sqlite.prepare(sql).get() as { n: number }).n;
    expect(n("SELECT count(*) AS n FROM customer_search WHERE customer_search MATCH 'Traders'")).toBe(
      n("SELECT count(*) AS n FROM customers WHERE name LIKE '%Traders%'"),
    );
    expect(n("SELECT count(*) AS n FROM customer_search WHERE customer_search MATCH 'Traders'")).toBeGreaterThan(0);
    expect(n("SELECT count(*) AS n FROM product_search WHERE product_search MATCH 'SKU000123'")).toBe(1);
    generated.close();
    empty.close();
  });
});
