import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { snapshot, startTestServer, type TestClient, type TestServer } from '../support/test-server';
import { retailer } from '../support/fixtures';
import { buildWorld, pickEverything, setCompany, type World } from '../support/world';
import { parseTally, readVouchers, type ReadVoucher } from '../support/tally-read';

/*
 * The accountant's month in Tally: a retailer with an awkward name is billed at 18 % and 5 %, returns goods, pays
 * by UPI with TDS kept back, a cheque bounces and a wrong bill is cancelled. The export is read back as Tally would.
 */
let server: TestServer;
let admin: TestClient;
let world: World;
const GSTIN = '27AAACT2727Q1ZW';
const awkward = `Laxmi & Sons <Kirana> "Best" — लक्ष्मी`;
let laxmi: number;

async function invoiced(customerId: number, lines: { productId: number; quantity: number }[]) {
  const order = await admin.ok('orders.place', {
    customerId,
    warehouseId: world.warehouseId,
    paymentType: 'credit',
    lines,
  });
  await pickEverything(admin, world.warehouseId, [order.id]);
  const note = await admin.ok('deliveryNotes.post', { orderId: order.id });
  return admin.ok('invoices.get', { id: note.invoiceId });
}

const balanced = (v: ReadVoucher) => v.entries.reduce((s, e) => s + e.amount, 0);
const period = { from: '2026-11-01', to: '2026-11-30' };

beforeAll(async () => {
  server = await startTestServer();
  admin = await server.admin();
  world = await buildWorld(admin);
  await setCompany(admin, { gstin: GSTIN });
  laxmi = (
    await admin.ok(
      'customers.create',
      retailer({ code: 'LAX01', name: awkward, gstin: '27CQCPL1002Y1ZE', creditLimit: 10_00_000_00 }),
    )
  ).id;
  // Two customers called the same: Tally needs each ledger name once.
  await admin.ok('customers.create', retailer({ code: 'RT0002', gstin: '' }));

  server.setToday('2026-11-20');
  const first = await invoiced(laxmi, [
    { productId: world.glucose, quantity: 24 },
    { productId: world.tea, quantity: 3 },
  ]);
  await invoiced(world.customerId, [{ productId: world.cream, quantity: 5 }]);
  const wrong = await invoiced(laxmi, [{ productId: world.glucose, quantity: 2 }]);
  await admin.ok('invoices.cancel', { id: wrong.id, reason: 'Billed to the wrong shop' });
  server.setToday('2026-11-21');
  const glucoseLine = first.lines.find((l: { sku: string }) => l.sku === 'SUN-0001');
  await admin.ok('creditNotes.post', {
    invoiceId: first.id,
    kind: 'return',
    reason: 'Return of 4 biscuits',
    lines: [{ invoiceLineId: glucoseLine.id, quantity: 4 }],
  });
  const tds = 50_00;
  await admin.ok('payments.record', {
    customerId: laxmi,
    receivedOn: '2026-11-21',
    mode: 'upi',
    reference: 'UPI-77',
    amount: 100_00 - tds + 100_00,
    tds,
    allocations: [{ invoiceId: first.id, amount: 100_00 }],
  });
  const cheque = await admin.ok('payments.record', {
    customerId: world.customerId,
    receivedOn: '2026-11-21',
    mode: 'cheque',
    reference: '004512',
    amount: 30_00,
  });
  server.setToday('2026-11-22');
  await admin.ok('payments.reverse', { id: cheque.id, reason: 'Cheque returned' });
}, 60_000);
afterAll(() => server.close());

