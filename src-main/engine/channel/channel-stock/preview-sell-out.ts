import Papa from 'papaparse';
import type { z } from 'zod';
import type { sellOutPreviewRow } from '../../../../src-shared/contract/channel-stock';
import type { EngineContext } from '../../context';
import { headingLine, ImportFile, mapHeadings, normaliseHeading, readRow, recordOf } from '../../csv-import';
import { sellOutImportSpec } from './sell-out-import';

type PreviewRow = z.output<typeof sellOutPreviewRow>;
const PREVIEW_ROWS = 200;

/**
 * What the first rows of a sell-out file will do, for the clerk to see before writing: post (with our customer and
 * product names), be held for mapping, or be refused. Reads only.
 */
export function previewSellOut(ctx: EngineContext, csv: string): PreviewRow[] {
  const spec = sellOutImportSpec({});
  const { header } = headingLine(csv);
  const fields = Papa.parse(header, { header: true, transformHeader: normaliseHeading }).meta.fields ?? [];
  const headings = mapHeadings(fields, spec);
  const parsed = Papa.parse<Record<string, string>>(csv, {
    header: true,
    skipEmptyLines: 'greedy',
    transformHeader: normaliseHeading,
    preview: PREVIEW_ROWS,
  }).data;
  const name = (table: 'customers' | 'products', rowId: number | null) =>
    rowId === null
      ? null
      : (ctx.ledger.sqlite.prepare(`SELECT name FROM ${table} WHERE id = ?`).get(rowId) as { name: string }).name;
  return parsed.map((raw, i) => {
    const record = recordOf(raw, headings);
    const base = { row: i + 2, outlet: record.outlet ?? '', product: record.product ?? '' };
    const read = readRow(spec, record, i + 2, ctx, new ImportFile());
    if ('problems' in read) {
      const reason = read.problems.map((p) => `${p.field}: ${p.message}`).join('; ');
      const empty = { customerName: null, productName: null, reportDate: null, closingQuantity: null };
      return { ...base, outcome: 'refused', reason, ...empty, soldQuantity: null };
    }
    const v = read.value;
    return {
      ...base,
      outcome: v.held ? 'held' : 'post',
      reason: v.held,
      customerName: name('customers', v.customerId),
      productName: name('products', v.productId),
      reportDate: v.reportDate,
      closingQuantity: v.closingQuantity,
      soldQuantity: v.soldQuantity,
    };
  });
}
