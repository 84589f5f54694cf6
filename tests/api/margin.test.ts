import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestClient, type TestServer } from '../support/test-server';
import { biscuit, retailer } from '../support/fixtures';
import { pickEverything, setCompany } from '../support/world';

let server: TestServer;
let admin: TestClient;
let manager: TestClient;
let clerk: TestClient;
let warehouseId: number;
let customerId: number;
/** sells at ₹10.00 before tax, bought at ₹6.00 a unit */
let earner: number;
/** sells at ₹10.00 before tax, bought at ₹12.00 a unit */
let loser: number;
/** sells at ₹10.00, received with no cost */
let unvalued: number;

beforeAll(async () => {
  server = await startTestServer();
  admin = await server.admin();
  manager = await server.as('manager');
  clerk = await server.as('sales_clerk');
  warehouseId = (await admin.ok('warehouses.create', { code: 'MRG', name: 'Margin', address: { stateCode: '27' } })).id;
  customerId = (await admin.ok('customers.create', retailer({ creditLimit: 10_00_000_00 }))).id;
  const product = async (sku: string) =>
    (await admin.ok('products.create', biscuit({ sku, name: `Biscuit ${sku}`, price: 1000, barcodes: [], packs: [] })))
      .id;
  earner = await product('EARN-1');
  loser = await product('LOSE-1');
  unvalued = await product('NOVAL-1');
  await admin.ok('inventory.receive', {
    warehouseId,
    lines: [
      { productId: earner, batchNo: 'E1', expiresOn: '2099-01-01', quantity: 100, value: 600_00 },
      { productId: loser, batchNo: 'L1', expiresOn: '2099-01-01', quantity: 100, value: 1_200_00 },
      { productId: unvalued, batchNo: 'N1', expiresOn: '2099-01-01', quantity: 100 },
    ],
  });
});
afterAll(() => server.close());

const order = (lines: { productId: number; quantity: number }[]) => ({
  customerId,
  warehouseId,
  paymentType: 'credit' as const,
  lines,
});

/** Places (as the manager: no approval), picks and delivers; the delivery note raises the invoice. */
async function sell(lines: { productId: number; quantity: number }[]) {
  const placed = await manager.ok('orders.place', order(lines));
  expect(placed.status).toBe('confirmed');
  await pickEverything(admin, warehouseId, [placed.id]);
  const note = await admin.ok('deliveryNotes.post', { orderId: placed.id });
  return { orderId: placed.id as number, noteId: note.id as number, invoiceId: note.invoiceId as number };
}

describe('cost of goods on delivered lines and margin on the invoice', () => {
  it('stores each delivered line’s cost at moving average, and the invoice shows its margin to the accountant', async () => {
    const { noteId, invoiceId } = await sell([
      { productId: earner, quantity: 10 },
      { productId: unvalued, quantity: 5 },
    ]);
    const costs = server.ledger.sqlite
      .prepare('SELECT product_id AS p, cost FROM delivery_note_lines WHERE delivery_note_id = ? ORDER BY id')
      .all(noteId);
    // 10 at ₹6.00 = ₹60.00; stock received without a cost has no known cost (never a 100% margin).
    expect(costs).toEqual([
      { p: earner, cost: 60_00 },
      { p: unvalued, cost: null },
    ]);
    const accountant = await server.as('accountant');
    const invoice = await accountant.ok('invoices.get', { id: invoiceId });
    expect(invoice.margin).toMatchObject({
      sales: 100_00,
      cost: 60_00,
      margin: 40_00,
      marginBps: 4000,
      unknownLines: 1,
    });
    expect(invoice.margin.lines.map((l: { cost: number | null }) => l.cost)).toEqual([60_00, null]);

    // Four come back on a credit note: ₹40.00 of sales and ₹24.00 of cost leave the bill, at the cost they left.
    const earnerLine = invoice.lines.find((l: { sku: string }) => l.sku === 'EARN-1');
    await accountant.ok('creditNotes.post', {
      invoiceId,
      kind: 'return',
      reason: 'Damaged in transit',
      lines: [{ invoiceLineId: earnerLine.id, quantity: 4, restock: 'sellable', taxable: 0 }],
    });
    const after = await accountant.ok('invoices.get', { id: invoiceId });
    expect(after.margin.afterCredits).toEqual({ sales: 60_00, cost: 36_00, margin: 24_00, marginBps: 4000 });
    const value = server.ledger.sqlite
      .prepare('SELECT quantity, value FROM stock_values WHERE warehouse_id = ? AND product_id = ?')
      .get(warehouseId, earner);
    expect(value).toEqual({ quantity: 94, value: 564_00 });
  });
});

