import { businessToday } from '../business-date';
import type { EngineContext } from '../context';
import { notFound } from '../errors';

function assertSupplier(ctx: EngineContext, supplierId: number): void {
  if (!ctx.ledger.sqlite.prepare('SELECT 1 FROM suppliers WHERE id = ?').get(supplierId))
    throw notFound(`Supplier ${supplierId}`, 'supplierId');
}

/**
 * A supplier's account for a period from `supplier_ledger`: invoices credit it, payments, TDS and cancellations
 * debit it. Positive balance = owed to the supplier. Corrections never rewrite the past: a cancelled invoice
 * stays on its date and is debited back on the day it was cancelled.
 */
export function supplierLedger(ctx: EngineContext, input: { supplierId: number; from: string; to: string }) {
  assertSupplier(ctx, input.supplierId);
  const { sqlite } = ctx.ledger;
  const opening = (
    sqlite
      .prepare('SELECT coalesce(sum(credit - debit), 0) AS b FROM supplier_ledger WHERE supplier_id = ? AND date < ?')
      .get(input.supplierId, input.from) as { b: number }
  ).b;
  const rows = sqlite
    .prepare(
      `SELECT date, kind, number, narration, due_on AS dueOn, debit, credit FROM supplier_ledger
       WHERE supplier_id = ? AND date BETWEEN ? AND ? ORDER BY date, id`,
    )
    .all(input.supplierId, input.from, input.to) as {
    date: string;
    kind: string;
    number: string;
    narration: string;
    dueOn: string | null;
    debit: number;
    credit: number;
  }[];
  let balance = opening;
  const entries = rows.map((r) => {
    balance += r.credit - r.debit;
    return { ...r, balance };
  });
  return {
    opening,
    entries,
    closing: balance,
    debits: rows.reduce((s, r) => s + r.debit, 0),
    credits: rows.reduce((s, r) => s + r.credit, 0),
  };
}

/** What is still to pay on each invoice: the total less the TDS kept back and what has been paid. */
export function openPurchaseInvoices(ctx: EngineContext, supplierId: number) {
  assertSupplier(ctx, supplierId);
  return ctx.ledger.sqlite
    .prepare(
      `SELECT id, number, supplier_invoice_no AS supplierInvoiceNo, invoice_date AS invoiceDate, due_on AS dueOn,
         total, tds, paid, total - tds - paid AS due
       FROM purchase_invoices WHERE supplier_id = ? AND status = 'posted' AND total - tds - paid > 0
       ORDER BY due_on, invoice_date, id`,
    )
    .all(supplierId) as {
    id: number;
    number: string;
    supplierInvoiceNo: string;
    invoiceDate: string;
    dueOn: string;
    total: number;
    tds: number;
    paid: number;
    due: number;
  }[];
}

/** Payables by how late they are: not yet due, then days past the due date in the receivables' buckets. */
export function payablesAgeing(ctx: EngineContext, input: { supplierId: number | null }) {
  const rows = ctx.ledger.sqlite
    .prepare(
      `SELECT s.id AS supplierId, s.code, s.name,
         sum(CASE WHEN late <= 0 THEN due ELSE 0 END) AS notDue,
         sum(CASE WHEN late BETWEEN 1 AND 30 THEN due ELSE 0 END) AS d0,
         sum(CASE WHEN late BETWEEN 31 AND 60 THEN due ELSE 0 END) AS d31,
         sum(CASE WHEN late BETWEEN 61 AND 90 THEN due ELSE 0 END) AS d61,
         sum(CASE WHEN late > 90 THEN due ELSE 0 END) AS d90,
         sum(due) AS total
       FROM (SELECT supplier_id, total - tds - paid AS due,
               CAST(julianday(@today) - julianday(due_on) AS INTEGER) AS late
             FROM purchase_invoices WHERE status = 'posted' AND total - tds - paid > 0
               AND (@supplierId IS NULL OR supplier_id = @supplierId)) i
       JOIN suppliers s ON s.id = i.supplier_id GROUP BY s.id ORDER BY total DESC`,
    )
    .all({ today: businessToday(ctx), supplierId: input.supplierId }) as {
    supplierId: number;
    code: string;
    name: string;
    notDue: number;
    d0: number;
    d31: number;
    d61: number;
    d90: number;
    total: number;
  }[];
  const keys = ['notDue', 'd0', 'd31', 'd61', 'd90', 'total'] as const;
  const totals = Object.fromEntries(keys.map((k) => [k, rows.reduce((s, r) => s + r[k], 0)])) as Record<
    (typeof keys)[number],
    number
  >;
  return { rows, totals };
}

/** TDS under 194Q deducted in a period, per supplier, net of reversals: what is payable to the government. */
export function tdsPayable(ctx: EngineContext, input: { from: string; to: string }) {
  const rows = ctx.ledger.sqlite
    .prepare(
      `SELECT s.id AS supplierId, s.name, s.gstin, sum(l.debit - l.credit) AS tds
       FROM supplier_ledger l JOIN suppliers s ON s.id = l.supplier_id
       WHERE l.kind = 'tds' AND l.date BETWEEN ? AND ? GROUP BY s.id HAVING tds <> 0 ORDER BY s.name`,
    )
    .all(input.from, input.to) as { supplierId: number; name: string; gstin: string; tds: number }[];
  return { rows, total: rows.reduce((s, r) => s + r.tds, 0) };
}
