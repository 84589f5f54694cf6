import { businessToday } from '../business-date';
import { indiaStates } from '../../../src-shared/india-states';
import { roleCan } from '../../../src-shared/permissions';
import type { EngineContext } from '../context';
import { DomainError } from '../errors';
import { exportFile } from '../reports/export-report';
import { runReport, type ReportId } from '../reports/report-registry';
import { periodFilters, type ReportFilters } from '../reports/report-types';
import { customerBalance } from './customer-balance';
import { understand, type AssistantQuery, type Vocabulary } from './understand';

function vocabulary(ctx: EngineContext): Vocabulary {
  const { sqlite } = ctx.ledger;
  return {
    customers: sqlite
      .prepare("SELECT id, code, name FROM customers WHERE code <> 'CASH'")
      .all() as Vocabulary['customers'],
    cities: (
      sqlite.prepare("SELECT DISTINCT bill_city AS c FROM customers WHERE bill_city <> ''").all() as { c: string }[]
    ).map((r) => r.c),
    states: indiaStates.map(([code, name]) => ({ code, name })),
    products: sqlite
      .prepare("SELECT id, sku, name FROM products WHERE status = 'active'")
      .all() as Vocabulary['products'],
    brands: (sqlite.prepare("SELECT DISTINCT brand AS b FROM products WHERE brand <> ''").all() as { b: string }[]).map(
      (r) => r.b,
    ),
    categories: (
      sqlite.prepare("SELECT DISTINCT category AS c FROM products WHERE category <> ''").all() as { c: string }[]
    ).map((r) => r.c),
  };
}

function orderRows(ctx: EngineContext, q: Extract<AssistantQuery, { kind: 'orders' }>) {
  const where: string[] = [];
  const params: unknown[] = [];
  const add = (sql: string, ...p: unknown[]) => {
    where.push(sql);
    params.push(...p);
  };
  if (q.statuses.length) add(`o.status IN (${q.statuses.map(() => '?').join(',')})`, ...q.statuses);
  if (q.customerId) add('o.customer_id = ?', q.customerId);
  if (q.city) add('c.bill_city = ? COLLATE NOCASE', q.city);
  if (q.stateCode) add('c.bill_state_code = ?', q.stateCode);
  if (q.productId) add('o.id IN (SELECT order_id FROM order_lines WHERE product_id = ?)', q.productId);
  if (q.from) add('o.order_date >= ?', q.from);
  if (q.to) add('o.order_date <= ?', q.to);
  if (q.mine)
    add(
      '(o.created_by = ? OR o.customer_id IN (SELECT customer_id FROM customer_users WHERE user_id = ?))',
      ctx.actor!.id,
      ctx.actor!.id,
    );
  return ctx.ledger.sqlite
    .prepare(
      `SELECT o.id, coalesce(o.number, 'draft #' || o.id) AS number, o.order_date AS date, c.name AS customer, c.bill_city AS city, o.status, o.total
       FROM orders o JOIN customers c ON c.id = o.customer_id ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY o.id DESC LIMIT 200`,
    )
    .all(...params) as {
    id: number;
    number: string;
    date: string;
    customer: string;
    city: string;
    status: string;
    total: number;
  }[];
}

function invoiceRows(ctx: EngineContext, q: Extract<AssistantQuery, { kind: 'invoices' }>) {
  const today = businessToday(ctx);
  const where = ["i.status = 'posted'"];
  const params: unknown[] = [];
  if (q.unpaid) where.push('i.total > i.paid + i.credited');
  if (q.overdue) {
    where.push('i.due_date < ?');
    params.push(today);
  }
  if (q.customerId) {
    where.push('i.customer_id = ?');
    params.push(q.customerId);
  }
  if (q.from) {
    where.push('i.invoice_date >= ?');
    params.push(q.from);
  }
  if (q.to) {
    where.push('i.invoice_date <= ?');
    params.push(q.to);
  }
  return ctx.ledger.sqlite
    .prepare(
      `SELECT i.id, i.number, i.invoice_date AS date, c.name AS customer, i.total, i.total - i.paid - i.credited AS due, i.due_date AS dueDate
       FROM invoices i JOIN customers c ON c.id = i.customer_id WHERE ${where.join(' AND ')} ORDER BY i.due_date, i.id LIMIT 200`,
    )
    .all(...params) as {
    id: number;
    number: string;
    date: string;
    customer: string;
    total: number;
    due: number;
    dueDate: string;
  }[];
}

/**
 * The assistant, offline: understand the question against the ledger's own names, then answer
 * with the same lists and reports the screens use, within the user's permissions.
 */
export async function ask(ctx: EngineContext, question: string) {
  const u = understand(question, vocabulary(ctx), businessToday(ctx));
  if (!u.ok)
    return {
      understood: [] as string[],
      message: u.message,
      suggestions: u.suggestions,
      query: null,
      orders: null,
      invoices: null,
      report: null,
      file: null,
      balance: null,
    };
  const q = u.query;
  const role = ctx.actor!.role;
  const base = {
    understood: u.explanation,
    message: '',
    suggestions: [] as string[],
    query: q,
    orders: null,
    invoices: null,
    report: null,
    file: null,
    balance: null,
  };
  if (q.kind === 'orders') return { ...base, orders: orderRows(ctx, q) };
  if (q.kind === 'invoices' || q.kind === 'balance') {
    if (!roleCan(role, 'billing.read')) throw new DomainError('forbidden', 'Your role cannot see invoices');
    if (q.kind === 'invoices') return { ...base, invoices: invoiceRows(ctx, q) };
    const unpaid = invoiceRows(ctx, {
      kind: 'invoices',
      overdue: false,
      unpaid: true,
      customerId: q.customerId,
      from: null,
      to: null,
    });
    return { ...base, ...customerBalance(ctx, q.customerId), invoices: unpaid };
  }
  if (q.report === 'receivables_ageing' && !roleCan(role, 'billing.read'))
    throw new DomainError('forbidden', 'Your role cannot see receivables');
  const asked = q.filters as Partial<ReportFilters> & { from: string; to: string };
  const filters = periodFilters(asked.from, asked.to, asked);
  const report = runReport(ctx, q.report as ReportId, filters, null);
  const file = q.format
    ? await exportFile(
        ctx,
        report,
        q.format,
        `${q.report}-${filters.from}-${filters.to}`,
        `${filters.from} to ${filters.to}`,
      )
    : null;
  return { ...base, report, file };
}
