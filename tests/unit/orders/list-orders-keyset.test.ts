import { beforeAll, describe, expect, it } from 'vitest';
import type { EngineContext } from '../../../src-main/engine/context';
import { listOrders, type OrderListInput } from '../../../src-main/engine/orders/list-orders';
import { cachedCount } from '../../../src-main/engine/keyset';
import { engineContext } from '../../support/engine';
import { orderListInput } from '../../support/order-list-input';

let ctx: EngineContext;
const base = orderListInput(7);

/** 130 orders with repeated dates, totals and names, and drafts without numbers: ties everywhere. */
beforeAll(() => {
  ctx = engineContext();
  const { sqlite } = ctx.ledger;
  sqlite.prepare("INSERT INTO warehouses (code, name, state_code, city) VALUES ('WH1', 'Main', '27', 'Pune')").run();
  for (let c = 1; c <= 5; c++)
    sqlite
      .prepare(
        "INSERT INTO customers (code, name, type, bill_state_code, created_at, updated_at) VALUES (?, ?, 'retailer', '27', 'x', 'x')",
      )
      .run(`C${c}`, `Shop ${c % 3}`);
  const insert = sqlite.prepare(
    "INSERT INTO orders (number, status, customer_id, warehouse_id, order_date, total, created_at) VALUES (?, ?, ?, 1, ?, ?, 'x')",
  );
  for (let o = 1; o <= 130; o++)
    insert.run(
      o % 9 === 0 ? null : `SO/26-27/${String(o).padStart(6, '0')}`,
      o % 9 === 0 ? 'draft' : o % 4 === 0 ? 'cancelled' : 'confirmed',
      1 + (o % 5),
      `2026-0${1 + (o % 6)}-1${o % 3}`,
      (o % 11) * 100,
    );
});

const ids = (q: Partial<OrderListInput>) => listOrders(ctx, { ...base, ...q }).rows.map((r) => r.id);
const everything = (q: Partial<OrderListInput>) => ids({ ...q, limit: 500 });

describe('orders list by cursor', () => {
  for (const sort of ['date', 'number', 'customer', 'total', 'status'] as const)
    for (const dir of ['asc', 'desc'] as const)
      it(`walks every row once, forwards and back, sorted by ${sort} ${dir}`, () => {
        const q = { sort, dir, statuses: sort === 'status' ? [] : (['confirmed', 'draft'] as never[]) };
        const all = everything(q);
        const forwards: number[] = [];
        let page = listOrders(ctx, { ...base, ...q });
        const pages = [page];
        while (page.rows.length) {
          forwards.push(...page.rows.map((r) => r.id));
          page = listOrders(ctx, { ...base, ...q, after: page.next });
          pages.push(page);
        }
        expect(forwards).toEqual(all);
        const backwards: number[] = [];
        let back = listOrders(ctx, { ...base, ...q, offset: all.length - 7 });
        expect(back.rows.map((r) => r.id)).toEqual(all.slice(-7));
        while (back.rows.length) {
          backwards.unshift(...back.rows.map((r) => r.id));
          back = listOrders(ctx, { ...base, ...q, before: back.prev });
        }
        expect(backwards).toEqual(all);
      });

  it('jumps to any position, from the nearer end, with the rows an offset would give', () => {
    const all = everything({});
    for (const at of [0, 1, 50, 64, 65, 66, 100, 123, 125, 129])
      expect(ids({ offset: at }), `offset ${at}`).toEqual(all.slice(at, at + 7));
  });

  it('finds an order by its number as a range on the index, and by its sequence alone', () => {
    ctx.ledger.sqlite.prepare("INSERT INTO document_series (series, last_number) VALUES ('SO/26-27', 130)").run();
    const [found] = listOrders(ctx, { ...base, search: 'so/26-27/000012' }).rows;
    expect(found!.number).toBe('SO/26-27/000012');
    expect(ids({ search: 'SO/26-27/00001' })).toHaveLength(7);
    expect(listOrders(ctx, { ...base, search: '12' }).rows.map((r) => r.number)).toEqual(['SO/26-27/000012']);
  });

  it('says how many match, exactly while nothing is written, and a reused big count is an estimate', () => {
    const page = listOrders(ctx, { ...base, statuses: ['cancelled'] });
    expect(page.total).toBe(everything({ statuses: ['cancelled'] }).length);
    expect(page.totalEstimated).toBe(false);
  });
});

describe('cached counts', () => {
  it('reuse a big count after a write for a while, marked as an estimate, then count again', () => {
    const { sqlite } = ctx.ledger;
    const sql = 'SELECT count(*) AS n FROM orders';
    const first = cachedCount(sqlite, sql, [], { estimateFrom: 1, now: 1000 });
    sqlite.prepare("UPDATE orders SET remarks = 'x' WHERE id = 1").run();
    expect(cachedCount(sqlite, sql, [], { estimateFrom: 1, now: 2000 })).toMatchObject({ n: first.n, estimated: true });
    expect(cachedCount(sqlite, sql, [], { estimateFrom: 1, now: 60_000 })).toMatchObject({
      n: first.n,
      estimated: false,
    });
  });
});
