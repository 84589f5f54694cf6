import { addDays, startOfDayInstant } from '../../../../src-shared/dates';
import { companyTimeZone } from '../../business-date';
import type { EngineContext } from '../../context';
import { publishEvent } from '../publish-event';

/**
 * A warehouse's closing stock at the end of a business day, per product and batch: today's balance
 * less every movement after that day, so a snapshot taken late still shows that day's close.
 */
export function closingStockPayload(ctx: EngineContext, warehouseId: number, asOf: string) {
  const { sqlite } = ctx.ledger;
  const code = (sqlite.prepare('SELECT code FROM warehouses WHERE id = ?').get(warehouseId) as { code: string }).code;
  // Movements after the day are those from the next day's first instant on: a range on the
  // (warehouse, time) index, summed once per batch, never a scan per batch.
  const after = startOfDayInstant(addDays(asOf, 1), companyTimeZone(ctx)).toISOString();
  const lines = sqlite
    .prepare(
      `WITH later AS (SELECT batch_id, sum(quantity) AS q FROM stock_movements WHERE warehouse_id = ? AND at >= ? GROUP BY batch_id)
       SELECT p.sku, b.batch_no AS batchNo, b.expires_on AS expiryDate, sb.on_hand - coalesce(later.q, 0) AS qty
       FROM stock_balances sb JOIN products p ON p.id = sb.product_id JOIN batches b ON b.id = sb.batch_id
       LEFT JOIN later ON later.batch_id = sb.batch_id
       WHERE sb.warehouse_id = ? ORDER BY p.sku, b.batch_no`,
    )
    .all(warehouseId, after, warehouseId) as { sku: string; batchNo: string; expiryDate: string | null; qty: number }[];
  return { warehouseCode: code, asOf, lines: lines.filter((l) => l.qty > 0) };
}

/**
 * One snapshot per active warehouse for the day, never a second one for a warehouse and day
 * already sent. Returns how many were written.
 */
export function publishClosingStock(ctx: EngineContext, asOf: string): number {
  const { sqlite } = ctx.ledger;
  const due = sqlite
    .prepare(
      `SELECT id FROM warehouses w WHERE active = 1
       AND NOT EXISTS (SELECT 1 FROM closing_stock_days d WHERE d.warehouse_id = w.id AND d.business_date = ?) ORDER BY id`,
    )
    .all(asOf) as { id: number }[];
  for (const { id } of due) {
    const event = publishEvent(ctx, 'closing-stock.snapshot', closingStockPayload(ctx, id, asOf));
    sqlite
      .prepare('INSERT INTO closing_stock_days (warehouse_id, business_date, seq) VALUES (?, ?, ?)')
      .run(id, asOf, event.seq);
  }
  return due.length;
}
