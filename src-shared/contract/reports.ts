import { z } from 'zod';
import { operation } from './define';
import { id } from './common';

export const reportIds = [
  'order_summary', 'customer_orders', 'sales_performance', 'customer_performance', 'product_contribution', 'scheme_performance',
  'delivery_register', 'pending_orders', 'booking_billing_backlog', 'on_time_delivery', 'order_to_cash', 'receivables_ageing',
] as const;
const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Date must be YYYY-MM-DD');

export const reportFilters = z
  .object({
    from: isoDay,
    to: isoDay,
    customerId: id.nullable().default(null),
    customerType: z.string().default(''),
    stateCode: z.string().default(''),
    city: z.string().default(''),
    warehouseId: id.nullable().default(null),
    productId: id.nullable().default(null),
    brand: z.string().default(''),
    category: z.string().default(''),
    clerkId: id.nullable().default(null),
    groupBy: z.enum(['customer', 'product', 'brand', 'category', 'geography', 'clerk']).default('customer'),
    period: z.enum(['day', 'week', 'month']).default('month'),
  })
  .refine((f) => f.from <= f.to, { message: 'From must not be after To', path: ['to'] });
export type ReportFiltersInput = z.input<typeof reportFilters>;

const cell = z.union([z.string(), z.number(), z.null()]);
export const reportResult = z.object({
  title: z.string(),
  columns: z.array(z.object({ key: z.string(), label: z.string(), type: z.enum(['text', 'money', 'int', 'pct', 'date', 'days']) })),
  rows: z.array(z.record(z.string(), cell)),
  totals: z.record(z.string(), z.number().nullable()),
  drill: z.object({ key: z.string(), kind: z.enum(['order', 'invoice', 'customer', 'product', 'delivery_note']) }).nullable(),
  notes: z.array(z.string()),
});
export type ReportResultOut = z.output<typeof reportResult>;

export const reportOperations = {
  'reports.run': operation({
    summary: 'Runs a report over the ledger with filters (dates, customer, type, geography, warehouse, product/brand/category, clerk), sorted; rows, totals and drill-down keys.',
    access: 'orders.read',
    kind: 'read',
    input: z.object({ report: z.enum(reportIds), filters: reportFilters, sort: z.object({ key: z.string(), dir: z.enum(['asc', 'desc']) }).nullable().default(null) }),
    output: reportResult,
  }),
  'reports.export': operation({
    summary: 'A report as CSV, XLSX or PDF (base64), with the same rows and totals as on screen.',
    access: 'orders.read',
    kind: 'read',
    input: z.object({ report: z.enum(reportIds), filters: reportFilters, format: z.enum(['csv', 'xlsx', 'pdf']) }),
    output: z.object({ filename: z.string(), mime: z.string(), base64: z.string() }),
  }),
};
