import type { reportOperations } from '../../../src-shared/contract/reports';
import type { HandlerTable } from '../../api/handler-types';
import { ask } from '../assistant/ask';
import { dashboard } from '../dashboard/dashboard';
import { exportFile } from './export-report';
import { REPORT_PAGE_ROWS } from './report-page';
import { reportsFor, runReport } from './report-registry';

/** Reports, the dashboard and the assistant. Joined with the other parts in api/handlers.ts. */
export const reportHandlers: HandlerTable<keyof typeof reportOperations> = {
  'assistant.ask': (input, ctx) => ask(ctx, input.question),
  'dashboard.get': (input, ctx) => dashboard(ctx, input),
  'reports.available': (_, ctx) => (ctx.actor ? reportsFor(ctx.actor.role) : []),
  'reports.run': (input, ctx) =>
    runReport(ctx, input.report, input.filters, input.sort, { after: input.after, limit: REPORT_PAGE_ROWS }),
  'reports.export': (input, ctx) =>
    exportFile(
      ctx,
      runReport(ctx, input.report, input.filters, null, 'all'),
      input.format,
      `${input.report}-${input.filters.from}-${input.filters.to}`,
      `${input.filters.from} to ${input.filters.to}`,
    ),
};
