import type Database from 'better-sqlite3';
import { rebuildOrderSummariesOn } from '../../src-main/engine/summaries/order-summaries';

/** The order summaries' rows that say something (a trigger leaves a row at zero where a rebuild writes none). */
export function orderSummaryRows(sqlite: Database.Database) {
  const all = (sql: string) => sqlite.prepare(sql).all();
  return {
    days: all('SELECT * FROM order_day_statuses WHERE orders <> 0 OR value <> 0 ORDER BY 1, 2'),
    months: all(
      `SELECT customer_id, month, orders, cancelled, value, CASE WHEN orders > 0 THEN last_order END AS last_order
       FROM customer_order_months WHERE orders <> 0 OR cancelled <> 0 OR value <> 0 ORDER BY 1, 2`,
    ),
    schemes: all(
      `SELECT order_date, scheme_id, CASE WHEN orders > 0 THEN name END AS name, orders, benefit, order_value, free_goods
       FROM scheme_days WHERE orders <> 0 OR benefit <> 0 OR order_value <> 0 OR free_goods <> 0 ORDER BY 1, 2`,
    ),
  };
}

/** What the triggers kept, then what a rebuild from the orders gives (the rebuild stays). */
export function keptAndRebuilt(sqlite: Database.Database) {
  const kept = orderSummaryRows(sqlite);
  sqlite.transaction(() => rebuildOrderSummariesOn(sqlite))();
  return { kept, rebuilt: orderSummaryRows(sqlite) };
}
