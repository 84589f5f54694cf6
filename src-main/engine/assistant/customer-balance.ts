import { formatMoney } from '../../../src-shared/money';
import { businessToday } from '../business-date';
import type { EngineContext } from '../context';
import { customerLedger } from '../receivables/customer-ledger';
import { payerOf } from '../customers/parties';

/**
 * "How much does X owe": the account's closing balance (invoices less receipts and credit notes,
 * so money kept on account counts) and the part of it on bills past their due date.
 */
export function customerBalance(ctx: EngineContext, customerId: number) {
  const today = businessToday(ctx);
  const { sqlite } = ctx.ledger;
  const customer = sqlite.prepare('SELECT name, code FROM customers WHERE id = ?').get(customerId) as {
    name: string;
    code: string;
  };
  const balance = customerLedger(ctx, { customerId, from: '0001-01-01', to: today }).closing;
  const overdue = (
    sqlite
      .prepare(
        `SELECT coalesce(sum(total - paid - credited), 0) AS due FROM invoices i
         WHERE ${payerOf('i')} = ? AND status = 'posted' AND due_date < ? AND total > paid + credited`,
      )
      .get(customerId, today) as { due: number }
  ).due;
  const owes =
    balance > 0
      ? `owes ${formatMoney(balance)}`
      : balance < 0
        ? `has ${formatMoney(-balance)} in advance`
        : 'owes nothing';
  const late = overdue > 0 ? `; ${formatMoney(overdue)} of it is overdue` : balance > 0 ? '; nothing is overdue' : '';
  return {
    balance: { customerId, customer: customer.name, code: customer.code, balance, overdue },
    message: `${customer.name} (${customer.code}) ${owes}${late}.`,
  };
}
