import type { EngineContext } from '../context';
import { receivablesAgeing } from '../receivables/customer-ledger';
import { bookingBillingBacklog, onTimeDelivery, orderToCash } from './flow-reports';
import { customerOrders, deliveryRegister, orderSummary, pendingOrders } from './order-reports';
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

/** Every report by its id; the contract's enum is built from these keys. */
export const reports = {
  order_summary: orderSummary,
  customer_orders: customerOrders,
  sales_performance: salesPerformance,
  customer_performance: customerPerformance,
  product_contribution: productContribution,
  scheme_performance: schemePerformance,
  delivery_register: deliveryRegister,
  pending_orders: pendingOrders,
  booking_billing_backlog: bookingBillingBacklog,
  on_time_delivery: onTimeDelivery,
  order_to_cash: orderToCash,
  receivables_ageing: ageing,
} satisfies Record<string, (ctx: EngineContext, f: ReportFilters) => ReportResult>;

export type ReportId = keyof typeof reports;

export function runReport(
  ctx: EngineContext,
  id: ReportId,
  filters: ReportFilters,
  sort: { key: string; dir: 'asc' | 'desc' } | null,
): ReportResult {
  const result = reports[id](ctx, filters);
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
