import type { EngineContext } from '../../context';
import { publishEvent } from '../publish-event';

/**
 * A warehouse's closing stock at the end of a business day, per product and batch: today's balance
 * less every movement after that day, so a snapshot taken late still shows that day's close.
 */
export function closingStockPayload(ctx: EngineContext, warehouseId: number, asOf: string) {
  const { sqlite } = ctx.ledger;
  const code = (sqlite.prepare('SELECT code FROM warehouses WHERE id = ?').get(warehouseId) as { code: string }).code;
  const lines = sqlite
    .prepare(
      `SELECT p.sku, b.batch_no AS batchNo, b.expires_on AS expiryDate,
              sb.on_hand - coalesce((SELECT sum(m.quantity) FROM stock_movements m
                                     WHERE m.warehouse_id = sb.warehouse_id AND m.batch_id = sb.batch_id AND business_date(m.at) > ?), 0) AS qty
       FROM stock_balances sb JOIN products p ON p.id = sb.product_id JOIN batches b ON b.id = sb.batch_id
       WHERE sb.warehouse_id = ? ORDER BY p.sku, b.batch_no`,
    )
    .all(asOf, warehouseId) as { sku: string; batchNo: string; expiryDate: string | null; qty: number }[];
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
    sqlite.prepare('INSERT INTO closing_stock_days (warehouse_id, business_date, seq) VALUES (?, ?, ?)').run(id, asOf, event.seq);
  }
  return due.length;
}
