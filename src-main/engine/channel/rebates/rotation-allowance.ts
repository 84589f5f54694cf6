import type { z } from 'zod';
import type { allowanceFields } from '../../../../src-shared/contract/channel-rebates';
import { applyBasisPoints, formatMoney } from '../../../../src-shared/money';
import { recordAudit } from '../../audit';
import { postCreditNote } from '../../billing/credit-notes';
import { businessToday } from '../../business-date';
import { isoNow, type EngineContext } from '../../context';
import { invalid, notFound } from '../../errors';

export function saveAllowance(ctx: EngineContext, input: z.output<typeof allowanceFields>): { id: number } {
  const { sqlite } = ctx.ledger;
  if (input.periodTo < input.periodFrom) throw invalid('The period ends before it starts', 'periodTo');
  if (input.customerId !== null && !sqlite.prepare('SELECT 1 FROM customers WHERE id = ?').get(input.customerId))
    throw notFound(`Customer ${input.customerId}`, 'customerId');
  if (input.customerType && !sqlite.prepare('SELECT 1 FROM customer_types WHERE code = ?').get(input.customerType))
    throw notFound('That customer type', 'customerType');
  const { id } = sqlite
    .prepare(
      `INSERT INTO return_allowances (customer_id, customer_type, allowance_bps, period_from, period_to, created_at)
       VALUES (?, ?, ?, ?, ?, ?) RETURNING id`,
    )
    .get(
      input.customerId,
      input.customerType || null,
      input.allowanceBps,
      input.periodFrom,
      input.periodTo,
      isoNow(ctx),
    ) as { id: number };
  recordAudit(ctx, 'create', 'return_allowance', id, input);
  return { id };
}

export interface AllowanceStanding {
  allowanceId: number;
  bps: number;
  purchases: number;
  allowed: number;
  used: number;
  left: number;
}

/**
 * The allowance that covers a customer on `day` (its own before its type's), and what is left of it: the allowance %
 * of the taxable value of its invoices dated in the period, less the rotation returns already taken under it.
 */
export function allowanceStanding(ctx: EngineContext, customerId: number, day: string): AllowanceStanding | null {
  const { sqlite } = ctx.ledger;
  const allowance = sqlite
    .prepare(
      `SELECT a.id, a.allowance_bps AS bps, a.period_from AS periodFrom, a.period_to AS periodTo
       FROM return_allowances a JOIN customers c ON c.id = ?
       WHERE ? BETWEEN a.period_from AND a.period_to AND (a.customer_id = c.id OR a.customer_type = c.type)
       ORDER BY a.customer_id IS NULL, a.id DESC LIMIT 1`,
    )
    .get(customerId, day) as { id: number; bps: number; periodFrom: string; periodTo: string } | undefined;
  if (!allowance) return null;
  const { purchases, used } = sqlite
    .prepare(
      `SELECT (SELECT coalesce(sum(taxable), 0) FROM invoices WHERE customer_id = @c AND status = 'posted'
                 AND invoice_date BETWEEN @from AND @to) AS purchases,
              (SELECT coalesce(sum(value), 0) FROM rotation_returns WHERE allowance_id = @a AND customer_id = @c) AS used`,
    )
    .get({ c: customerId, from: allowance.periodFrom, to: allowance.periodTo, a: allowance.id }) as {
    purchases: number;
    used: number;
  };
  const allowed = applyBasisPoints(purchases, allowance.bps);
  return { allowanceId: allowance.id, bps: allowance.bps, purchases, allowed, used, left: allowed - used };
}

/**
 * A retailer sends slow stock back under its rotation allowance: the goods come back into their batch through a
 * return credit note (the existing returns path), and its taxable value is counted against the allowance. A return
 * over what is left is refused with both figures, and nothing is written.
 */
export function rotationReturn(
  ctx: EngineContext,
  input: { invoiceId: number; reason: string; lines: { invoiceLineId: number; quantity: number }[] },
) {
  const { sqlite } = ctx.ledger;
  const invoice = sqlite
    .prepare(
      'SELECT i.customer_id AS customerId, c.name FROM invoices i JOIN customers c ON c.id = i.customer_id WHERE i.id = ?',
    )
    .get(input.invoiceId) as { customerId: number; name: string } | undefined;
  if (!invoice) throw notFound(`Invoice ${input.invoiceId}`, 'invoiceId');
  const today = businessToday(ctx);
  const standing = allowanceStanding(ctx, invoice.customerId, today);
  if (!standing) throw invalid(`${invoice.name} has no stock rotation allowance on ${today}`, 'invoiceId');
  // A savepoint: the credit note is worked out by the returns path itself, then undone if it is over the allowance.
  return sqlite.transaction(() => {
    const note = postCreditNote(ctx, {
      invoiceId: input.invoiceId,
      kind: 'return',
      reason: `Stock rotation: ${input.reason}`,
      lines: input.lines.map((l) => ({ ...l, restock: 'sellable' as const, taxable: 0 })),
    });
    if (note.taxable > standing.left)
      throw invalid(
        `Stock rotation allowance ${formatMoney(Math.max(0, standing.left))} left, this return ${formatMoney(note.taxable)}`,
        'lines',
      );
    const { id } = sqlite
      .prepare(
        `INSERT INTO rotation_returns (allowance_id, customer_id, credit_note_id, return_date, value)
         VALUES (?, ?, ?, ?, ?) RETURNING id`,
      )
      .get(standing.allowanceId, invoice.customerId, note.id, today, note.taxable) as { id: number };
    recordAudit(ctx, 'rotation_return', 'rotation_return', id, { creditNote: note.number, value: note.taxable });
    return { creditNoteId: note.id, number: note.number, value: note.taxable, left: standing.left - note.taxable };
  })();
}
