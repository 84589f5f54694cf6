import type { channelStockOperations } from '../../../../src-shared/contract/channel-stock';
import type { HandlerTable } from '../../../api/handler-types';
import type { EngineContext } from '../../context';
import { invalid, notFound } from '../../errors';
import { importKinds } from '../../imports/import-kinds';
import { runImport } from '../../imports/run-import';
import { withoutBom } from '../../csv-import';
import { spreadsheetText } from '../spreadsheet-text';
import { channelStockHistory, exportChannelStock, listChannelStock } from './channel-stock-view';
import { listHeldRows, mapHeldRow } from './held-rows';
import { previewSellOut } from './preview-sell-out';
import { recordChannelStock } from './record-channel-stock';

type ImportMode = 'preview' | 'all-or-nothing' | 'valid-rows';

/** Checked and written like every import (worker check, short transactions), then the rows it held are counted. */
async function importSellOut(
  ctx: EngineContext,
  file: { csv: string | null; xlsxBase64: string | null },
  mode: ImportMode,
) {
  const csv = withoutBom(await spreadsheetText(file));
  const build = (c: EngineContext, state: Record<string, unknown>) => importKinds.channel_stock.build(c, {}, state);
  const result = await runImport(ctx, { kind: 'channel_stock', params: {}, build }, csv, mode);
  const preview = mode === 'preview' ? previewSellOut(ctx, csv) : [];
  const held =
    result.importId === null
      ? preview.filter((r) => r.outcome === 'held').length
      : (
          ctx.ledger.sqlite
            .prepare('SELECT count(*) AS n FROM channel_import_rows WHERE import_id = ?')
            .get(result.importId) as { n: number }
        ).n;
  return { ...result, held, preview };
}

function recordByHand(
  ctx: EngineContext,
  input: {
    customerId: number;
    periodStart: string;
    reportDate: string;
    lines: { productId: number; closingQuantity: number | null; soldQuantity: number | null }[];
  },
) {
  const { sqlite } = ctx.ledger;
  if (!sqlite.prepare('SELECT 1 FROM customers WHERE id = ?').get(input.customerId))
    throw notFound(`Customer ${input.customerId}`, 'customerId');
  input.lines.forEach((line, i) => {
    if (!sqlite.prepare('SELECT 1 FROM products WHERE id = ?').get(line.productId))
      throw notFound(`Product ${line.productId}`, `lines.${i}.productId`);
    if (line.closingQuantity === null && line.soldQuantity === null)
      throw invalid('Give the closing stock, the quantity sold, or both', `lines.${i}.closingQuantity`);
    const entry = {
      ...line,
      customerId: input.customerId,
      periodStart: input.periodStart,
      reportDate: input.reportDate,
    };
    recordChannelStock(ctx, entry, 'manual', null);
  });
  return { saved: input.lines.length };
}

/** Channel stock (sell-out imports, held rows, manual entry, the cover table), bound next to its engine code. */
export const channelStockHandlers: HandlerTable<keyof typeof channelStockOperations> = {
  'channelStock.import': (input, ctx) => importSellOut(ctx, input, input.mode),
  'channelStock.held': (_input, ctx) => listHeldRows(ctx),
  'channelStock.map': (input, ctx) => mapHeldRow(ctx, input),
  'channelStock.record': (input, ctx) => recordByHand(ctx, input),
  'channelStock.list': (input, ctx) => listChannelStock(ctx, input),
  'channelStock.history': (input, ctx) => channelStockHistory(ctx, input.customerId, input.productId),
  'channelStock.export': (input, ctx) => exportChannelStock(ctx, input.filters, input.format),
};
