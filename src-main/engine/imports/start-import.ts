import type { ImportResult } from '../../../src-shared/contract/common';
import type { EngineContext } from '../context';
import type { ImportMode } from '../csv-import';
import { getSupplier } from '../purchasing/supplier-service';
import { importKinds, type ImportKind } from './import-kinds';
import { runImport } from './run-import';

function start(ctx: EngineContext, kind: ImportKind, params: Record<string, unknown>, csv: string, mode: ImportMode) {
  const build = (c: EngineContext, state: Record<string, unknown>) => importKinds[kind].build(c, params, state);
  return runImport(ctx, { kind, params, build }, csv, mode);
}

export const importProducts = (ctx: EngineContext, csv: string, mode: ImportMode): Promise<ImportResult> =>
  start(ctx, 'products', {}, csv, mode);

export const importCustomers = (ctx: EngineContext, csv: string, mode: ImportMode): Promise<ImportResult> =>
  start(ctx, 'customers', {}, csv, mode);

export const importOpeningStock = (ctx: EngineContext, csv: string, mode: ImportMode): Promise<ImportResult> =>
  start(ctx, 'opening_stock', {}, csv, mode);

export function importSupplierRates(
  ctx: EngineContext,
  supplierId: number,
  csv: string,
  mode: ImportMode,
): Promise<ImportResult> {
  getSupplier(ctx, supplierId, 'supplierId');
  return start(ctx, 'supplier_rates', { supplierId }, csv, mode);
}
