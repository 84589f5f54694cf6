import type { EngineContext } from '../../context';
import { addMonths } from './baseline-rule';

export interface ActualFilters {
  from: string;
  to: string;
  customerId: number | null;
  productId: number | null;
  brand: string;
}

export interface MonthActual {
  customerId: number;
  productId: number;
  month: string;
  booked: number;
  billed: number;
  sellOut: number;
}

export const cellKey = (customerId: number, productId: number, month: string) => `${customerId}|${productId}|${month}`;

const FILTER = `(@customerId IS NULL OR x.customer_id = @customerId) AND (@productId IS NULL OR x.product_id = @productId)
  AND (@brand = '' OR p.brand = @brand)`;

/**
 * Booked and billed per customer × product × month from the daily summary (kept at posting, so years of lines are
 * not read), less the quantities of return credit notes in the month they were posted; sell-out from the outlets'
 * reports by the month their period ends. Base units.
 */
export function monthlyActuals(ctx: EngineContext, filters: ActualFilters): Map<string, MonthActual> {
  const { sqlite } = ctx.ledger;
  const params = { ...filters, fromDay: `${filters.from}-01`, untilDay: `${addMonths(filters.to, 1)}-01` };
  const cells = new Map<string, MonthActual>();
  const add = (row: { customerId: number; productId: number; month: string }, figures: Partial<MonthActual>) => {
    const key = cellKey(row.customerId, row.productId, row.month);
    const cell = cells.get(key) ?? { ...row, booked: 0, billed: 0, sellOut: 0 };
    cell.booked += figures.booked ?? 0;
    cell.billed += figures.billed ?? 0;
    cell.sellOut += figures.sellOut ?? 0;
    cells.set(key, cell);
  };
  type Row = { customerId: number; productId: number; month: string; booked: number; billed: number };
  const sales = sqlite
    .prepare(
      `SELECT x.customer_id AS customerId, x.product_id AS productId, substr(x.day, 1, 7) AS month,
          sum(x.booked_qty) AS booked, sum(x.billed_qty) AS billed
        FROM daily_sales x JOIN products p ON p.id = x.product_id
       WHERE x.day >= @fromDay AND x.day < @untilDay AND ${FILTER}
       GROUP BY x.customer_id, x.product_id, month`,
    )
    .all(params) as Row[];
  for (const row of sales) add(row, row);
  const returns = sqlite
    .prepare(
      `SELECT x.customer_id AS customerId, x.product_id AS productId, substr(x.day, 1, 7) AS month,
          sum(x.quantity) AS returned
        FROM (SELECT cn.customer_id, l.product_id, l.quantity, business_date(cn.posted_at) AS day
                FROM credit_note_lines l JOIN credit_notes cn ON cn.id = l.credit_note_id
               WHERE cn.kind = 'return' AND cn.posted_at >= date(@fromDay, '-1 day')) x
        JOIN products p ON p.id = x.product_id
       WHERE x.day >= @fromDay AND x.day < @untilDay AND ${FILTER}
       GROUP BY x.customer_id, x.product_id, month`,
    )
    .all(params) as (Row & { returned: number })[];
  for (const row of returns) add(row, { billed: -row.returned });
  const sellOut = sqlite
    .prepare(
      `SELECT x.customer_id AS customerId, x.product_id AS productId, substr(x.report_date, 1, 7) AS month,
          sum(x.sold_quantity) AS sold
        FROM channel_stock_reports x JOIN products p ON p.id = x.product_id
       WHERE x.report_date >= @fromDay AND x.report_date < @untilDay AND ${FILTER}
       GROUP BY x.customer_id, x.product_id, month`,
    )
    .all(params) as (Row & { sold: number | null })[];
  for (const row of sellOut) add(row, { sellOut: row.sold ?? 0 });
  return cells;
}
