import { roleCan } from '../../../src-shared/permissions';
import type { EngineContext } from '../context';

interface Difference {
  warehouseId: number;
  batchId: number;
  field: string;
  stored: number;
  computed: number;
}

interface ValueDifference {
  warehouseId: number;
  productId: number;
  field: string;
  stored: number;
  computed: number;
}

/**
 * Recomputes the value side (stock_values) from the movements: quantity and value on hand, and in transit, per
 * warehouse × product are each the sum of the movements' columns. Any difference means a movement was written
 * without its value, or stock_values was touched outside postMovement.
 */
export function checkValues(ctx: EngineContext): { checked: number; differences: ValueDifference[] } {
  const rows = ctx.ledger.sqlite
    .prepare(
      `WITH computed AS (
         SELECT warehouse_id, product_id, sum(quantity) AS quantity, sum(value) AS value,
                sum(in_transit) AS transit_quantity, sum(transit_value) AS transit_value
         FROM stock_movements GROUP BY warehouse_id, product_id
       ), keys AS (
         SELECT warehouse_id, product_id FROM computed UNION SELECT warehouse_id, product_id FROM stock_values
       )
       SELECT k.warehouse_id AS warehouseId, k.product_id AS productId,
              coalesce(s.quantity, 0) AS sQuantity, coalesce(c.quantity, 0) AS cQuantity,
              coalesce(s.value, 0) AS sValue, coalesce(c.value, 0) AS cValue,
              coalesce(s.transit_quantity, 0) AS sTransitQuantity, coalesce(c.transit_quantity, 0) AS cTransitQuantity,
              coalesce(s.transit_value, 0) AS sTransitValue, coalesce(c.transit_value, 0) AS cTransitValue
       FROM keys k
       LEFT JOIN stock_values s ON s.warehouse_id = k.warehouse_id AND s.product_id = k.product_id
       LEFT JOIN computed c ON c.warehouse_id = k.warehouse_id AND c.product_id = k.product_id`,
    )
    .all() as Record<string, number>[];
  const differences: ValueDifference[] = [];
  for (const r of rows)
    for (const field of ['quantity', 'value', 'transitQuantity', 'transitValue']) {
      const cap = field[0]!.toUpperCase() + field.slice(1);
      const stored = r[`s${cap}`]!;
      const computed = r[`c${cap}`]!;
      if (stored !== computed)
        differences.push({ warehouseId: r.warehouseId!, productId: r.productId!, field, stored, computed });
    }
  // Value may never outlive the stock: nothing on hand must mean nothing valued (the last unit takes the rest).
  for (const r of rows)
    if (r.sQuantity === 0 && r.sValue !== 0)
      differences.push({
        warehouseId: r.warehouseId!,
        productId: r.productId!,
        field: 'valueWithoutStock',
        stored: r.sValue!,
        computed: 0,
      });
  return { checked: rows.length, differences };
}

/**
 * Recomputes every balance from the ledger itself (movements and active reservations) and
 * lists where the stored balance disagrees. An empty list is the proof the books are straight.
 */
export function checkBalances(ctx: EngineContext): { checked: number; differences: Difference[] } {
  const rows = ctx.ledger.sqlite
    .prepare(
      `WITH computed AS (
         SELECT warehouse_id, batch_id, sum(quantity) AS on_hand, sum(in_transit) AS in_transit FROM stock_movements GROUP BY warehouse_id, batch_id
       ), held AS (
         SELECT warehouse_id, batch_id, sum(quantity) AS reserved FROM reservations WHERE status IN ('active', 'picked') GROUP BY warehouse_id, batch_id
       ), keys AS (
         SELECT warehouse_id, batch_id FROM computed UNION SELECT warehouse_id, batch_id FROM held UNION SELECT warehouse_id, batch_id FROM stock_balances
       )
       SELECT k.warehouse_id AS warehouseId, k.batch_id AS batchId,
              coalesce(s.on_hand, 0) AS sOnHand, coalesce(c.on_hand, 0) AS cOnHand,
              coalesce(s.reserved, 0) AS sReserved, coalesce(h.reserved, 0) AS cReserved,
              coalesce(s.in_transit, 0) AS sInTransit, coalesce(c.in_transit, 0) AS cInTransit
       FROM keys k
       LEFT JOIN stock_balances s ON s.warehouse_id = k.warehouse_id AND s.batch_id = k.batch_id
       LEFT JOIN computed c ON c.warehouse_id = k.warehouse_id AND c.batch_id = k.batch_id
       LEFT JOIN held h ON h.warehouse_id = k.warehouse_id AND h.batch_id = k.batch_id`,
    )
    .all() as {
    warehouseId: number;
    batchId: number;
    sOnHand: number;
    cOnHand: number;
    sReserved: number;
    cReserved: number;
    sInTransit: number;
    cInTransit: number;
  }[];
  const differences: Difference[] = [];
  for (const r of rows) {
    const pairs: [string, number, number][] = [
      ['onHand', r.sOnHand, r.cOnHand],
      ['reserved', r.sReserved, r.cReserved],
      ['inTransit', r.sInTransit, r.cInTransit],
    ];
    for (const [field, stored, computed] of pairs)
      if (stored !== computed)
        differences.push({ warehouseId: r.warehouseId, batchId: r.batchId, field, stored, computed });
  }
  return { checked: rows.length, differences };
}

/** inventory.check: the balances for everyone, the values only for those who may see cost. */
export function checkStock(ctx: EngineContext) {
  const mayReadCost = ctx.actor ? roleCan(ctx.actor.role, 'cost.read') : true;
  return { ...checkBalances(ctx), values: mayReadCost ? checkValues(ctx) : null };
}