describe('Tally vouchers for a period', () => {
  it('balances every voucher to the paisa, signed as Tally reads it', async () => {
    const out = await admin.ok('tally.exportVouchers', period);
    const { vouchers, company } = readVouchers(out.xml);
    expect(company).toBe('Test Distributors');
    expect(out.counts).toEqual({ sales: 2, cancelled: 1, creditNotes: 1, receipts: 2, reversals: 1 });
    expect(vouchers.map((v) => v.type)).toEqual([
      'Sales',
      'Sales',
      'Sales',
      'Credit Note',
      'Receipt',
      'Receipt',
      'Payment',
    ]);
    for (const v of vouchers) {
      expect(balanced(v), v.number).toBe(0);
      for (const e of v.entries) expect(e.deemedPositive).toBe(e.amount < 0);
    }
  });

  it('adds up to the sales register: invoice totals, taxable value per rate and taxes', async () => {
    const out = await admin.ok('tally.exportVouchers', period);
    const register = server.ledger.sqlite
      .prepare(
        `SELECT sum(total) AS total, sum(taxable) AS taxable, sum(cgst + sgst + igst) AS tax, sum(round_off) AS round
         FROM invoices WHERE status = 'posted' AND invoice_date BETWEEN ? AND ?`,
      )
      .get(period.from, period.to) as { total: number; taxable: number; tax: number; round: number };
    const sales = readVouchers(out.xml).vouchers.filter((v) => v.type === 'Sales' && !v.cancelled);
    const all = sales.flatMap((v) => v.entries);
    const sumOf = (pick: (ledger: string) => boolean) =>
      all.filter((e) => pick(e.ledger)).reduce((s, e) => s + e.amount, 0);
    expect(-all.filter((e) => e.party).reduce((s, e) => s + e.amount, 0)).toBe(register.total);
    expect(out.totals.sales).toBe(register.total);
    expect(sumOf((l) => l.startsWith('Sales @'))).toBe(register.taxable);
    expect(sumOf((l) => l.startsWith('Output'))).toBe(register.tax);
    expect(sumOf((l) => l === 'Round Off')).toBe(register.round);
    // 18 % and 5 % go to their own ledgers
    const first = sales.find((v) => v.party === awkward)!;
    expect(first.entries.map((e) => e.ledger)).toEqual([
      awkward,
      'Sales @ 18%',
      'Sales @ 5%',
      'Output CGST',
      'Output SGST',
      ...(first.entries.some((e) => e.ledger === 'Round Off') ? ['Round Off'] : []),
    ]);
    expect(first.entries[0]!.bills).toEqual([
      { name: first.number, type: 'New Ref', amount: first.entries[0]!.amount },
    ]);
  });

  it('keeps each voucher’s GUID across exports, one per document, equal to its REMOTEID', async () => {
    const once = readVouchers((await admin.ok('tally.exportVouchers', period)).xml).vouchers;
    const twice = readVouchers((await admin.ok('tally.exportVouchers', period)).xml).vouchers;
    expect(twice.map((v) => v.guid)).toEqual(once.map((v) => v.guid));
    expect(new Set(once.map((v) => v.guid)).size).toBe(once.length);
    for (const v of once) {
      expect(v.remoteId).toBe(v.guid);
      expect(v.guid).toBe(`stockist-${GSTIN}-${v.number.replaceAll('/', '-')}`);
    }
  });

  it('sends the cancelled invoice cancelled, credit notes and receipts against the invoice’s bill', async () => {
    const { vouchers } = readVouchers((await admin.ok('tally.exportVouchers', period)).xml);
    const cancelled = vouchers.find((v) => v.cancelled)!;
    expect(cancelled).toMatchObject({ type: 'Sales', entries: [], narration: 'Cancelled: Billed to the wrong shop' });
    const note = vouchers.find((v) => v.type === 'Credit Note')!;
    const first = vouchers.find((v) => v.type === 'Sales' && v.party === awkward && !v.cancelled)!;
    expect(note.date).toBe('20261121');
    expect(note.entries[0]).toMatchObject({ ledger: awkward, party: true, deemedPositive: false });
    expect(note.entries[0]!.bills).toEqual([{ name: first.number, type: 'Agst Ref', amount: note.entries[0]!.amount }]);
    const upi = vouchers.find((v) => v.type === 'Receipt' && v.party === awkward)!;
    expect(upi.entries.map((e) => [e.ledger, e.amount])).toEqual([
      [awkward, 200_00],
      ['Bank', -150_00],
      ['TDS Receivable', -50_00],
    ]);
    expect(upi.entries[0]!.bills).toEqual([
      { name: first.number, type: 'Agst Ref', amount: 100_00 },
      { name: null, type: 'On Account', amount: 100_00 },
    ]);
    const reversal = vouchers.find((v) => v.type === 'Payment')!;
    expect(reversal).toMatchObject({ date: '20261122', party: 'Sharma Traders (RT0001)' });
    expect(reversal.entries.map((e) => [e.ledger, e.amount])).toEqual([
      ['Sharma Traders (RT0001)', -30_00],
      ['Bank', 30_00],
    ]);
  });

  it('exports only the kinds asked for, and a later period only what happened in it', async () => {
    const receipts = await admin.ok('tally.exportVouchers', { ...period, sales: false, creditNotes: false });
    expect(readVouchers(receipts.xml).vouchers.map((v) => v.type)).toEqual(['Receipt', 'Receipt', 'Payment']);
    const lastDay = await admin.ok('tally.exportVouchers', { from: '2026-11-22', to: '2026-11-22' });
    expect(readVouchers(lastDay.xml).vouchers.map((v) => v.type)).toEqual(['Payment']);
  });

  it('refuses without the company GSTIN that names the vouchers, and a period back to front', async () => {
    await setCompany(admin, { gstin: '' });
    const refused = await admin.call('tally.exportVouchers', period);
    await setCompany(admin, { gstin: GSTIN });
    expect(refused.status).toBe(400);
    expect(refused.body.error).toMatchObject({ field: 'gstin' });
    const backwards = await admin.call('tally.exportVouchers', { from: '2026-11-30', to: '2026-11-01' });
    expect(backwards.body.error).toMatchObject({ code: 'invalid_input', field: 'to' });
  });
});

