import type { z } from 'zod';
import type { channelStockFilters, channelStockRow } from '../../../../src-shared/contract/channel-stock';
import { businessToday } from '../../business-date';
import type { EngineContext } from '../../context';
import { reportCsv, reportXlsx } from '../../reports/export-report';
import type { ReportResult } from '../../reports/report-types';
import { daysOfCover } from './days-of-cover';

type Filters = z.output<typeof channelStockFilters>;
type StockRow = z.output<typeof channelStockRow>;

interface Latest {
  customerId: number;
  customerCode: string;
  customerName: string;
  productId: number;
  sku: string;
  productName: string;
  brand: string;
  reportDate: string;
  closingQuantity: number;
  soldInWindow: number | null;
  coveredDays: number | null;
}

/**
 * The latest closing per outlet × product (the latest report that gave one), and what the reports ending in the
 * N days up to it sold, over the days they cover (their earliest period start to that date).
 */
const LATEST_SQL = `
  WITH latest AS (
    SELECT r.customer_id, r.product_id, max(r.report_date) AS report_date
      FROM channel_stock_reports r JOIN products p ON p.id = r.product_id
     WHERE r.closing_quantity IS NOT NULL AND (@customerId IS NULL OR r.customer_id = @customerId)
       AND (@productId IS NULL OR r.product_id = @productId) AND (@brand = '' OR p.brand = @brand)
     GROUP BY r.customer_id, r.product_id)
  SELECT l.customer_id AS customerId, c.code AS customerCode, c.name AS customerName, l.product_id AS productId,
         p.sku, p.name AS productName, p.brand, l.report_date AS reportDate, cur.closing_quantity AS closingQuantity,
         w.sold AS soldInWindow, w.days AS coveredDays
    FROM latest l
    JOIN channel_stock_reports cur
      ON cur.customer_id = l.customer_id AND cur.product_id = l.product_id AND cur.report_date = l.report_date
    JOIN customers c ON c.id = l.customer_id
    JOIN products p ON p.id = l.product_id
    LEFT JOIN (
      SELECT l2.customer_id, l2.product_id, sum(r.sold_quantity) AS sold,
             CAST(julianday(l2.report_date) - julianday(min(r.period_start)) + 1 AS INTEGER) AS days
        FROM latest l2 JOIN channel_stock_reports r ON r.customer_id = l2.customer_id AND r.product_id = l2.product_id
       WHERE r.report_date <= l2.report_date AND r.report_date > date(l2.report_date, '-' || @windowDays || ' days')
         AND r.sold_quantity IS NOT NULL
       GROUP BY l2.customer_id, l2.product_id) w ON w.customer_id = l.customer_id AND w.product_id = l.product_id
   ORDER BY c.name, p.name`;

export function listChannelStock(ctx: EngineContext, filters: Filters): StockRow[] {
  const rows = ctx.ledger.sqlite.prepare(LATEST_SQL).all(filters) as Latest[];
  return rows.map((r) => {
    const sold = r.soldInWindow ?? 0;
    const days = r.coveredDays ?? 0;
    const cover = daysOfCover({ closing: r.closingQuantity, sold, days, windowDays: filters.windowDays });
    return {
      ...r,
      soldInWindow: sold,
      coveredDays: days,
      dailySellOut: cover.dailySellOut,
      daysOfCover: cover.days,
      explanation: cover.explanation,
    };
  });
}

export function channelStockHistory(ctx: EngineContext, customerId: number, productId: number | null) {
  return ctx.ledger.sqlite
    .prepare(
      `SELECT r.product_id AS productId, p.sku, p.name AS productName, r.period_start AS periodStart,
        r.report_date AS reportDate, r.closing_quantity AS closingQuantity, r.sold_quantity AS soldQuantity, r.source
        FROM channel_stock_reports r JOIN products p ON p.id = r.product_id
       WHERE r.customer_id = ? AND (? IS NULL OR r.product_id = ?)
       ORDER BY r.report_date DESC, p.name LIMIT 200`,
    )
    .all(customerId, productId, productId) as {
    productId: number;
    sku: string;
    productName: string;
    periodStart: string;
    reportDate: string;
    closingQuantity: number | null;
    soldQuantity: number | null;
    source: string;
  }[];
}

/** The table as the screen shows it; "no sell-out" where there is no rate to divide by. */
export async function exportChannelStock(ctx: EngineContext, filters: Filters, format: 'csv' | 'xlsx') {
  const rows = listChannelStock(ctx, filters);
  const result: ReportResult = {
    title: 'Channel stock',
    columns: [
      { key: 'customerCode', label: 'Outlet code', type: 'text' },
      { key: 'customerName', label: 'Outlet', type: 'text' },
      { key: 'sku', label: 'SKU', type: 'text' },
      { key: 'productName', label: 'Product', type: 'text' },
      { key: 'reportDate', label: 'As on', type: 'date' },
      { key: 'closingQuantity', label: 'Closing', type: 'int' },
      { key: 'soldInWindow', label: `Sold (last ${filters.windowDays} days)`, type: 'int' },
      { key: 'cover', label: 'Days of cover', type: 'text' },
    ],
    rows: rows.map((r) => ({ ...r, cover: r.daysOfCover === null ? 'no sell-out' : String(r.daysOfCover) })),
    totals: {},
    drill: null,
    notes: [],
  };
  const name = `channel-stock-${businessToday(ctx)}`;
  if (format === 'csv')
    return { filename: `${name}.csv`, mime: 'text/csv', base64: Buffer.from(reportCsv(result)).toString('base64') };
  const xlsx = await reportXlsx(result, `Days of cover over the last ${filters.windowDays} days`);
  const mime = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
  return { filename: `${name}.xlsx`, mime, base64: xlsx.toString('base64') };
}
