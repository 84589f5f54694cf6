import type { z } from 'zod';
import type { OperationName } from '../../../src-shared/contract';
import { productImportSpec } from '../catalog/import-products';
import type { EngineContext } from '../context';
import type { CsvImportSpec } from '../csv-import';
import { customerImportSpec } from '../customers/import-customers';
import { openingStockImportSpec } from '../inventory/import-opening-stock';
import { supplierRateImportSpec } from '../purchasing/supplier-rates';
import { sellOutImportSpec } from '../channel/channel-stock/sell-out-import';
import { forecastImportSpec } from '../channel/forecast/forecast-import';

export type ImportKind = 'products' | 'customers' | 'opening_stock' | 'supplier_rates' | 'channel_stock' | 'forecasts';

interface ImportKindDef {
  /** The operation that starts this import: its permission also guards resuming it. */
  operation: OperationName;
  label: string;
  build(ctx: EngineContext, params: Record<string, unknown>, state: Record<string, unknown>): CsvImportSpec<z.ZodType>;
}

/** Every spreadsheet import, by the name its `imports` row and the read worker know it by. */
export const importKinds: Record<ImportKind, ImportKindDef> = {
  products: { operation: 'products.import', label: 'Products', build: () => productImportSpec },
  customers: { operation: 'customers.import', label: 'Customers', build: () => customerImportSpec },
  opening_stock: {
    operation: 'inventory.importOpening',
    label: 'Opening stock',
    build: (ctx, _params, state) => openingStockImportSpec(ctx, state),
  },
  supplier_rates: {
    operation: 'supplierRates.import',
    label: 'Supplier price list',
    build: (ctx, params) => supplierRateImportSpec(ctx, Number(params.supplierId)),
  },
  channel_stock: {
    operation: 'channelStock.import',
    label: 'Outlet sell-out and stock',
    build: (_ctx, _params, state) => sellOutImportSpec(state),
  },
  forecasts: { operation: 'forecasts.import', label: 'Forecasts', build: () => forecastImportSpec },
};

export const isImportKind = (kind: string): kind is ImportKind => Object.hasOwn(importKinds, kind);