describe('below cost at order entry', () => {
  it('marks the below-cost line for the manager, and tells the clerk only that it needs a manager', async () => {
    const input = order([
      { productId: earner, quantity: 2 },
      { productId: loser, quantity: 5 },
    ]);
    const seen = await manager.ok('orders.quote', input);
    expect(seen.margin.lines).toEqual([
      { lineNo: 1, cost: 12_00, margin: 8_00, belowCost: false },
      { lineNo: 2, cost: 60_00, margin: -10_00, belowCost: true },
    ]);
    expect(seen.margin).toMatchObject({ sales: 70_00, cost: 72_00, margin: -2_00, negative: true });
    // The manager's own order is not held for approval, but the manager is told.
    expect(seen.approvalReasons).toEqual([]);
    expect(seen.marginNotice).toBe('Bill sells ₹2.00 below cost: line 2 LOSE-1 ₹10.00 below cost');

    const told = await clerk.ok('orders.quote', input);
    expect(told).not.toHaveProperty('margin');
    expect(told.approvalReasons).toEqual(['Price below cost: needs manager']);
    expect(JSON.stringify(told)).not.toContain('₹10.00 below');
  });

  it('a clerk’s bill below cost waits for the manager, who approves it', async () => {
    const placed = await clerk.ok('orders.place', order([{ productId: loser, quantity: 3 }]));
    expect(placed.status).toBe('pending_approval');
    expect(placed.approvals[0].reasons).toEqual(['Price below cost: needs manager']);
    expect(JSON.stringify(await clerk.ok('orders.get', { id: placed.id }))).not.toContain('₹6.00');

    const queue = await manager.ok('approvals.list', { status: 'pending' });
    const mine = queue.find((a: { orderId: number }) => a.orderId === placed.id);
    expect(mine.reasons).toEqual(['Bill sells ₹6.00 below cost: line 1 LOSE-1 ₹6.00 below cost']);
    const clerkQueue = await clerk.ok('approvals.list', { status: 'pending' });
    expect(clerkQueue.find((a: { orderId: number }) => a.orderId === placed.id).reasons).toEqual([
      'Price below cost: needs manager',
    ]);
    const bell = await manager.ok('notifications.list', {});
    expect(bell.some((n: { orderId: number }) => n.orderId === placed.id)).toBe(true);

    const { order: approved } = await manager.ok('approvals.decide', {
      id: mine.id,
      decision: 'approve',
      comment: 'clearance',
    });
    expect(approved.status).toBe('confirmed');
    const back = await clerk.ok('notifications.list', {});
    expect(back.map((n: { text: string }) => n.text)).toContainEqual(expect.stringContaining('approved'));
  });

  it('the company policy decides: warn only tells the clerk, off says nothing', async () => {
    try {
      await setCompany(admin, { marginPolicy: 'warn' });
      const warned = await clerk.ok('orders.quote', order([{ productId: loser, quantity: 1 }]));
      expect(warned.approvalReasons).toEqual([]);
      expect(warned.marginNotice).toBe('Price below cost: needs manager');
      const placed = await clerk.ok('orders.place', order([{ productId: loser, quantity: 1 }]));
      expect(placed.status).toBe('confirmed');

      await setCompany(admin, { marginPolicy: 'off' });
      const quiet = await clerk.ok('orders.quote', order([{ productId: loser, quantity: 1 }]));
      expect(quiet).toMatchObject({ approvalReasons: [], marginNotice: null });
    } finally {
      await setCompany(admin, { marginPolicy: 'approval' });
    }
    const refused = await admin.call('company.update', {
      ...(await admin.ok('company.get', {})),
      marginPolicy: 'sometimes',
    });
    expect(refused.body.error.issues[0]).toMatchObject({ field: 'marginPolicy' });
  });

  it('stock without a known cost is never called below cost', async () => {
    const q = await manager.ok('orders.quote', order([{ productId: unvalued, quantity: 1 }]));
    expect(q.margin).toMatchObject({ unknownLines: 1, negative: false, marginBps: null });
    expect(q.margin.lines[0]).toEqual({ lineNo: 1, cost: null, margin: null, belowCost: false });
  });
});

