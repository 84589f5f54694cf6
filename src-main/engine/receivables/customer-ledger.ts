import { payerOf } from '../customers/parties';
import { addDays } from '../../../src-shared/dates';
import { businessToday } from '../business-date';
import type { EngineContext } from '../context';

export interface LedgerEntry {
  date: string;
  document: string;
  kind: 'invoice' | 'payment' | 'tds' | 'credit_note' | 'invoice_cancelled' | 'payment_reversed';
  debit: number;
  credit: number;
  balance: number;
}

/**
 * Everything that changes what a customer owes, as the payer of its invoices (an invoice whose payer is another
 * customer, e.g. the retailer's distributor, is on that payer's account, not the sold-to's), as (date, document, debit, credit); TDS the buyer
 * deducted from a receipt is its own credit line under the receipt's number. Corrections
 * never rewrite the past: a cancelled invoice stays on its date and is credited back on the day it
 * was cancelled; a reversed receipt stays and is debited back on the day it was reversed.
 */
const ENTRIES = `
  SELECT invoice_date AS date, number AS document, 'invoice' AS kind, total AS debit, 0 AS credit, id AS seq FROM invoices i
    WHERE ${payerOf('i')} = @c AND status IN ('posted', 'cancelled')
  UNION ALL SELECT received_on, number, 'payment', 0, amount, 1000000000 + id FROM payments WHERE customer_id = @c
  UNION ALL SELECT received_on, number, 'tds', 0, tds, 1000000000 + id + 0.5 FROM payments WHERE customer_id = @c AND tds > 0
  UNION ALL SELECT substr(cn.posted_at, 1, 10), cn.number, 'credit_note', 0, cn.total, 2000000000 + cn.id
    FROM credit_notes cn JOIN invoices i ON i.id = cn.invoice_id WHERE ${payerOf('i')} = @c
  UNION ALL SELECT cancelled_on, number, 'invoice_cancelled', 0, total, 3000000000 + id FROM invoices i
    WHERE ${payerOf('i')} = @c AND status = 'cancelled'
  UNION ALL SELECT reversed_on, number, 'payment_reversed', amount + tds, 0, 4000000000 + id FROM payments WHERE customer_id = @c AND reversed_on IS NOT NULL`;

/**
 * A customer's account for a period: the balance brought forward, each invoice (debit), payment
 * and credit note (credit) with the running balance, and the closing balance. Positive = owed to us.
 */
export function customerLedger(ctx: EngineContext, input: { customerId: number; from: string; to: string }) {
  const { sqlite } = ctx.ledger;
  const opening = (
    sqlite
      .prepare(`SELECT coalesce(sum(debit - credit), 0) AS b FROM (${ENTRIES}) WHERE date < @from`)
      .get({ c: input.customerId, from: input.from }) as { b: number }
  ).b;
  const rows = sqlite
    .prepare(
      `SELECT date, document, kind, debit, credit FROM (${ENTRIES}) WHERE date >= @from AND date <= @to ORDER BY date, seq`,
    )
    .all({ c: input.customerId, from: input.from, to: input.to }) as Omit<LedgerEntry, 'balance'>[];
  let balance = opening;
  const entries = rows.map((r) => {
    balance += r.debit - r.credit;
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

export const ageingBuckets = ['0-30', '31-60', '61-90', '90+'] as const;

/**
 * Receivables ageing by the age of each unpaid bill (days since its invoice date), the way
 * distributors chase: 0–30, 31–60, 61–90, over 90. One row per payer with something owed.
 */
export function receivablesAgeing(ctx: EngineContext, input: { customerId: number | null }) {
  const today = businessToday(ctx);
  // The open invoices alone, from invoices_open_idx (covering: the `<>` term selects it), summed per payer
  // before the customer is looked up: at L 147k open of 588k posted invoices, 20k customers. Equal totals: the
  // later customer first, as the grouping by customer used to leave them.
  // A bill's age in whole days puts it in a bucket by its date alone: compared with the buckets' first days, not
  // a julianday() per invoice. (A bill dated after today is 0–30, as a negative age was.)
  const [d30, d60, d90] = [30, 60, 90].map((days) => addDays(today, -days));
  const rows = ctx.ledger.sqlite
    .prepare(
      `SELECT c.id AS customerId, c.code, c.name, a.d0, a.d31, a.d61, a.d90, a.total
       FROM (SELECT payer, sum(CASE WHEN invoice_date >= @d30 THEN due ELSE 0 END) AS d0,
                    sum(CASE WHEN invoice_date < @d30 AND invoice_date >= @d60 THEN due ELSE 0 END) AS d31,
                    sum(CASE WHEN invoice_date < @d60 AND invoice_date >= @d90 THEN due ELSE 0 END) AS d61,
                    sum(CASE WHEN invoice_date < @d90 THEN due ELSE 0 END) AS d90, sum(due) AS total
             FROM (SELECT ${payerOf('v')} AS payer, total - paid - credited AS due, invoice_date
                   FROM invoices v INDEXED BY invoices_open_idx
                   WHERE status = 'posted' AND total <> paid + credited AND total > paid + credited
                   ${input.customerId ? `AND ${payerOf('v')} = @customerId` : ''})
             GROUP BY payer) a
       JOIN customers c ON c.id = a.payer ORDER BY a.total DESC, a.payer DESC LIMIT 5000`,
    )
    .all({ d30, d60, d90, ...(input.customerId ? { customerId: input.customerId } : {}) }) as {
    customerId: number;
    code: string;
    name: string;
    d0: number;
    d31: number;
    d61: number;
    d90: number;
    total: number;
  }[];
  const totals = rows.reduce(
    (t, r) => ({
      d0: t.d0 + r.d0,
      d31: t.d31 + r.d31,
      d61: t.d61 + r.d61,
      d90: t.d90 + r.d90,
      total: t.total + r.total,
    }),
    { d0: 0, d31: 0, d61: 0, d90: 0, total: 0 },
  );
  return { rows, totals };
}
