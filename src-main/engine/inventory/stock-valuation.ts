import { shareOf } from '../../../src-shared/money';
import type { EngineContext } from '../context';

/** The value side of one warehouse × product (moving-average cost), as `stock_values` keeps it. */
export interface ValueBalance {
  quantity: number;
  value: number;
  transitQuantity: number;
  transitValue: number;
  lastQuantity: number;
  lastValue: number;
}

export interface ValuedChange {
  /** signed paise moving with the quantity on hand */
  value: number;
  /** signed paise moving with the goods in transit to this warehouse */
  transitValue: number;
  /** how the value was found, for the movement history */
  basis: 'given' | 'average' | 'last_average' | 'in_transit' | 'none';
}

const empty: ValueBalance = {
  quantity: 0,
  value: 0,
  transitQuantity: 0,
  transitValue: 0,
  lastQuantity: 0,
  lastValue: 0,
};

/** What `quantity` units are worth at the balance's moving average; once the shelf is empty, at the last one. */
function atAverage(b: ValueBalance, quantity: number): Pick<ValuedChange, 'value' | 'basis'> {
  if (b.quantity > 0) return { value: shareOf(b.value, quantity, b.quantity), basis: 'average' };
  if (b.lastQuantity > 0) return { value: shareOf(b.lastValue, quantity, b.lastQuantity), basis: 'last_average' };
  return { value: 0, basis: 'none' };
}

/**
 * The value a movement carries, by moving-average cost:
 * - goods out leave at the average, the last unit taking what is left (so value never strands on zero stock);
 * - goods in come at the value the caller gives (a receipt at landed cost, free goods at zero), else at the average;
 * - goods on the road carry the value they left with, and bring their share of it onto the shelf when they arrive.
 */
export function valueMovement(
  b: ValueBalance,
  m: { quantity: number; inTransit?: number; value?: number },
): ValuedChange {
  const inTransit = m.inTransit ?? 0;
  if (inTransit < 0) {
    const transitValue = b.transitQuantity > 0 ? -shareOf(b.transitValue, -inTransit, b.transitQuantity) : 0;
    const value = m.quantity > 0 ? (m.value ?? -transitValue) : 0;
    return { value, transitValue, basis: m.value === undefined ? 'in_transit' : 'given' };
  }
  if (inTransit > 0) return { value: 0, transitValue: m.value ?? 0, basis: m.value === undefined ? 'none' : 'given' };
  if (m.quantity < 0) {
    const out = b.quantity > 0 ? shareOf(b.value, Math.min(-m.quantity, b.quantity), b.quantity) : 0;
    return { value: -out, transitValue: 0, basis: 'average' };
  }
  if (m.quantity > 0) {
    if (m.value !== undefined) return { value: m.value, transitValue: 0, basis: 'given' };
    return { ...atAverage(b, m.quantity), transitValue: 0 };
  }
  return { value: 0, transitValue: 0, basis: 'none' };
}

export function valueBalanceOf(ctx: EngineContext, warehouseId: number, productId: number): ValueBalance {
  return (
    (ctx.ledger.sqlite
      .prepare(
        `SELECT quantity, value, transit_quantity AS transitQuantity, transit_value AS transitValue,
                last_quantity AS lastQuantity, last_value AS lastValue
         FROM stock_values WHERE warehouse_id = ? AND product_id = ?`,
      )
      .get(warehouseId, productId) as ValueBalance | undefined) ?? empty
  );
}

/** Moves the warehouse × product value balance by one valued movement, in the caller's transaction. */
export function applyValuedChange(
  ctx: EngineContext,
  warehouseId: number,
  productId: number,
  b: ValueBalance,
  quantity: number,
  inTransit: number,
  change: ValuedChange,
): void {
  const quantityAfter = b.quantity + quantity;
  const valueAfter = b.value + change.value;
  const keepsLast = quantityAfter > 0;
  ctx.ledger.sqlite
    .prepare(
      `INSERT INTO stock_values (warehouse_id, product_id, quantity, value, transit_quantity, transit_value, last_quantity, last_value)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT(warehouse_id, product_id) DO UPDATE SET
         quantity = excluded.quantity, value = excluded.value,
         transit_quantity = excluded.transit_quantity, transit_value = excluded.transit_value,
         last_quantity = excluded.last_quantity, last_value = excluded.last_value`,
    )
    .run(
      warehouseId,
      productId,
      quantityAfter,
      valueAfter,
      b.transitQuantity + inTransit,
      b.transitValue + change.transitValue,
      keepsLast ? quantityAfter : b.lastQuantity,
      keepsLast ? valueAfter : b.lastValue,
    );
}

/** What `quantity` units of a product cost at the warehouse's moving average now (paise); null when never valued. */
export function costAtAverage(
  ctx: EngineContext,
  warehouseId: number,
  productId: number,
  quantity: number,
): number | null {
  const priced = atAverage(valueBalanceOf(ctx, warehouseId, productId), quantity);
  return priced.basis === 'none' ? null : priced.value;
}

/**
 * costAtAverage for many lines in one query (an order's lines at entry): each line's units at the moving average
 * of its warehouse × product; null where that stock was never valued.
 */
export function costsAtAverage(
  ctx: EngineContext,
  lines: { warehouseId: number; productId: number; quantity: number }[],
): (number | null)[] {
  if (lines.length === 0) return [];
  const rows = ctx.ledger.sqlite
    .prepare(
      `SELECT v.warehouse_id AS w, v.product_id AS p, v.quantity, v.value, v.transit_quantity AS transitQuantity,
              v.transit_value AS transitValue, v.last_quantity AS lastQuantity, v.last_value AS lastValue
       FROM stock_values v
       JOIN (SELECT DISTINCT json_extract(j.value, '$[0]') AS w, json_extract(j.value, '$[1]') AS p
             FROM json_each(?) j) k ON v.warehouse_id = k.w AND v.product_id = k.p`,
    )
    .all(JSON.stringify(lines.map((l) => [l.warehouseId, l.productId]))) as (ValueBalance & { w: number; p: number })[];
  const byKey = new Map(rows.map((r) => [`${r.w}:${r.p}`, r]));
  return lines.map((l) => {
    const priced = atAverage(byKey.get(`${l.warehouseId}:${l.productId}`) ?? empty, l.quantity);
    return priced.basis === 'none' ? null : priced.value;
  });
}
