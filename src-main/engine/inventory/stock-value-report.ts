import { divideRounded } from '../../../src-shared/money';
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
  const where = new Where()
    .add('business_date(m.at) <= ?', f.asOf)
    .when(f.warehouseId, 'm.warehouse_id = ?', f.warehouseId)
    .when(f.productId, 'm.product_id = ?', f.productId)
    .when(f.brand, 'p.brand = ?', f.brand)
    .when(f.category, 'p.category = ?', f.category);
  const summed = ctx.ledger.sqlite
    .prepare(
      `SELECT * FROM (
         SELECT m.warehouse_id AS warehouseId, w.code AS warehouseCode, m.product_id AS productId, p.sku,
                p.name AS productName, p.brand, p.category,
                sum(m.quantity) AS quantity, sum(m.value) AS value,
                sum(m.in_transit) AS transitQuantity, sum(m.transit_value) AS transitValue
         FROM stock_movements m JOIN products p ON p.id = m.product_id JOIN warehouses w ON w.id = m.warehouse_id
         ${where.sql}
         GROUP BY m.warehouse_id, m.product_id)
       WHERE quantity <> 0 OR value <> 0 OR transitQuantity <> 0 OR transitValue <> 0
       ORDER BY warehouseCode, productName, sku`,
    )
    .all(...where.params) as Summed[];
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
      'Each figure is the sum of the stock movements up to the end of that business day.',
      'Goods in transit are carried at the value they left the sending warehouse with.',
      ...(uncosted ? [`${uncosted} line(s) hold stock at no value: received before valuation, or as free goods.`] : []),
    ],
  };
}