describe('margin in reports, hidden from roles without cost.read', () => {
  const filters = { from: '2000-01-01', to: '2099-12-31' };
  const marginKeys = ['cost', 'margin', 'marginPct'];

  it('sales, customer and product reports gain margin columns for cost roles only', async () => {
    await sell([{ productId: earner, quantity: 10 }]);
    for (const role of ['admin', 'manager', 'accountant'] as const) {
      const who = role === 'admin' ? admin : await server.as(role);
      for (const report of ['sales_performance', 'customer_performance', 'product_contribution'] as const) {
        const run = await who.ok('reports.run', { report, filters: { ...filters, groupBy: 'product' } });
        expect(run.columns.map((c: { key: string }) => c.key)).toEqual(expect.arrayContaining(marginKeys));
      }
    }
    // The warehouse clerk does not see sales amounts at all (each report's own permission); the clerks who do
    // see them see no cost.
    const warehouse = await server.as('warehouse_clerk');
    expect((await warehouse.call('reports.run', { report: 'sales_performance', filters })).status).toBe(403);
    for (const role of ['sales_clerk', 'billing_clerk'] as const) {
      const who = await server.as(role);
      for (const report of ['sales_performance', 'customer_performance', 'product_contribution'] as const) {
        const run = await who.ok('reports.run', { report, filters: { ...filters, groupBy: 'product' } });
        expect(run.columns.map((c: { key: string }) => c.key)).not.toEqual(expect.arrayContaining(['margin']));
        expect(JSON.stringify(run)).not.toMatch(/margin/i);
        const file = await who.ok('reports.export', { report, format: 'csv', filters });
        expect(Buffer.from(file.base64, 'base64').toString('utf8')).not.toMatch(/margin|cost of goods/i);
      }
    }
  });

  it('per product: margin and margin % from the invoices, lines of unknown cost counted, not guessed', async () => {
    const accountant = await server.as('accountant');
    const run = await accountant.ok('reports.run', {
      report: 'sales_performance',
      filters: { ...filters, groupBy: 'product' },
    });
    const row = (sku: string) => run.rows.find((r: { name: string }) => String(r.name).startsWith(sku));
    // EARN-1 billed 10 + 6 (its first invoice and this one) … every EARN-1 unit cost ₹6.00 and sold at ₹10.00.
    expect(row('EARN-1')).toMatchObject({ marginPct: 4000 });
    expect(row('EARN-1').margin).toBe(row('EARN-1').taxable - row('EARN-1').cost);
    expect(row('NOVAL-1')).toMatchObject({ cost: null, margin: null, marginPct: null });
    expect(run.notes.join(' ')).toMatch(/Cost unknown on 1 lines/);
    const byClerk = await accountant.ok('reports.run', {
      report: 'sales_performance',
      filters: { ...filters, groupBy: 'clerk' },
    });
    expect(byClerk.totals.margin).toBe(run.totals.margin);
  });

  it('the invoice hides cost from the billing clerk', async () => {
    const { invoiceId } = await sell([{ productId: earner, quantity: 1 }]);
    const billing = await server.as('billing_clerk');
    const invoice = await billing.ok('invoices.get', { id: invoiceId });
    expect(invoice).not.toHaveProperty('margin');
    expect(JSON.stringify(invoice)).not.toMatch(/cost/i);
  });
});
