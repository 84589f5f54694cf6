import { z } from 'zod';
import { operation } from './define';
import { cursor, id, isoDate } from './common';

export const reportIds = [
  'order_summary',
  'customer_orders',
  'sales_performance',
  'customer_performance',
  'product_contribution',
  'scheme_performance',
  'delivery_register',
  'pending_orders',
  'booking_billing_backlog',
  'on_time_delivery',
  'order_to_cash',
  'receivables_ageing',
] as const;

export const reportFilters = z
  .object({
    from: isoDate,
    to: isoDate,
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
  columns: z.array(
    z.object({ key: z.string(), label: z.string(), type: z.enum(['text', 'money', 'int', 'pct', 'date', 'days']) }),
  ),
  rows: z.array(z.record(z.string(), cell)),
  totals: z.record(z.string(), z.number().nullable()),
  drill: z
    .object({ key: z.string(), kind: z.enum(['order', 'invoice', 'customer', 'product', 'delivery_note']) })
    .nullable(),
  notes: z.array(z.string()),
  /** figures over every row, for the reports that return one page of rows (on-time, order-to-cash) */
  summary: z
    .array(
      z.object({
        key: z.string(),
        label: z.string(),
        value: z.number().nullable(),
        type: z.enum(['int', 'pct', 'days']),
      }),
    )
    .optional(),
  /** a paged report: rows in all, and the cursor of the next page (null on the last) */
  page: z.object({ total: z.int(), next: cursor.nullable() }).optional(),
});
export type ReportResultOut = z.output<typeof reportResult>;

export const dashboardData = z.object({
  today: z.string(),
  tiles: z.array(z.object({ key: z.string(), label: z.string(), status: z.string(), count: z.int(), value: z.int() })),
  outstanding: z.int(),
  overdue: z.int(),
  overdueInvoices: z.int(),
  salesToday: z.int(),
  salesMonth: z.int(),
  trend: z.array(z.object({ period: z.string(), billed: z.int() })),
  topCustomers: z.array(z.object({ id, name: z.string(), billed: z.int() })),
  productContribution: z.array(z.object({ id: z.int(), name: z.string(), taxable: z.int() })),
  schemeCost: z.array(z.object({ name: z.string(), cost: z.int() })),
  activity: z.array(
    z.object({
      at: z.string(),
      who: z.string(),
      orderId: id,
      orderNumber: z.string(),
      customer: z.string(),
      message: z.string(),
    }),
  ),
});

export const assistantAnswer = z.object({
  understood: z.array(z.string()),
  message: z.string(),
  suggestions: z.array(z.string()),
  /** the structured query: what an optional LLM endpoint would have to propose instead */
  query: z.record(z.string(), z.unknown()).nullable(),
  orders: z
    .array(
      z.object({
        id,
        number: z.string(),
        date: z.string(),
        customer: z.string(),
        city: z.string(),
        status: z.string(),
        total: z.int(),
      }),
    )
    .nullable(),
  invoices: z
    .array(
      z.object({
        id,
        number: z.string(),
        date: z.string(),
        customer: z.string(),
        total: z.int(),
        due: z.int(),
        dueDate: z.string(),
      }),
    )
    .nullable(),
  report: reportResult.nullable(),
  file: z.object({ filename: z.string(), mime: z.string(), base64: z.string() }).nullable(),
  /** "how much does X owe": the account balance (positive = owed to us) and the overdue part */
  balance: z
    .object({ customerId: id, customer: z.string(), code: z.string(), balance: z.int(), overdue: z.int() })
    .nullable()
    .default(null),
});

export const reportOperations = {
  'assistant.ask': operation({
    summary:
      'The offline assistant: a question in plain words → how it was understood, and the list or report that answers it (with its export when asked); unknown or ambiguous questions get suggestions.',
    access: 'orders.read',
    kind: 'read',
    runs: 'worker',
    input: z.object({ question: z.string().trim().min(1, 'Ask a question').max(300) }),
    output: assistantAnswer,
  }),
  'dashboard.get': operation({
    summary:
      'The dashboard: orders by stage (count and value), outstanding and overdue, billing today and this month, trend, top customers, product contribution, scheme cost, recent activity.',
    access: 'orders.read',
    kind: 'read',
    runs: 'worker',
    input: z.object({ trend: z.enum(['day', 'week', 'month']).default('day') }),
    output: dashboardData,
  }),
  'reports.available': operation({
    summary:
      "The reports the caller's role may run (each report needs its own permission); the Reports screen offers only these.",
    access: 'orders.read',
    kind: 'read',
    input: z.object({}),
    output: z.array(z.enum(reportIds)),
  }),
  'reports.run': operation({
    summary:
      'Runs a report over the ledger with filters (dates, customer, type, geography, warehouse, product/brand/category, clerk), sorted; rows, totals and drill-down keys. On-time delivery and order-to-cash answer their figures over every order and 200 rows at a time (`page.next` → `after`); their export has every row.',
    access: 'orders.read',
    kind: 'read',
    runs: 'worker',
    input: z.object({
      report: z.enum(reportIds),
      filters: reportFilters,
      sort: z
        .object({ key: z.string(), dir: z.enum(['asc', 'desc']) })
        .nullable()
        .default(null),
      /** the next page of a paged report: `page.next` of the previous answer */
      after: cursor.nullable().default(null),
    }),
    output: reportResult,
  }),
  'reports.export': operation({
    summary: 'A report as CSV, XLSX or PDF (base64), with the same rows and totals as on screen.',
    access: 'orders.read',
    kind: 'read',
    runs: 'worker',
    input: z.object({ report: z.enum(reportIds), filters: reportFilters, format: z.enum(['csv', 'xlsx', 'pdf']) }),
    output: z.object({ filename: z.string(), mime: z.string(), base64: z.string() }),
  }),
};
