import { describe, expect, it } from 'vitest';
import { createCustomer } from '../../../src-main/engine/customers/customer-service';
import { receivablesAsOf } from '../../../src-main/engine/summaries/receivables-by-due-date';
import { openLedger } from '../../../src-main/ledger/open-ledger';
import { customerFields } from '../../../src-shared/contract/customers';
import { engineContext } from '../../support/engine';
import { retailer } from '../../support/fixtures';

// The random histories of order-milestones.property.test.ts check the rows against the open invoices after
// posting, payments, reversals, credit notes and cancellation; here, each trigger alone and the fill at open.
describe('what is owed per due date', () => {
  it('follows posting, payment, credit, cancellation, re-dating and deletes, and is filled at open when empty', () => {
    const ctx = engineContext();
    const { sqlite, file } = ctx.ledger;
    const customerId = createCustomer(ctx, customerFields.parse(retailer({ gstin: '' }))).id;
    const insert = sqlite.prepare(
      `INSERT INTO invoices (number, customer_id, invoice_date, due_date, total, paid, credited, status)
       VALUES (?, ?, '2026-10-01', ?, ?, ?, 0, ?)`,
    );
    const add = (n: string, due: string, total: number, paid: number, status = 'posted') =>
      Number(insert.run(n, customerId, due, total, paid, status).lastInsertRowid);
    const a = add('I1', '2026-10-31', 1000, 0);
    const b = add('I2', '2026-11-30', 500, 100);
    const c = add('I3', '2026-10-31', 300, 300); // settled: owes nothing
    const d = add('I4', '2026-12-15', 700, 0, 'draft');
    const asOf = () => receivablesAsOf(sqlite, '2026-11-22');
    expect(asOf()).toEqual({ outstanding: 1400, overdue: 1000, overdueInvoices: 1 });
    sqlite.prepare('UPDATE invoices SET paid = 400 WHERE id = ?').run(a);
    sqlite.prepare('UPDATE invoices SET credited = 400 WHERE id = ?').run(b); // over-credited: not owed
    sqlite.prepare("UPDATE invoices SET status = 'posted' WHERE id = ?").run(d);
    sqlite.prepare("UPDATE invoices SET due_date = '2026-11-01' WHERE id = ?").run(d);
    sqlite.prepare('UPDATE invoices SET paid = 0 WHERE id = ?').run(c); // a reversed receipt
    expect(asOf()).toEqual({ outstanding: 600 + 700 + 300, overdue: 1600, overdueInvoices: 3 });
    sqlite.prepare("UPDATE invoices SET status = 'cancelled' WHERE id = ?").run(a);
    sqlite.prepare('DELETE FROM invoices WHERE id = ?').run(c);
    expect(asOf()).toEqual({ outstanding: 700, overdue: 700, overdueInvoices: 1 });

    // A ledger migrated to the table but with nothing in it: the next open sums the open invoices.
    sqlite.exec('DELETE FROM receivables_by_due_date');
    ctx.ledger.close();
    const reopened = openLedger(file, { backup: false });
    expect(receivablesAsOf(reopened.sqlite, '2026-11-22')).toEqual({
      outstanding: 700,
      overdue: 700,
      overdueInvoices: 1,
    });
    reopened.close();
  });
});
