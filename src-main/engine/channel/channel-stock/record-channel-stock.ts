import { recordAudit } from '../../audit';
import type { EngineContext } from '../../context';
import { invalid } from '../../errors';

export interface ChannelStockEntry {
  customerId: number;
  productId: number;
  periodStart: string;
  reportDate: string;
  /** base units; null when the report did not say */
  closingQuantity: number | null;
  soldQuantity: number | null;
}

interface Existing {
  id: number;
  periodStart: string;
  closingQuantity: number | null;
  soldQuantity: number | null;
}

/**
 * Writes what an outlet reported for a product on a date. A report for the same outlet, product and date replaces
 * the earlier one (the newest word wins; a corrected file is sent again), and the audit keeps what it replaced.
 */
export function recordChannelStock(
  ctx: EngineContext,
  entry: ChannelStockEntry,
  source: 'import' | 'manual',
  importId: number | null,
): number {
  const { sqlite } = ctx.ledger;
  if (entry.periodStart > entry.reportDate)
    throw invalid(`The period starts ${entry.periodStart}, after it ends (${entry.reportDate})`, 'periodStart');
  if (entry.closingQuantity === null && entry.soldQuantity === null)
    throw invalid('Give the closing stock, the quantity sold, or both', 'closingQuantity');
  const before = sqlite
    .prepare(
      `SELECT id, period_start AS periodStart, closing_quantity AS closingQuantity, sold_quantity AS soldQuantity
        FROM channel_stock_reports WHERE customer_id = ? AND product_id = ? AND report_date = ?`,
    )
    .get(entry.customerId, entry.productId, entry.reportDate) as Existing | undefined;
  const at = ctx.now().toISOString();
  const user = ctx.actor?.id ?? null;
  const values = [entry.periodStart, entry.closingQuantity, entry.soldQuantity, source, importId, at, user] as const;
  let id: number;
  if (before) {
    sqlite
      .prepare(
        `UPDATE channel_stock_reports SET period_start = ?, closing_quantity = ?, sold_quantity = ?, source = ?,
          import_id = ?, recorded_at = ?, user_id = ? WHERE id = ?`,
      )
      .run(...values, before.id);
    id = before.id;
  } else {
    id = Number(
      sqlite
        .prepare(
          `INSERT INTO channel_stock_reports (customer_id, product_id, report_date, period_start, closing_quantity,
            sold_quantity, source, import_id, recorded_at, user_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(entry.customerId, entry.productId, entry.reportDate, ...values).lastInsertRowid,
    );
  }
  const { closingQuantity, soldQuantity, periodStart } = entry;
  const replaced = before ? { replaced: { ...before, id: undefined } } : {};
  recordAudit(ctx, before ? 'replace_channel_stock' : 'report_channel_stock', 'channel_stock_report', id, {
    ...{ customerId: entry.customerId, productId: entry.productId, reportDate: entry.reportDate, periodStart },
    ...{ closingQuantity, soldQuantity, source, importId, ...replaced },
  });
  return id;
}
