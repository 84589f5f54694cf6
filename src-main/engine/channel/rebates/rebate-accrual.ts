import { shareOf } from '../../../../src-shared/money';
import { businessToday } from '../../business-date';
import { isoNow, type EngineContext } from '../../context';
import { expectedAccrual } from './rebate-rules';
import { LINE_COUNTS, loadAgreement, standing, type AgreementRow } from './rebate-terms';

export interface EntryInput {
  agreementId: number;
  customerId: number;
  kind: 'accrual' | 'reversal' | 'true_up' | 'release';
  invoiceId?: number | null;
  creditNoteId?: number | null;
  value?: number;
  units?: number;
  amount: number;
  rate?: number;
  projected?: number;
  entryDate: string;
  note?: string;
}

export function insertEntry(ctx: EngineContext, e: EntryInput): number {
  return (
    ctx.ledger.sqlite
      .prepare(
        `INSERT INTO rebate_entries (agreement_id, customer_id, kind, invoice_id, credit_note_id, value, units, amount,
           rate, projected, entry_date, note, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
      )
      .get(
        e.agreementId,
        e.customerId,
        e.kind,
        e.invoiceId ?? null,
        e.creditNoteId ?? null,
        e.value ?? 0,
        e.units ?? 0,
        e.amount,
        e.rate ?? 0,
        e.projected ?? 0,
        e.entryDate,
        e.note ?? '',
        isoNow(ctx),
      ) as { id: number }
  ).id;
}

/**
 * In the invoice's posting transaction: for each active agreement whose period holds the invoice date and whose
 * scope holds its customer (the customer itself, its parent, or its type), accrue the invoice's share of what should
 * stand accrued at the tier the period is projected to reach. One query when no agreement applies.
 */
export function accrueInvoiceRebates(ctx: EngineContext, invoiceId: number): void {
  const { sqlite } = ctx.ledger;
  const found = sqlite
    .prepare(
      `SELECT a.id, i.customer_id AS buyerId, i.invoice_date AS invoiceDate,
              coalesce(sum(il.taxable), 0) AS value, coalesce(sum(il.quantity), 0) AS units
       FROM invoices i JOIN customers c ON c.id = i.customer_id
       JOIN rebate_agreements a ON a.status = 'active' AND i.invoice_date BETWEEN a.period_from AND a.period_to
         AND (a.customer_id = c.id OR a.customer_id = c.parent_id OR a.customer_type = c.type)
       JOIN invoice_lines il ON il.invoice_id = i.id JOIN products p ON p.id = il.product_id
       WHERE i.id = ? AND ${LINE_COUNTS} GROUP BY a.id ORDER BY a.id`,
    )
    .all(invoiceId) as { id: number; buyerId: number; invoiceDate: string; value: number; units: number }[];
  for (const hit of found) {
    if (hit.value <= 0 && hit.units <= 0) continue;
    const terms = loadAgreement(ctx, hit.id);
    const customerId = terms.customerId ?? hit.buyerId;
    const before = standing(ctx, terms.id, customerId);
    const after = { value: before.value + hit.value, units: before.units + hit.units };
    const expected = expectedAccrual(terms, after, hit.invoiceDate);
    const measure = terms.basis === 'value' ? 'value' : 'units';
    insertEntry(ctx, {
      agreementId: terms.id,
      customerId,
      kind: 'accrual',
      invoiceId,
      value: hit.value,
      units: hit.units,
      amount: after[measure] > 0 ? shareOf(expected.amount, hit[measure], after[measure]) : 0,
      rate: expected.rate,
      projected: expected.projected,
      entryDate: hit.invoiceDate,
      note: expected.explanation,
    });
  }
}

interface AccrualRow {
  id: number;
  agreementId: number;
  customerId: number;
  value: number;
  units: number;
  amount: number;
  rate: number;
}

const invoiceAccruals = (ctx: EngineContext, invoiceId: number) =>
  ctx.ledger.sqlite
    .prepare(
      `SELECT e.id, e.agreement_id AS agreementId, e.customer_id AS customerId, e.value, e.units, e.amount, e.rate
       FROM rebate_entries e JOIN rebate_agreements a ON a.id = e.agreement_id
       WHERE e.invoice_id = ? AND e.kind = 'accrual' AND a.status = 'active'
         AND NOT EXISTS (SELECT 1 FROM rebate_settlements s WHERE s.agreement_id = e.agreement_id
                         AND s.customer_id = e.customer_id)`,
    )
    .all(invoiceId) as AccrualRow[];

/** Takes back the invoice's share of accrual for what a credit note credited (by the measure the rate is paid on). */
function reverse(a: AgreementRow, accrual: AccrualRow, taken: { value: number; units: number }) {
  const measure = a.rateKind === 'bps' ? 'value' : 'units';
  const amount = accrual[measure] > 0 ? -shareOf(accrual.amount, taken[measure], accrual[measure]) : 0;
  return { value: -taken.value, units: -taken.units, amount, rate: accrual.rate };
}

/**
 * In a credit note's posting transaction (returns and price differences; a rebate's own credit notes are not
 * purchases): the credited value and units leave the achieved basis and the invoice's accrual shrinks with them.
 * A credit note after the customer's settlement changes nothing here: that period is closed.
 */
export function reverseRebatesForCreditNote(ctx: EngineContext, creditNoteId: number): void {
  const { sqlite } = ctx.ledger;
  const note = sqlite.prepare('SELECT invoice_id AS invoiceId FROM credit_notes WHERE id = ?').get(creditNoteId) as {
    invoiceId: number;
  };
  for (const accrual of invoiceAccruals(ctx, note.invoiceId)) {
    const a = loadAgreement(ctx, accrual.agreementId);
    const taken = sqlite
      .prepare(
        `SELECT coalesce(sum(cl.taxable), 0) AS value, coalesce(sum(cl.quantity), 0) AS units
         FROM credit_note_lines cl JOIN invoice_lines il ON il.id = cl.invoice_line_id
         JOIN products p ON p.id = il.product_id JOIN rebate_agreements a ON a.id = ?
         WHERE cl.credit_note_id = ? AND ${LINE_COUNTS}`,
      )
      .get(a.id, creditNoteId) as { value: number; units: number };
    if (taken.value === 0 && taken.units === 0) continue;
    insertEntry(ctx, {
      agreementId: a.id,
      customerId: accrual.customerId,
      kind: 'reversal',
      invoiceId: note.invoiceId,
      creditNoteId,
      ...reverse(a, accrual, taken),
      entryDate: businessToday(ctx),
      note: 'Credit note took value back',
    });
  }
}

/** A cancelled invoice was never a purchase: its accrual (less what credit notes already took) goes back. */
export function reverseRebatesForCancelledInvoice(ctx: EngineContext, invoiceId: number): void {
  for (const accrual of invoiceAccruals(ctx, invoiceId)) {
    const left = ctx.ledger.sqlite
      .prepare(
        `SELECT coalesce(sum(value), 0) AS value, coalesce(sum(units), 0) AS units, coalesce(sum(amount), 0) AS amount
         FROM rebate_entries WHERE invoice_id = ? AND agreement_id = ? AND kind IN ('accrual', 'reversal')`,
      )
      .get(invoiceId, accrual.agreementId) as { value: number; units: number; amount: number };
    insertEntry(ctx, {
      agreementId: accrual.agreementId,
      customerId: accrual.customerId,
      kind: 'reversal',
      invoiceId,
      value: -left.value,
      units: -left.units,
      amount: -left.amount,
      rate: accrual.rate,
      entryDate: businessToday(ctx),
      note: 'Invoice cancelled',
    });
  }
}
