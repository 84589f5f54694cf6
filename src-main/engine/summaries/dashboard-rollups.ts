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
 *
 * With nothing dated after this month (the usual case) the month's product rows are read largest
 * first from sales_rollups_product_month_idx and the read stops after `top` + 1; the rest is the
 * month's whole-business row less the top. That equals the per-product sum: a product left out (no
 * paid-for units: billed quantity not above the free) has no paid-for invoice line, so no taxable
 * value either. A later-dated month (future invoices) falls back to summing every product's months.
 */
export function productsBilledSince(ctx: EngineContext, monthStart: string, top: number) {
  const { sqlite } = ctx.ledger;
  const month = monthStart.slice(0, 7);
  const name = sqlite.prepare('SELECT name FROM products WHERE id = ?').pluck();
  const named = (rows: [number, number][]) =>
    rows.slice(0, top).map(([id, taxable]) => ({ id, name: name.get(id) as string, taxable }));
  const later = sqlite
    .prepare("SELECT 1 FROM sales_rollups WHERE dimension = 'all' AND grain = 'month' AND period > ?")
    .get(month);
  if (later) {
    const sums = sqlite
      .prepare(
        `SELECT key_id AS id, sum(billed_taxable - free_taxable) AS taxable FROM sales_rollups
         WHERE dimension = 'product' AND grain = 'month' AND period >= ? GROUP BY key_id
         HAVING sum(billed_qty) > sum(free_qty) ORDER BY taxable DESC, key_id`,
      )
      .raw()
      .all(month) as [number, number][];
    return {
      top: named(sums),
      others: sums.length > top ? sums.slice(top).reduce((s, [, taxable]) => s + taxable, 0) : null,
    };
  }
  const largest = sqlite
    .prepare(
      // INDEXED BY: the planner's statistics prefer the primary key (fewer rows per month) and a sort of them all.
      `SELECT key_id AS id, billed_taxable - free_taxable AS taxable FROM sales_rollups INDEXED BY sales_rollups_product_month_idx
       WHERE dimension = 'product' AND grain = 'month' AND period = ? AND billed_qty > free_qty
       ORDER BY billed_taxable - free_taxable DESC, key_id LIMIT ?`,
    )
    .raw()
    .all(month, top + 1) as [number, number][];
  if (largest.length <= top) return { top: named(largest), others: null };
  const whole = sqlite
    .prepare(
      `SELECT billed_taxable - free_taxable FROM sales_rollups
       WHERE dimension = 'all' AND grain = 'month' AND period = ? AND key_id = 0`,
    )
    .pluck()
    .get(month) as number;
  const shown = largest.slice(0, top).reduce((s, [, taxable]) => s + taxable, 0);
  return { top: named(largest), others: whole - shown };
}
