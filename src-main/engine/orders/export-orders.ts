import type { EngineContext } from '../context';
import { exportFile, type ExportFile } from '../reports/export-report';
import { col, sumColumns, type ReportResult } from '../reports/report-types';
import { listOrders } from './list-orders';

/** The orders list a user is looking at (same statuses, search and dates) as a spreadsheet. */
export function exportOrders(
  ctx: EngineContext,
  input: { status: string; statuses: string[]; search: string; from: string; to: string; format: 'csv' | 'xlsx' },
): Promise<ExportFile> {
  const { rows } = listOrders(ctx, {
    ...input,
    paymentStatus: '',
    customerId: null,
    stateCode: '',
    city: '',
    createdBy: null,
    sort: 'date',
    dir: 'desc',
    offset: 0,
    limit: 50_000,
  });
  const columns = [
    col('number', 'Order'),
    col('orderDate', 'Date', 'date'),
    col('customerName', 'Customer'),
    col('city', 'City'),
    col('status', 'Status'),
    col('paymentStatus', 'Payment'),
    col('total', 'Total', 'money'),
  ];
  const result: ReportResult = {
    title: 'Orders',
    columns,
    rows,
    totals: sumColumns(columns, rows),
    drill: null,
    notes: [],
  };
  return exportFile(ctx, result, input.format, `orders${input.status ? `-${input.status}` : ''}`, 'Orders');
}
