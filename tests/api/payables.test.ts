import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { snapshot, startTestServer, type TestClient, type TestServer } from '../support/test-server';
import type { OutputOf } from '../../src-shared/contract';
import { buildBuyingWorld, handWorkedInvoice } from '../support/purchasing-world';

type Entry = OutputOf<'payables.ledger'>['entries'][number];
type Open = OutputOf<'payables.openInvoices'>[number];

let server: TestServer;
let admin: TestClient;
beforeAll(async () => {
  server = await startTestServer();
  admin = await server.admin();
});
afterAll(() => server.close());

describe('TDS under section 194Q', () => {
  it('deducts 0.1% of the part of the year’s purchases past ₹50 lakh, when the invoice is booked', async () => {
    const w = await buildBuyingWorld(admin, { tds194q: true });
    const invoice = (no: string, invoiceDate: string, quantity: number, rate: number) =>
      admin.ok('purchaseInvoices.post', {
        supplierId: w.local,
        supplierInvoiceNo: no,
        invoiceDate,
        warehouseId: w.warehouseId,
        lines: [{ productId: w.tea, batchNo: 'T9', expiresOn: '2028-01-01', quantity, rate }],
      });
    // Last year's purchases do not count towards this year's ₹50 lakh.
    const lastYear = await invoice('TDS/0', '2026-03-31', 1000, 4_900_00);
    expect(lastYear.totals.tds).toBe(0);
    // ₹49,00,000: under the threshold, nothing deducted
    const first = await invoice('TDS/1', '2026-05-10', 1000, 4_900_00);
    expect(first.totals).toMatchObject({ taxable: 49_00_000_00, tds: 0 });
    // ₹3,00,000 more: ₹2,00,000 of it is past ₹50 lakh → 0.1% = ₹200.00 (GST is not part of the value)
    const second = await invoice('TDS/2', '2026-11-02', 100, 3_000_00);
    expect(second.totals).toMatchObject({ taxable: 3_00_000_00, tds: 200_00 });
    // and everything after it bears TDS in full: 0.1% of ₹12,345.67 = 12.34567 → ₹12.35
    const third = await invoice('TDS/3', '2026-11-03', 1, 12_345_67);
    expect(third.totals.tds).toBe(12_35);
    const ledger = await admin.ok('payables.ledger', { supplierId: w.local, from: '2026-11-01', to: '2026-11-30' });
    expect(ledger.entries.filter((e: Entry) => e.kind === 'tds').map((e: Entry) => e.debit)).toEqual([200_00, 12_35]);
    const tds = await admin.ok('payables.tds', { from: '2026-11-01', to: '2026-11-30' });
    expect(tds.rows).toEqual([expect.objectContaining({ supplierId: w.local, tds: 212_35 })]);
    expect(tds.total).toBe(212_35);
    // What is left to pay on an invoice is its total less the TDS kept back.
    const open = await admin.ok('payables.openInvoices', { supplierId: w.local });
    expect(open.find((o: Open) => o.id === second.id)).toMatchObject({
      total: second.totals.total,
      due: second.totals.total - 200_00,
    });
    // Cancelling reverses the deduction.
    await admin.ok('purchaseInvoices.cancel', { id: third.id, reason: 'wrong rate' });
    expect((await admin.ok('payables.tds', { from: '2026-11-01', to: '2026-11-30' })).total).toBe(200_00);
  });

  it('deducts nothing from a supplier not marked for it', async () => {
    const w = await buildBuyingWorld(admin, { tds194q: false });
    const big = await admin.ok('purchaseInvoices.post', {
      supplierId: w.local,
      supplierInvoiceNo: 'BIG/1',
      invoiceDate: '2026-11-01',
      warehouseId: w.warehouseId,
      lines: [{ productId: w.tea, batchNo: 'T9', expiresOn: '2028-01-01', quantity: 1000, rate: 6_000_00 }],
    });
    expect(big.totals.tds).toBe(0);
  });
});

