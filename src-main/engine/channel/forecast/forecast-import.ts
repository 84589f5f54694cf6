import { z } from 'zod';
import { RowError, type CsvImportSpec } from '../../csv-import';
import { findOutlet, findProduct, toBaseUnits } from '../channel-stock/resolve-outlet-product';
import { fileDate } from '../channel-stock/sell-out-import';
import { writeForecast } from './forecast-service';

const forecastImportRow = z.object({
  customerId: z.int(),
  productId: z.int(),
  month: z.string(),
  quantity: z.int().nonnegative('must not be negative'),
});

/** "2026-12", "12/2026", "Dec-2026" or any date in the month → 'YYYY-MM'. */
function fileMonth(text: string): string {
  const ym = /^(\d{4})-(\d{1,2})$/.exec(text) ?? null;
  if (ym) return `${ym[1]}-${ym[2]!.padStart(2, '0')}`;
  const my = /^(\d{1,2})[/.-](\d{4})$/.exec(text);
  if (my) return `${my[2]}-${my[1]!.padStart(2, '0')}`;
  const names = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
  const named = /^([a-z]{3})[a-z]*[\s/.-]+(\d{4})$/i.exec(text);
  const index = named ? names.indexOf(named[1]!.toLowerCase()) : -1;
  if (named && index >= 0) return `${named[2]}-${String(index + 1).padStart(2, '0')}`;
  return fileDate(text, 'month').slice(0, 7);
}

/** Forecasts from a planner's sheet: a row per customer × product × month; a later import replaces the cell. */
export const forecastImportSpec: CsvImportSpec<typeof forecastImportRow> = {
  columns: {
    customer: ['customer code', 'outlet', 'retailer', 'gstin', 'party', 'end buyer'],
    product: ['sku', 'product code', 'item code', 'barcode'],
    month: ['period', 'forecast month'],
    quantity: ['qty', 'forecast', 'forecast qty'],
    unit: ['uom', 'pack'],
  },
  required: ['customer', 'product', 'month', 'quantity'],
  schema: forecastImportRow,
  columnFor: { customerId: 'customer', productId: 'product', month: 'month', quantity: 'quantity' },
  toInput(r, ctx) {
    const customerId = findOutlet(ctx, r.customer ?? '');
    if (customerId === null) throw new RowError('customer', `No customer has code or GSTIN "${r.customer}"`);
    const found = findProduct(ctx, customerId, r.product ?? '');
    if (!found) throw new RowError('product', `No product has SKU or barcode "${r.product}"`);
    const qty = Number((r.quantity ?? '').replace(/,/g, ''));
    if (!r.quantity || !Number.isFinite(qty) || qty < 0)
      throw new RowError('quantity', `"${r.quantity}" is not a quantity`);
    const quantity = toBaseUnits(ctx, found.productId, r.unit || found.unit, qty, 'quantity');
    return { customerId, productId: found.productId, month: fileMonth(r.month ?? ''), quantity };
  },
  check() {},
  write(ctx, row) {
    writeForecast(ctx, row, 'imported');
  },
};
