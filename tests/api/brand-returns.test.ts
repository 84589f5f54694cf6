import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { snapshot, startTestServer, type TestClient, type TestServer } from '../support/test-server';
import { biscuit } from '../support/fixtures';

let server: TestServer;
let admin: TestClient;
let warehouseId: number;
let product: number;
let batchA: number;

const sql = <T>(query: string, ...args: unknown[]) => server.ledger.sqlite.prepare(query).get(...args) as T;
const ledgerOf = (supplierId: number) =>
  server.ledger.sqlite
    .prepare('SELECT kind, number, debit, credit FROM supplier_ledger WHERE supplier_id = ? ORDER BY id')
    .all(supplierId);

beforeAll(async () => {
  server = await startTestServer();
  admin = await server.admin();
  warehouseId = (await admin.ok('warehouses.create', { code: 'PUN', name: 'Pune', address: { stateCode: '27' } })).id;
  product = (await admin.ok('products.create', biscuit({ sku: 'RET-1', taxRate: 1800 }))).id;
  // 100 at ₹80.00 and 50 at ₹90.00: 150 worth ₹12,500.00, ₹83.33⅓ each
  await admin.ok('inventory.receive', {
    warehouseId,
    lines: [
      { productId: product, batchNo: 'A', expiresOn: '2026-12-01', quantity: 100, value: 8_000_00 },
      { productId: product, batchNo: 'B', expiresOn: '2027-06-01', quantity: 50, value: 4_500_00 },
    ],
  });
  batchA = sql<{ id: number }>('SELECT id FROM batches WHERE batch_no = ?', 'A').id;
});
afterAll(() => server.close());

const supplier = (code: string, stateCode: string) =>
  admin.ok('suppliers.create', { code, name: `${code} Ltd`, stateCode, gstin: '' }).then((s) => s.id as number);

describe('returns to the brand', () => {
  it('stock leaves the batch at cost, the supplier is debited cost + CGST/SGST, the claim settles', async () => {
    const supplierId = await supplier('SUNRISE', '27');
    const dn = await admin.ok('brandReturns.post', {
      supplierId,
      warehouseId,
      reason: 'expiry',
      lines: [{ batchId: batchA, quantity: 30 }],
    });
    // 30 of 150 leave at the average: ₹12,500.00 × 30/150 = ₹2,500.00; GST 18% within Maharashtra: 225 + 225
    expect(dn.number).toMatch(/^DN\/26-27\/000001$/);
    expect(dn).toMatchObject({ value: 2_500_00, cgst: 225_00, sgst: 225_00, igst: 0, total: 2_950_00 });
    expect(dn.lines).toEqual([expect.objectContaining({ batchNo: 'A', quantity: 30, value: 2_500_00, tax: 450_00 })]);
    expect(sql('SELECT quantity, value FROM stock_values WHERE product_id = ?', product)).toEqual({
      quantity: 120,
      value: 10_000_00,
    });
    expect(
      sql("SELECT quantity, value FROM stock_movements WHERE kind = 'purchase_return' AND document_id = ?", dn.id),
    ).toEqual({ quantity: -30, value: -2_500_00 });
    expect(sql('SELECT on_hand AS onHand FROM stock_balances WHERE batch_id = ?', batchA)).toEqual({ onHand: 70 });
    expect(ledgerOf(supplierId)).toEqual([{ kind: 'debit_note', number: dn.number, debit: 2_950_00, credit: 0 }]);

    const settled = await admin.ok('brandReturns.recordClaim', { id: dn.id, accepted: 2_950_00, reference: 'CN-88' });
    expect(settled).toMatchObject({ status: 'settled', accepted: 2_950_00, claimSettledOn: '2026-11-22' });
    expect(ledgerOf(supplierId)).toHaveLength(1);
    const again = await admin.call('brandReturns.recordClaim', { id: dn.id, accepted: 1, reference: '' });
    expect(again.body.error).toMatchObject({ code: 'conflict', message: expect.stringContaining('settled') });
    const pdf = await admin.ok('documents.debitNote', { id: dn.id });
    expect(Buffer.from(pdf.base64, 'base64').subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('a brand across the state border: IGST; a short claim puts the refused part back on its account', async () => {
    const supplierId = await supplier('KARNA', '29');
    const dn = await admin.ok('brandReturns.post', {
      supplierId,
      warehouseId,
      reason: 'damage',
      lines: [{ batchId: batchA, quantity: 12 }],
    });
    // 12 of 120 at ₹10,000.00: ₹1,000.00; IGST 18% ₹180.00
    expect(dn).toMatchObject({ value: 1_000_00, cgst: 0, sgst: 0, igst: 180_00, total: 1_180_00 });
    const short = await admin.ok('brandReturns.recordClaim', { id: dn.id, accepted: 1_000_00, reference: 'CN-9' });
    expect(short.status).toBe('short');
    expect(ledgerOf(supplierId)).toEqual([
      { kind: 'debit_note', number: dn.number, debit: 1_180_00, credit: 0 },
      { kind: 'brand_credit', number: dn.number, debit: 0, credit: 180_00 },
    ]);
    const list = await admin.ok('brandReturns.list', { supplierId });
    expect(list).toEqual([expect.objectContaining({ id: dn.id, status: 'short', accepted: 1_000_00 })]);
  });

  it('refuses more than the batch holds, or a claim above the note, writing nothing', async () => {
    const supplierId = (await admin.ok('suppliers.list', {}))[0].id;
    const before = snapshot(server.ledger);
    const tooMuch = await admin.call('brandReturns.post', {
      supplierId,
      warehouseId,
      reason: 'recall',
      lines: [{ batchId: batchA, quantity: 59 }],
    });
    expect(tooMuch.body.error).toMatchObject({
      field: 'lines.0.quantity',
      message: expect.stringContaining('58 free'),
    });
    expect(snapshot(server.ledger)).toBe(before);
    const dn = await admin.ok('brandReturns.post', {
      supplierId,
      warehouseId,
      reason: 'recall',
      lines: [{ batchId: batchA, quantity: 1 }],
    });
    const over = await admin.call('brandReturns.recordClaim', { id: dn.id, accepted: dn.total + 1, reference: '' });
    expect(over.body.error).toMatchObject({ field: 'accepted' });
    expect(Number(dn.number.slice(-6))).toBe(3);
  });
});