describe('paying suppliers', () => {
  it('settles the invoices due first, keeps the running balance, and ages what is left', async () => {
    const w = await buildBuyingWorld(admin);
    const a = await admin.ok('purchaseInvoices.post', handWorkedInvoice(w, w.local, 'SR/1'));
    const b = await admin.ok('purchaseInvoices.post', {
      ...handWorkedInvoice(w, w.local, 'SR/2'),
      invoiceDate: '2026-11-21',
    });
    const accountant = await server.as('accountant');
    const paid = await accountant.ok('payables.pay', {
      supplierId: w.local,
      paidOn: '2026-11-22',
      mode: 'bank',
      reference: 'NEFT 4471',
      amount: 3000_00,
    });
    expect(paid).toMatchObject({
      number: expect.stringMatching(/^SPAY\/26-27\/\d{6}$/),
      allocated: 3000_00,
      onAccount: 0,
    });
    expect(paid.allocations).toEqual([
      { purchaseInvoiceId: a.id, amount: 2361_00 },
      { purchaseInvoiceId: b.id, amount: 639_00 },
    ]);
    const ledger = await admin.ok('payables.ledger', { supplierId: w.local, from: '2026-11-21', to: '2026-11-30' });
    expect(ledger.opening).toBe(2361_00);
    expect(ledger.entries.map((e: Entry) => [e.kind, e.debit, e.credit, e.balance])).toEqual([
      ['purchase_invoice', 0, 2361_00, 4722_00],
      ['supplier_payment', 3000_00, 0, 1722_00],
    ]);
    expect(ledger.entries[1]!.narration).toContain('NEFT 4471');
    // Chosen allocation, and the rest on account
    const chosen = await accountant.ok('payables.pay', {
      supplierId: w.local,
      paidOn: '2026-11-22',
      mode: 'cash',
      amount: 2000_00,
      allocations: [{ purchaseInvoiceId: b.id, amount: 1000_00 }],
    });
    expect(chosen).toMatchObject({ allocated: 1000_00, onAccount: 1000_00 });
    expect((await admin.ok('payables.openInvoices', { supplierId: w.local })).map((o: Open) => [o.id, o.due])).toEqual([
      [b.id, 722_00],
    ]);
    let ageing = await admin.ok('payables.ageing', { supplierId: w.local });
    expect(ageing.rows).toEqual([expect.objectContaining({ notDue: 722_00, d0: 0, total: 722_00 })]);
    server.setToday('2027-01-10'); // 20 days past its due date (21 December)
    await admin.ok('auth.login', { username: 'admin', password: 'correct-horse' }); // November's session lapsed
    ageing = await admin.ok('payables.ageing', { supplierId: w.local });
    expect(ageing.rows).toEqual([expect.objectContaining({ notDue: 0, d0: 722_00, d31: 0, total: 722_00 })]);
    server.setToday('2026-11-22');
    // A paid invoice cannot be cancelled.
    const cancel = await admin.call('purchaseInvoices.cancel', { id: a.id, reason: 'mistake' });
    expect(cancel.status).toBe(409);
  });

  it('refuses an allocation beyond what is due, a bank payment without reference, and the billing clerk', async () => {
    const w = await buildBuyingWorld(admin);
    const a = await admin.ok('purchaseInvoices.post', handWorkedInvoice(w, w.local, 'SR/9'));
    const pay = {
      supplierId: w.local,
      paidOn: '2026-11-22',
      mode: 'upi' as const,
      reference: 'UPI 1',
      amount: 5000_00,
    };
    const clerk = await server.as('billing_clerk');
    const before = snapshot(server.ledger);
    expect((await clerk.call('payables.pay', pay)).status).toBe(403);
    const over = await admin.call('payables.pay', {
      ...pay,
      allocations: [{ purchaseInvoiceId: a.id, amount: 2361_01 }],
    });
    expect(over.body.error).toMatchObject({
      field: 'allocations.0.amount',
      message: expect.stringContaining('₹2,361.00'),
    });
    const noRef = await admin.call('payables.pay', { ...pay, reference: '' });
    expect(noRef.body.error).toMatchObject({ field: 'reference' });
    const zero = await admin.call('payables.pay', { ...pay, amount: 0 });
    expect(zero.body.error).toMatchObject({ field: 'amount' });
    expect(snapshot(server.ledger)).toBe(before);
  });
});
