import type { valuationOperations } from '../../../src-shared/contract/valuation';
import type { HandlerTable } from '../../api/handler-types';
import { exportFile } from '../reports/export-report';
import { stockValueReport } from './stock-value-report';

/** Stock valuation's operations, bound next to their engine code and joined into the one handler table. */
export const valuationHandlers: HandlerTable<keyof typeof valuationOperations> = {
  'valuation.stockValue': (input, ctx) => stockValueReport(ctx, input),
  'valuation.stockValueExport': ({ format, ...filters }, ctx) =>
    exportFile(ctx, stockValueReport(ctx, filters), format, `stock-value-${filters.asOf}`, `As of ${filters.asOf}`),
};
