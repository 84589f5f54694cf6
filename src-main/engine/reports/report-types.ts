export interface ReportFilters {
  from: string;
  to: string;
  customerId: number | null;
  customerType: string;
  stateCode: string;
  city: string;
  warehouseId: number | null;
  productId: number | null;
  brand: string;
  category: string;
  clerkId: number | null;
  groupBy: 'customer' | 'product' | 'brand' | 'category' | 'geography' | 'clerk';
  period: 'day' | 'week' | 'month';
}

/** A period with no other filter, by customer and month: what a report opens with. */
export function periodFilters(from: string, to: string, changes: Partial<ReportFilters> = {}): ReportFilters {
  return {
    from,
    to,
    customerId: null,
    customerType: '',
    stateCode: '',
    city: '',
    warehouseId: null,
    productId: null,
    brand: '',
    category: '',
    clerkId: null,
    groupBy: 'customer',
    period: 'month',
    ...changes,
  };
}

export type ColumnType = 'text' | 'money' | 'int' | 'pct' | 'date' | 'days';
export interface ReportColumn {
  key: string;
  label: string;
  type: ColumnType;
}
export type ReportRow = Record<string, string | number | null>;

/** One of a report's summary figures, computed over every row however many are returned. */
export interface SummaryFigure {
  key: string;
  label: string;
  value: number | null;
  type: 'int' | 'pct' | 'days';
}

export interface ReportResult {
  title: string;
  columns: ReportColumn[];
  rows: ReportRow[];
  /** sums (or the report's own summary figures) per column; null where a sum means nothing */
  totals: Record<string, number | null>;
  /** which row field opens which document or master, for drill-down */
  drill: { key: string; kind: 'order' | 'invoice' | 'customer' | 'product' | 'delivery_note' } | null;
  /** sentences under the table: how the figures were defined */
  notes: string[];
  /** figures over every row (counts, percentages, averages, medians, distribution), for reports that page */
  summary?: SummaryFigure[];
  /** for a paged report: rows in all, and where the next page starts (null on the last page) */
  page?: { total: number; next: { key: string | number | null; id: number } | null };
}

export const col = (key: string, label: string, type: ColumnType = 'text'): ReportColumn => ({ key, label, type });

/** Sums the money and count columns of the rows; text, dates and percentages get no total. */
export function sumColumns(columns: ReportColumn[], rows: ReportRow[]): Record<string, number | null> {
  const totals: Record<string, number | null> = {};
  for (const c of columns)
    totals[c.key] =
      c.type === 'money' || c.type === 'int' ? rows.reduce((s, r) => s + (Number(r[c.key]) || 0), 0) : null;
  return totals;
}
