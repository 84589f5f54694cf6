import type Database from 'better-sqlite3';
import type { EngineContext } from '../context';
import {
  DELIVERY_MEASURES,
  INVOICE_MEASURES,
  ORDER_MEASURES,
  deliverySource,
  invoiceSource,
  orderSources,
  upsertSql,
  type Measure,
} from './daily-sales-sql';
import { rollupUpsertSql, sourceRows } from './sales-rollups';
import { pendingInsertSql } from './pending-rollups';

/**
 * Keeps `daily_sales` (ledger/schema/sales-summary.ts) and its coarser `sales_rollups` up to date
 * inside the posting transactions. Each call is TWO statements, whatever the number of lines: the
 * document's contribution computed from its own lines by the same SQL the rebuild uses, added (sign 1)
 * or taken away (sign −1) with an UPSERT into daily_sales and one into the rollups (an order's: an
 * INSERT of pending rows, folded in later by pending-rollups.ts). A change to a posted document is
 * "take away what it gave, change it, add what it gives now".
 */
export type DailySalesDelta =
  | { kind: 'order'; orderId: number; sign: 1 | -1 }
  | { kind: 'delivery_note'; orderId: number; deliveryNoteId: number }
  | { kind: 'deliveries'; orderId: number; sign: 1 | -1 }
  | { kind: 'invoice'; invoiceId: number; sign: 1 | -1 };

/** Each kind of delta's statements: into daily_sales, then the same rows into the rollups. */
const both = (sources: string[], measures: readonly Measure[]) => [
  upsertSql(sources, measures),
  rollupUpsertSql(sourceRows(sources, measures), undefined, measures),
];
/** An order's rollups wait in sales_rollups_pending (pending-rollups.ts). */
const orderStatements = (sources: string[]) => [
  upsertSql(sources, ORDER_MEASURES),
  pendingInsertSql(sourceRows(sources, ORDER_MEASURES)),
];
const sql = {
  order: orderStatements(orderSources('o.id = @order')),
  deliveryNote: both([deliverySource('o.id = @order', true)], DELIVERY_MEASURES),
  deliveries: both([deliverySource('o.id = @order')], DELIVERY_MEASURES),
  invoice: both([invoiceSource('i.id = @invoice')], INVOICE_MEASURES),
};

export function addToDailySales(ctx: EngineContext, delta: DailySalesDelta): void {
  const { sqlite } = ctx.ledger;
  const run = (statements: string[], params: Record<string, number>) => {
    for (const s of statements) sqlite.prepare(s).run(params);
  };
  if (delta.kind === 'order') run(sql.order, { order: delta.orderId, sign: delta.sign });
  else if (delta.kind === 'delivery_note')
    run(sql.deliveryNote, { order: delta.orderId, note: delta.deliveryNoteId, sign: 1 });
  else if (delta.kind === 'deliveries') run(sql.deliveries, { order: delta.orderId, sign: delta.sign });
  else run(sql.invoice, { invoice: delta.invoiceId, sign: delta.sign });
}

/** Everything the ledger's lines give, from scratch: the rebuild and the property test's oracle. */
export const rebuildSql = upsertSql([...orderSources('1'), deliverySource('1'), invoiceSource("i.status = 'posted'")]);

/** Recomputes `daily_sales` from the ledger's lines. Call inside a transaction (the rebuild command does). */
export function rebuildDailySales(ctx: EngineContext): { rows: number } {
  return rebuildDailySalesOn(ctx.ledger.sqlite);
}

export function rebuildDailySalesOn(sqlite: Database.Database): { rows: number } {
  sqlite.prepare('DELETE FROM daily_sales').run();
  sqlite.prepare(rebuildSql).run({ sign: 1 });
  return sqlite.prepare('SELECT count(*) AS rows FROM daily_sales').get() as { rows: number };
}

/**
 * A ledger from before the summary (or one whose summary was lost) has confirmed orders and an empty
 * `daily_sales`: it is rebuilt once when opened, as the order milestones are. Cheap to ask: both stop
 * at the first row found. True when it was rebuilt.
 */
export function fillDailySalesIfEmpty(sqlite: Database.Database): boolean {
  // A file migrated only as far as an older release has no summary to fill.
  if (!sqlite.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'daily_sales'").get()) return false;
  const row = sqlite
    .prepare(
      `SELECT NOT EXISTS (SELECT 1 FROM daily_sales) AND EXISTS (SELECT 1 FROM orders WHERE confirmed_at IS NOT NULL) AS needed`,
    )
    .get() as { needed: number };
  if (row.needed !== 1) return false;
  sqlite.transaction(() => rebuildDailySalesOn(sqlite))();
  return true;
}
