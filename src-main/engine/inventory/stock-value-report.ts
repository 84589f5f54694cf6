import { divideRounded } from '../../../src-shared/money';
import { addDays, startOfDayInstant } from '../../../src-shared/dates';
import { companyTimeZone } from '../business-date';
import type { EngineContext } from '../context';
import { Where } from '../list-query';
import { col, sumColumns, type ReportResult, type ReportRow } from '../reports/report-types';

export interface StockValueFilters {
  asOf: string;
  warehouseId: number | null;
  productId: number | null;
  brand: string;
  category: string;
}

interface Summed {
  warehouseId: number;
  warehouseCode: string;
  productId: number;
  sku: string;
  productName: string;
  brand: string;
  category: string;
  quantity: number;
  value: number;
  transitQuantity: number;
  transitValue: number;
}

/**
 * What the stock was worth at the end of a business day, per warehouse × product: each figure is the plain sum
 * of the movements' quantity and value columns up to that day (business_date of the movement's instant), so the
 * report equals Σ movement values by construction, whatever the day. Goods on the road are carried at the value
 * they left with, shown apart and counted in the total. Average cost is value ÷ quantity, for reading only.
 */
export function stockValueReport(ctx: EngineContext, f: StockValueFilters): ReportResult {
  // Today's balances are kept in stock_values; a past day takes back only what moved after it (the newest rows,
  // found by time), so the report costs the same at any age of the ledger instead of summing every movement.
  const after = startOfDayInstant(addDays(f.asOf, 1), companyTimeZone(ctx)).toISOString();
  const where = new Where()
    .when(f.warehouseId, 'b.warehouse_id = ?', f.warehouseId)
    .when(f.productId, 'b.product_id = ?', f.productId)
    .when(f.brand, 'p.brand = ?', f.brand)
    .when(f.category, 'p.category = ?', f.category);
  const summed = ctx.ledger.sqlite
    .prepare(
      `WITH since AS (
         SELECT warehouse_id, product_id, sum(quantity) AS q, sum(value) AS v, sum(in_transit) AS tq,
                sum(transit_value) AS tv
         FROM stock_movements WHERE warehouse_id IN (SELECT id FROM warehouses) AND at >= ?
         GROUP BY warehouse_id, product_id),
       balances AS (
         SELECT v.warehouse_id, v.product_id, v.quantity - coalesce(s.q, 0) AS quantity,
                v.value - coalesce(s.v, 0) AS value, v.transit_quantity - coalesce(s.tq, 0) AS transitQuantity,
                v.transit_value - coalesce(s.tv, 0) AS transitValue
         FROM stock_values v LEFT JOIN since s ON s.warehouse_id = v.warehouse_id AND s.product_id = v.product_id)
       SELECT b.warehouse_id AS warehouseId, w.code AS warehouseCode, b.product_id AS productId, p.sku,
              p.name AS productName, p.brand, p.category, b.quantity, b.value, b.transitQuantity, b.transitValue
       FROM balances b JOIN products p ON p.id = b.product_id JOIN warehouses w ON w.id = b.warehouse_id
       ${where.sql ? `${where.sql} AND` : 'WHERE'}
         (b.quantity <> 0 OR b.value <> 0 OR b.transitQuantity <> 0 OR b.transitValue <> 0)
       ORDER BY warehouseCode, productName, sku`,
    )
    .all(after, ...where.params) as Summed[];
  const rows: ReportRow[] = summed.map((r) => ({
    ...r,
    averageCost: r.quantity > 0 ? divideRounded(r.value, r.quantity) : null,
    totalValue: r.value + r.transitValue,
  }));
  const columns = [
    col('warehouseCode', 'Warehouse'),
    col('sku', 'SKU'),
    col('productName', 'Product'),
    col('brand', 'Brand'),
    col('category', 'Category'),
    col('quantity', 'Quantity', 'int'),
    col('averageCost', 'Average cost', 'money'),
    col('value', 'Value', 'money'),
    col('transitQuantity', 'In transit', 'int'),
    col('transitValue', 'Transit value', 'money'),
    col('totalValue', 'Total value', 'money'),
  ];
  const totals = sumColumns(columns, rows);
  totals.averageCost = null;
  const uncosted = summed.filter((r) => r.quantity > 0 && r.value === 0).length;
  return {
    title: `Stock value as of ${f.asOf}`,
    columns,
    rows,
    totals,
    drill: { key: 'productId', kind: 'product' },
    notes: [
      'Moving-average cost per warehouse and product, excluding GST; quantities in base units.',
      'Each figure equals the sum of the stock movements up to the end of that business day.',
      'Goods in transit are carried at the value they left the sending warehouse with.',
      ...(uncosted ? [`${uncosted} line(s) hold stock at no value: received before valuation, or as free goods.`] : []),
    ],
  };
}
