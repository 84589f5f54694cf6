import { describe, expect, it } from 'vitest';
import { addDays } from '../../../src-shared/dates';
import { createCustomer } from '../../../src-main/engine/customers/customer-service';
import { receivablesAgeing } from '../../../src-main/engine/receivables/customer-ledger';
import { customerFields } from '../../../src-shared/contract/customers';
import { engineContext } from '../../support/engine';
import { retailer } from '../../support/fixtures';

// The ageing buckets by invoice date against the days-since-invoice rule (0–30, 31–60, 61–90, over 90) at
// every edge, a bill dated after today, part-paid and over-credited bills, and a payer other than the sold-to.
describe('receivables ageing buckets', () => {
  it('put each open bill by whole days since its date, per payer, as days counted one by one would', () => {
    const ctx = engineContext(new Date('2026-11-22T10:00:00Z'));
    const { sqlite } = ctx.ledger;
    const today = '2026-11-22';
    const shop = createCustomer(ctx, customerFields.parse(retailer({ gstin: '' }))).id;
    const payer = createCustomer(ctx, customerFields.parse(retailer({ gstin: '', code: 'PAYER', name: 'Payer' }))).id;
    const insert = sqlite.prepare(
      `INSERT INTO invoices (number, customer_id, payer_id, invoice_date, due_date, total, paid, credited, status)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'posted')`,
    );
    const ages = [-2, 0, 30, 31, 60, 61, 90, 91, 400];
    ages.forEach((age, n) => {
      const date = addDays(today, -age);
      insert.run(`A${n}`, shop, null, date, date, 1000 + n, 0, 0);
      insert.run(`B${n}`, shop, payer, date, date, 5000 + n, 1000, 0); // part-paid, owed by the payer
      insert.run(`C${n}`, shop, null, date, date, 700, 300, 500); // over-credited: owes nothing
    });
    const bucket = (age: number) => (age <= 30 ? 'd0' : age <= 60 ? 'd31' : age <= 90 ? 'd61' : 'd90');
    const expected = (base: number) => {
      const row = { d0: 0, d31: 0, d61: 0, d90: 0, total: 0 };
      ages.forEach((age, n) => {
        row[bucket(age)] += base + n;
        row.total += base + n;
      });
      return row;
    };
    const { rows, totals } = receivablesAgeing(ctx, { customerId: null });
    expect(rows.map(({ customerId, d0, d31, d61, d90, total }) => ({ customerId, d0, d31, d61, d90, total }))).toEqual([
      { customerId: payer, ...expected(4000) },
      { customerId: shop, ...expected(1000) },
    ]);
    expect(totals.total).toBe(expected(4000).total + expected(1000).total);
    expect(receivablesAgeing(ctx, { customerId: shop }).rows).toEqual([rows[1]]);
  });
});
