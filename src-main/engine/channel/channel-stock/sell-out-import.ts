import { z } from 'zod';
import type { EngineContext } from '../../context';
import { RowError, type CsvImportSpec } from '../../csv-import';
import { recordChannelStock } from './record-channel-stock';
import { findOutlet, findProduct, toBaseUnits } from './resolve-outlet-product';

/** "31/12/2026", "31-12-2026" (Indian order) or ISO "2026-12-31" → ISO; a real calendar day. */
export function fileDate(text: string, column: string): string {
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  const dmy = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text);
  const day = iso ? text : dmy ? `${dmy[3]}-${dmy[2]!.padStart(2, '0')}-${dmy[1]!.padStart(2, '0')}` : null;
  const real = day && new Date(`${day}T00:00:00Z`).toISOString().slice(0, 10) === day;
  if (!day || !real) throw new RowError(column, `"${text}" is not a date; write 31/12/2026 or 2026-12-31`);
  return day;
}

function fileQuantity(text: string | undefined, column: string): number | null {
  if (!text) return null;
  const qty = Number(text.replace(/,/g, ''));
  if (!Number.isFinite(qty) || qty < 0) throw new RowError(column, `"${text}" is not a quantity`);
  return qty;
}

const sellOutRow = z.object({
  outletText: z.string(),
  productText: z.string().min(1, 'Name the product (barcode, SKU or the outlet’s code)'),
  customerId: z.int().nullable(),
  productId: z.int().nullable(),
  periodStart: z.string(),
  reportDate: z.string(),
  /** file units until the product is known; base units once it is */
  closingQuantity: z.number().nullable(),
  soldQuantity: z.number().nullable(),
  unit: z.string(),
  /** why the row is held for mapping ('' when it posts) */
  held: z.string(),
});
type SellOutRow = z.output<typeof sellOutRow>;

/**
 * Sell-out and closing stock from outlets' files. A row whose outlet or product we cannot tell is not refused:
 * it is held (channel_import_rows) with the reason, for the mapping screen. Only rows that make no sense (no date,
 * no quantity, a pack the product does not have) are refused. `state.importId` is the imports row being written.
 */
export function sellOutImportSpec(state: { importId?: number }): CsvImportSpec<typeof sellOutRow> {
  return {
    columns: {
      outlet: ['outlet code', 'retailer', 'retailer code', 'customer', 'customer code', 'gstin', 'party', 'store'],
      product: ['product code', 'item code', 'sku', 'barcode', 'ean', 'item', 'material'],
      period_start: ['from', 'from date', 'start date', 'period from'],
      period_end: ['to', 'to date', 'end date', 'period to', 'date', 'report date', 'as on', 'stock date'],
      closing: ['closing qty', 'closing stock', 'closing', 'stock', 'stock qty', 'soh'],
      sold: ['sold qty', 'sales qty', 'sell out', 'sellout', 'sales', 'sold quantity'],
      unit: ['uom', 'pack'],
    },
    required: ['outlet', 'product', 'period_end'],
    schema: sellOutRow,
    columnFor: { productText: 'product', periodStart: 'period_start', reportDate: 'period_end' },
    toInput(r, ctx) {
      const reportDate = fileDate(r.period_end ?? '', 'period_end');
      const periodStart = r.period_start ? fileDate(r.period_start, 'period_start') : reportDate;
      if (periodStart > reportDate) throw new RowError('period_start', `The period starts after it ends`);
      const closing = fileQuantity(r.closing, 'closing');
      const sold = fileQuantity(r.sold, 'sold');
      if (closing === null && sold === null) throw new RowError('closing', 'Give a closing stock or a sold quantity');
      const outletText = r.outlet ?? '';
      const productText = r.product ?? '';
      const customerId = findOutlet(ctx, outletText);
      const found = findProduct(ctx, customerId, productText);
      const unit = r.unit || found?.unit || '';
      const held = [
        customerId === null ? `No customer has code or GSTIN "${outletText}"` : '',
        found === null ? `No product, barcode or mapped code is "${productText}"` : '',
      ].filter(Boolean);
      const base = { outletText, productText, customerId, periodStart, reportDate, unit, held: held.join('; ') };
      if (!found) return { ...base, productId: null, closingQuantity: closing, soldQuantity: sold };
      const closingQuantity = toBaseUnits(ctx, found.productId, unit, closing, 'closing');
      const soldQuantity = toBaseUnits(ctx, found.productId, unit, sold, 'sold');
      return { ...base, productId: found.productId, closingQuantity, soldQuantity };
    },
    check() {},
    write(ctx, row) {
      const importId = state.importId ?? null;
      if (row.held || row.customerId === null || row.productId === null) return holdRow(ctx, row, importId);
      const { customerId, productId, periodStart, reportDate, closingQuantity, soldQuantity } = row;
      const entry = { customerId, productId, periodStart, reportDate, closingQuantity, soldQuantity };
      recordChannelStock(ctx, entry, 'import', importId);
    },
  };
}

function holdRow(ctx: EngineContext, row: SellOutRow, importId: number | null): void {
  ctx.ledger.sqlite
    .prepare(
      `INSERT INTO channel_import_rows (import_id, outlet_text, product_text, customer_id, product_id, period_start,
        report_date, closing_quantity, sold_quantity, unit, status, reason, created_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'held', ?, ?)`,
    )
    .run(
      importId,
      ...[row.outletText, row.productText, row.customerId, row.productId, row.periodStart, row.reportDate],
      ...[row.closingQuantity, row.soldQuantity, row.unit, row.held, ctx.now().toISOString()],
    );
}
