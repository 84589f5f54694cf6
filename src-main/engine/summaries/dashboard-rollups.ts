import type { EngineContext } from '../context';

/**
 * The dashboard's billing figures from `sales_rollups`. Billed value sums to posted invoice totals
 * (daily-sales-sql.ts), and a rollup row counts its posted invoices, so "days (customers) with a
 * posted invoice" is `invoices > 0` on a row: the same set the invoices table gave.
 */

/** The whole business's billing per day since a day (and any later-dated invoices), with the day's trend period. */
export function billedByDaySince(ctx: EngineContext, since: string, periodFormat: string) {
  return ctx.ledger.sqlite
    .prepare(
      `SELECT period AS day, strftime(?, period) AS period, billed_value AS billed FROM sales_rollups
       WHERE dimension = 'all' AND grain = 'day' AND period >= ? AND invoices > 0 ORDER BY period`,
    )
    .all(periodFormat, since) as { day: string; period: string; billed: number }[];
}

/** The customers billed most since the first of a month (whole months: the month rows). */
export function customersBilledSince(ctx: EngineContext, monthStart: string, limit: number) {
  return ctx.ledger.sqlite
    .prepare(
      `SELECT c.id, c.name, x.billed FROM (SELECT key_id, sum(billed_value) AS billed FROM sales_rollups
         WHERE dimension = 'customer' AND grain = 'month' AND period >= ? GROUP BY key_id HAVING sum(invoices) > 0) x
       JOIN customers c ON c.id = x.key_id ORDER BY x.billed DESC, c.id LIMIT ?`,
    )
    .all(monthStart.slice(0, 7), limit) as { id: number; name: string; billed: number }[];
}

/**
 * Billed paid-for taxable value per product since the first of a month: the `top` largest (named)
 * and the rest summed, so only the shown products are looked up.
 */
export function productsBilledSince(ctx: EngineContext, monthStart: string, top: number) {
  const { sqlite } = ctx.ledger;
  const sums = sqlite
    .prepare(
      `SELECT key_id AS id, sum(billed_taxable - free_taxable) AS taxable FROM sales_rollups
       WHERE dimension = 'product' AND grain = 'month' AND period >= ? GROUP BY key_id
       HAVING sum(billed_qty) > sum(free_qty) ORDER BY taxable DESC, key_id`,
    )
    .raw()
    .all(monthStart.slice(0, 7)) as [number, number][];
  const name = sqlite.prepare('SELECT name FROM products WHERE id = ?').pluck();
  return {
    top: sums.slice(0, top).map(([id, taxable]) => ({ id, name: name.get(id) as string, taxable })),
    others: sums.length > top ? sums.slice(top).reduce((s, [, taxable]) => s + taxable, 0) : null,
  };
}
