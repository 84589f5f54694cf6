import { roleCan, type Permission, type Role } from '../../../src-shared/permissions';
import type { EngineContext } from '../context';
import { DomainError } from '../errors';
import { receivablesAgeing } from '../receivables/customer-ledger';
import { bookingBillingBacklog, onTimeDelivery, orderToCash } from './flow-reports';
import { customerOrders, deliveryRegister, orderSummary, pendingOrders } from './order-reports';
import { firstPage, type ReportPage } from './report-page';
import { col, sumColumns, type ReportFilters, type ReportResult } from './report-types';
import { customerPerformance, productContribution, salesPerformance, schemePerformance } from './sales-reports';

function ageing(ctx: EngineContext, f: ReportFilters): ReportResult {
  const { rows } = receivablesAgeing(ctx, { customerId: f.customerId });
  const columns = [
    col('code', 'Code'),
    col('name', 'Customer'),
    col('d0', '0–30 days', 'money'),
    col('d31', '31–60', 'money'),
    col('d61', '61–90', 'money'),
    col('d90', 'Over 90', 'money'),
    col('total', 'Total', 'money'),
  ];
  return {
    title: 'Receivables ageing',
    columns,
    rows,
    totals: sumColumns(columns, rows),
    drill: { key: 'customerId', kind: 'customer' },
    notes: ['By the age of each unpaid bill, as of today.'],
  };
}

/** A report that pages (report-page.ts) takes the page; the others return every row and ignore it. */
type ReportFn = (ctx: EngineContext, f: ReportFilters, page?: ReportPage) => ReportResult;

/**
 * Every report by its id, with the permission it needs; the contract's enum is built from these
 * keys. reports.run and reports.export only need orders.read to be called, so a report showing
 * billed, received or outstanding amounts must ask for billing.read itself, as receivables.ageing does.
 */
export const reports = {
  order_summary: { run: orderSummary, needs: 'orders.read' },
  customer_orders: { run: customerOrders, needs: 'orders.read' },
  sales_performance: { run: salesPerformance, needs: 'billing.read' },
  customer_performance: { run: customerPerformance, needs: 'billing.read' },
  product_contribution: { run: productContribution, needs: 'billing.read' },
  scheme_performance: { run: schemePerformance, needs: 'billing.read' },
  delivery_register: { run: deliveryRegister, needs: 'orders.read' },
  pending_orders: { run: pendingOrders, needs: 'orders.read' },
  booking_billing_backlog: { run: bookingBillingBacklog, needs: 'billing.read' },
  on_time_delivery: { run: onTimeDelivery, needs: 'orders.read' },
  order_to_cash: { run: orderToCash, needs: 'billing.read' },
  receivables_ageing: { run: ageing, needs: 'billing.read' },
} satisfies Record<string, { run: ReportFn; needs: Permission }>;

export type ReportId = keyof typeof reports;

/** The reports this role may run: the screen offers only these. */
export function reportsFor(role: Role): ReportId[] {
  return (Object.keys(reports) as ReportId[]).filter((id) => roleCan(role, reports[id].needs));
}

export function runReport(
  ctx: EngineContext,
  id: ReportId,
  filters: ReportFilters,
  sort: { key: string; dir: 'asc' | 'desc' } | null,
  /** a paged report's page: the first by default; exports ask for 'all' */
  page: ReportPage = firstPage,
): ReportResult {
  const report = reports[id];
  if (ctx.actor && !roleCan(ctx.actor.role, report.needs))
    throw new DomainError(
      'forbidden',
      `Your role (${ctx.actor.role}) does not allow ${report.needs}, which this report needs`,
    );
  const result = report.run(ctx, filters, page);
  if (sort && result.columns.some((c) => c.key === sort.key)) {
    const sign = sort.dir === 'asc' ? 1 : -1;
    result.rows.sort((a, b) => {
      const x = a[sort.key];
      const y = b[sort.key];
      if (typeof x === 'number' && typeof y === 'number') return (x - y) * sign;
      return String(x ?? '').localeCompare(String(y ?? '')) * sign;
    });
  }
  return result;
}
