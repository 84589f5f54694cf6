import type { EngineContext } from '../context';

interface Difference {
  warehouseId: number;
  batchId: number;
  field: string;
  stored: number;
  computed: number;
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
