import { z } from 'zod';
import { operation } from './define';
import { id, isoDate } from './common';
import { reportResult } from './reports';

export const stockValueFilters = z.object({
  /** the business day the value is taken at the end of */
  asOf: isoDate,
  warehouseId: id.nullable().default(null),
  productId: id.nullable().default(null),
  brand: z.string().default(''),
  category: z.string().default(''),
});
export type StockValueFiltersInput = z.input<typeof stockValueFilters>;

/** Stock valuation (moving-average cost): what the stock is worth, for those who may see cost. */
export const valuationOperations = {
  'valuation.stockValue': operation({
    summary:
      'Stock value as of a business day per warehouse and product (filters warehouse, product, brand, category): quantity, moving-average cost, value, goods in transit and their value, totals. Each figure is the sum of the movements up to that day.',
    access: 'cost.read',
    kind: 'read',
    input: stockValueFilters,
    output: reportResult,
  }),
  'valuation.stockValueExport': operation({
    summary: 'The stock-value report as CSV, XLSX or PDF (base64), with the same rows and totals as on screen.',
    access: 'cost.read',
    kind: 'read',
    input: stockValueFilters.extend({ format: z.enum(['csv', 'xlsx', 'pdf']) }),
    output: z.object({ filename: z.string(), mime: z.string(), base64: z.string() }),
  }),
};