describe('Tally masters', () => {
  it('sends every customer under Sundry Debtors with GSTIN, state and PIN, and the mapped ledgers', async () => {
    const out = await admin.ok('tally.exportMasters', {});
    const ledgers: any[] = parseTally(out.xml).ENVELOPE.BODY.IMPORTDATA.REQUESTDATA.TALLYMESSAGE.flatMap(
      (m: any) => m.LEDGER,
    );
    const byName = new Map(ledgers.map((l) => [l['@NAME'], l]));
    expect(byName.get(awkward)).toMatchObject({
      PARENT: 'Sundry Debtors',
      PARTYGSTIN: '27CQCPL1002Y1ZE',
      LEDSTATENAME: 'Maharashtra',
      PINCODE: '411037',
      'LEDGSTREGDETAILS.LIST': { GSTIN: '27CQCPL1002Y1ZE', GSTREGISTRATIONTYPE: 'Regular' },
    });
    expect(byName.get('Sharma Traders (RT0002)')).toMatchObject({ GSTREGISTRATIONTYPE: 'Unregistered' });
    expect(byName.get('Sales @ 18%')).toMatchObject({ PARENT: 'Sales Accounts' });
    expect(byName.get('Output IGST')).toMatchObject({ PARENT: 'Duties & Taxes', GSTDUTYHEAD: 'Integrated Tax' });
    // every ledger a voucher names is in the masters, so a fresh Tally company takes the vouchers
    const { vouchers } = readVouchers((await admin.ok('tally.exportVouchers', period)).xml);
    for (const name of new Set(vouchers.flatMap((v) => v.entries.map((e) => e.ledger))))
      expect(byName.has(name), name).toBe(true);
    expect(out.parties).toBe(3);
  });
});

describe('the Tally mapping', () => {
  it('starts from defaults and keeps what the accountant saves', async () => {
    const before = await admin.ok('tally.mapping', {});
    expect(before).toMatchObject({ saved: false, mapping: { cgst: 'Output CGST', companyName: 'Test Distributors' } });
    expect(before.ratesBilled).toEqual([500, 1800]);
    const mapping = { ...before.mapping, companyName: 'Test Distributors 2026-27', roundOff: 'Rounding Off' };
    await admin.ok('tally.saveMapping', mapping);
    expect(await admin.ok('tally.mapping', {})).toMatchObject({ saved: true, mapping });
    const { company, vouchers } = readVouchers((await admin.ok('tally.exportVouchers', period)).xml);
    expect(company).toBe('Test Distributors 2026-27');
    expect(vouchers.some((v) => v.entries.some((e) => e.ledger === 'Rounding Off'))).toBe(true);
  });

  it('refuses an empty or too long name, naming the field, and writes nothing', async () => {
    const { mapping } = await admin.ok('tally.mapping', {});
    const before = snapshot(server.ledger);
    const empty = await admin.call('tally.saveMapping', { ...mapping, igst: ' ' });
    expect(empty.status).toBe(400);
    expect(empty.body.error).toMatchObject({ field: 'igst', message: expect.stringContaining('required') });
    const long = await admin.call('tally.saveMapping', {
      ...mapping,
      salesLedgers: [{ rate: 1800, ledger: 'S'.repeat(100) }],
    });
    expect(long.body.error).toMatchObject({ field: 'salesLedgers.0.ledger' });
    expect(snapshot(server.ledger)).toBe(before);
  });

  it('gives a customer their own Tally name, refusing one another customer already has', async () => {
    const set = await admin.ok('tally.setPartyName', { customerId: laxmi, ledgerName: 'Laxmi Kirana (Nashik)' });
    expect(set.ledgerName).toBe('Laxmi Kirana (Nashik)');
    const { vouchers } = readVouchers((await admin.ok('tally.exportVouchers', period)).xml);
    expect(vouchers.filter((v) => v.party === 'Laxmi Kirana (Nashik)').length).toBeGreaterThan(0);
    const before = snapshot(server.ledger);
    const taken = await admin.call('tally.setPartyName', {
      customerId: world.customerId,
      ledgerName: 'laxmi kirana (nashik)',
    });
    expect(taken.status).toBe(409);
    expect(taken.body.error).toMatchObject({ field: 'ledgerName' });
    expect(snapshot(server.ledger)).toBe(before);
    expect((await admin.ok('tally.mapping', {})).parties).toEqual([
      { customerId: laxmi, code: 'LAX01', name: awkward, ledgerName: 'Laxmi Kirana (Nashik)' },
    ]);
    const cleared = await admin.ok('tally.setPartyName', { customerId: laxmi, ledgerName: '' });
    expect(cleared.ledgerName).toBe(awkward);
  });

  it('lets a sales clerk export but not change the mapping', async () => {
    const clerk = await server.as('sales_clerk');
    expect((await clerk.call('tally.exportVouchers', period)).status).toBe(200);
    const { mapping } = await admin.ok('tally.mapping', {});
    expect((await clerk.call('tally.saveMapping', mapping)).status).toBe(403);
  });
});
