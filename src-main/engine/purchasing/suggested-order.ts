import type { z } from 'zod';
import type { suggestedLine } from '../../../src-shared/contract/purchase-orders';
import { addDays } from '../../../src-shared/dates';
import { businessToday } from '../business-date';
import type { EngineContext } from '../context';
import { notFound } from '../errors';
import { getSupplier } from './supplier-service';
import { suggestQuantity } from './suggested-order-rule';

type Line = z.output<typeof suggestedLine>;

interface Row {
  productId: number;
  sku: string;
  productName: string;
  baseUnit: string;
  rate: number;
  discountBps: number;
  minQuantity: number | null;
  maxQuantity: number | null;
  coverDays: number | null;
}

/**
 * The suggested order for the products on a supplier's price list that have a norm in the warehouse. Sales are the
 * quantities delivered (issue movements) on the business days of the window, which ends yesterday: today is not
 * over yet. Already ordered counts every supplier's open orders into this warehouse, not yet received.
 */
export function suggestOrder(
  ctx: EngineContext,
  input: { supplierId: number; warehouseId: number; windowDays: number },
) {
  const { sqlite } = ctx.ledger;
  const supplier = getSupplier(ctx, input.supplierId, 'supplierId');
  if (!sqlite.prepare('SELECT 1 FROM warehouses WHERE id = ?').get(input.warehouseId))
    throw notFound(`Warehouse ${input.warehouseId}`, 'warehouseId');
  const to = addDays(businessToday(ctx), -1);
  const from = addDays(to, -(input.windowDays - 1));
  const rows = sqlite
    .prepare(
      `SELECT p.id AS productId, p.sku, p.name AS productName, p.base_unit AS baseUnit, r.rate,
         r.discount_bps AS discountBps, n.min_quantity AS minQuantity, n.max_quantity AS maxQuantity,
         n.cover_days AS coverDays
       FROM supplier_rates r JOIN products p ON p.id = r.product_id
       JOIN stock_norms n ON n.product_id = r.product_id AND n.warehouse_id = ?
       WHERE r.supplier_id = ? AND p.status = 'active' ORDER BY p.name`,
    )
    .all(input.warehouseId, input.supplierId) as Row[];
  const stock = sqlite.prepare(
    `SELECT COALESCE(SUM(on_hand), 0) AS onHand, COALESCE(SUM(in_transit), 0) AS inTransit
     FROM stock_balances WHERE warehouse_id = ? AND product_id = ?`,
  );
  const ordered = sqlite.prepare(
    `SELECT COALESCE(SUM(MAX(l.quantity - l.received, 0)), 0) AS onOrder
     FROM purchase_order_lines l JOIN purchase_orders o ON o.id = l.purchase_order_id
     WHERE o.warehouse_id = ? AND l.product_id = ? AND o.status IN ('open', 'partly_received')`,
  );
  // The window's days are matched on the movement's business date; `at` bounds let the index narrow it first.
  const sold = sqlite.prepare(
    `SELECT COALESCE(-SUM(quantity), 0) AS sold FROM stock_movements
     WHERE warehouse_id = ? AND product_id = ? AND kind = 'issue' AND at >= ? AND at < ?
       AND business_date(at) BETWEEN ? AND ?`,
  );
  const pack = sqlite.prepare(
    'SELECT unit, factor FROM product_units WHERE product_id = ? ORDER BY factor DESC LIMIT 1',
  );
  const lines: Line[] = rows.map((r) => {
    const s = stock.get(input.warehouseId, r.productId) as { onHand: number; inTransit: number };
    const o = ordered.get(input.warehouseId, r.productId) as { onOrder: number };
    const q = sold.get(input.warehouseId, r.productId, `${addDays(from, -1)}`, `${addDays(to, 2)}`, from, to) as {
      sold: number;
    };
    const suggestion = suggestQuantity({
      onHand: s.onHand,
      onOrder: o.onOrder,
      inTransit: s.inTransit,
      sold: q.sold,
      windowDays: input.windowDays,
      leadTimeDays: supplier.leadTimeDays,
      norm: r,
      pack: (pack.get(r.productId) as { unit: string; factor: number } | undefined) ?? null,
      baseUnit: r.baseUnit,
    });
    return {
      productId: r.productId,
      sku: r.sku,
      productName: r.productName,
      onHand: s.onHand,
      onOrder: o.onOrder,
      inTransit: s.inTransit,
      dailySales: Math.round(suggestion.dailySales * 100) / 100,
      target: suggestion.target,
      suggested: suggestion.suggested,
      rate: r.rate,
      discountBps: r.discountBps,
      why: suggestion.why,
    };
  });
  return { from, to, leadTimeDays: supplier.leadTimeDays, lines };
}
