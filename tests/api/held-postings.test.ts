import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { snapshot, startTestServer, type TestClient, type TestServer } from '../support/test-server';
import { buildWorld, type World } from '../support/world';

/** Write-offs and credit notes above a policy's amount wait for approval and post nothing meanwhile. */
let server: TestServer;
let admin: TestClient;
let manager: TestClient;
let world: World;
let batchId: number;
/** Write-offs happen in the second warehouse, where the batch was received with its cost (₹8 a unit). */
let godown: number;

const sql = (text: string, ...args: unknown[]) =>
  server.ledger.sqlite.prepare(text).get(...args) as Record<string, number>;
const onHand = (warehouseId = godown, batch = batchId) =>
  sql(
    'SELECT coalesce(sum(quantity), 0) AS q FROM stock_movements WHERE warehouse_id = ? AND batch_id = ?',
    warehouseId,
    batch,
  ).q!;
const movements = () => sql('SELECT count(*) AS n FROM stock_movements').n!;
const creditNotes = () => sql('SELECT count(*) AS n FROM credit_notes').n!;
const cnSeries = () =>
  sql("SELECT coalesce(max(last_number), 0) AS n FROM document_series WHERE series LIKE 'CN/%'").n!;
const requestOf = async (id: number) => (await admin.ok('approvals.list', {})).find((a: { id: number }) => a.id === id);
const decide = (id: number, decision: 'approve' | 'reject', comment = '') =>
  manager.call('approvals.decide', { id, decision, comment });
/** Writes off `quantity` units of the batch as damaged. */
const writeOff = (quantity: number) =>
  admin.ok('inventory.adjust', {
    warehouseId: godown,
    batchId,
    kind: 'damage',
    quantity: -quantity,
    reason: 'crushed in the godown',
  });

beforeAll(async () => {
  server = await startTestServer();
  admin = await server.admin();
  world = await buildWorld(admin);
  manager = await server.as('manager');
  godown = world.otherWarehouseId;
  await admin.ok('inventory.receive', {
    warehouseId: godown,
    lines: [{ productId: world.glucose, batchNo: 'G-COSTED', expiresOn: '2027-12-01', quantity: 100, value: 800_00 }],
  });
  batchId = sql("SELECT id FROM batches WHERE batch_no = 'G-COSTED'").id!;
});
afterAll(() => server.close());

describe('a stock write-off above a value', () => {
  let policyId: number;
  beforeAll(async () => {
    policyId = (
      await admin.ok('approvalPolicies.save', {
        subject: 'write_off',
        name: 'Write-offs over ₹50',
        conditions: { amountMin: 50_00 },
        levels: [{ role: 'manager' }],
      } as never)
    ).id;
  });

  it('posts at once below the policy amount', async () => {
    const stock = onHand();
    const small = await writeOff(1);
    expect(small.movementId).toEqual(expect.any(Number));
    expect(small.approval).toBeNull();
    expect(onHand()).toBe(stock - 1);
  });

  it('is held above it, moves nothing, and posts when the last level approves', async () => {
    const stock = onHand();
    const count = movements();
    const held = await writeOff(20);
    expect(held.movementId).toBeNull();
    expect(held.approval).toEqual({ heldId: expect.any(Number), requestId: expect.any(Number) });
    expect(onHand()).toBe(stock);
    expect(movements()).toBe(count);
    const request = await requestOf(held.approval.requestId);
    expect(request).toMatchObject({
      subjectType: 'write_off',
      policyName: 'Write-offs over ₹50',
      waitingOn: 'Manager',
    });
    expect(request.subjectLabel).toBe('Write-off of 20 × SUN-0001 batch G-COSTED (damage), ₹160.00');
    expect(request.total).toBe(160_00);
    // The one who asked cannot approve it.
    expect((await admin.call('approvals.decide', { id: request.id, decision: 'approve', comment: '' })).status).toBe(
      409,
    );
    const approved = await decide(request.id, 'approve', 'Seen the photos');
    expect(approved.status).toBe(200);
    expect(approved.body.request.status).toBe('approved');
    expect(onHand()).toBe(stock - 20);
    const posted = sql(
      'SELECT status, document_id AS documentId FROM held_postings WHERE id = ?',
      held.approval.heldId,
    );
    expect(posted).toMatchObject({ status: 'posted', documentId: expect.any(Number) });
    expect(sql('SELECT kind, quantity FROM stock_movements WHERE id = ?', posted.documentId!)).toEqual({
      kind: 'damage',
      quantity: -20,
    });
  });

  it('rejected, nothing is ever posted', async () => {
    const stock = onHand();
    const count = movements();
    const held = await writeOff(15);
    const rejected = await decide(held.approval.requestId, 'reject', 'Count it again');
    expect(rejected.body.request.status).toBe('rejected');
    expect(onHand()).toBe(stock);
    expect(movements()).toBe(count);
    expect(sql('SELECT status FROM held_postings WHERE id = ?', held.approval.heldId)).toEqual({ status: 'rejected' });
  });

  it('values stock received without a cost at list price, so it cannot slip under the amount', async () => {
    const early = sql("SELECT id FROM batches WHERE batch_no = 'G-EARLY'").id!;
    const stock = onHand(world.warehouseId, early);
    const held = await admin.ok('inventory.adjust', {
      warehouseId: world.warehouseId,
      batchId: early,
      kind: 'expiry',
      quantity: -10,
      reason: 'past its date',
    });
    expect(held.approval).not.toBeNull();
    expect(sql('SELECT value FROM held_postings WHERE id = ?', held.approval.heldId)).toEqual({ value: 100_00 });
    expect(onHand(world.warehouseId, early)).toBe(stock);
    await decide(held.approval.requestId, 'reject', 'Return it to the brand');
  });

  it('refuses bad input before asking anyone, writing nothing', async () => {
    const before = snapshot(server.ledger);
    const tooMuch = await admin.call('inventory.adjust', {
      warehouseId: godown,
      batchId,
      kind: 'damage',
      quantity: -1_000_000,
      reason: 'typo',
    });
    expect(tooMuch.status).toBeGreaterThanOrEqual(400);
    expect(snapshot(server.ledger)).toBe(before);
  });

  afterAll(async () => {
    const current = (await admin.ok('approvalPolicies.list', {})).find((p: { id: number }) => p.id === policyId);
    await admin.ok('approvalPolicies.save', { ...current, id: policyId, active: false });
  });
});

describe('a credit note above a value', () => {
  let invoice: { id: number; lines: { id: number; sku: string }[] };
  let returnedBatch: number;
  beforeAll(async () => {
    await admin.ok('approvalPolicies.save', {
      subject: 'credit_note',
      name: 'Credit notes over ₹100',
      conditions: { amountMin: 100_00 },
      levels: [{ role: 'manager' }],
    } as never);
    const sale = await admin.ok('counter.sale', {
      customerId: world.customerId,
      warehouseId: world.warehouseId,
      lines: [{ productId: world.glucose, quantity: 40 }],
      payment: { mode: 'cash', tendered: 0, reference: '' },
    });
    invoice = sale.invoice;
    returnedBatch = sql('SELECT batch_id AS b FROM invoice_lines WHERE id = ?', invoice.lines[0]!.id).b!;
  });
  const shelf = () => onHand(world.warehouseId, returnedBatch);
  const credit = (quantity: number) =>
    admin.ok('creditNotes.post', {
      invoiceId: invoice.id,
      kind: 'return',
      reason: 'leaking packs',
      lines: [{ invoiceLineId: invoice.lines[0]!.id, quantity }],
    });

  it('posts at once below the amount, numbered', async () => {
    const note = await credit(1);
    expect(note.number).toMatch(/^CN\/\d\d-\d\d\/000001$/);
    expect(note.approval).toBeNull();
  });

  it('is held above it with no number taken and no stock back, and posts with the next number once approved', async () => {
    const stock = shelf();
    const [notes, series] = [creditNotes(), cnSeries()];
    const held = await credit(20);
    expect(held).toMatchObject({ id: null, number: null, total: 236_00 });
    expect(creditNotes()).toBe(notes);
    expect(cnSeries()).toBe(series);
    expect(shelf()).toBe(stock);
    const request = await requestOf(held.approval.requestId);
    expect(request).toMatchObject({ subjectType: 'credit_note', policyName: 'Credit notes over ₹100' });
    const approved = await decide(request.id, 'approve', 'Agreed with the rep');
    expect(approved.body.request.status).toBe('approved');
    const posted = sql('SELECT document_id AS id FROM held_postings WHERE id = ?', held.approval.heldId);
    expect(sql('SELECT total FROM credit_notes WHERE id = ?', posted.id!)).toEqual({ total: 236_00 });
    expect(cnSeries()).toBe(series + 1);
    expect(shelf()).toBe(stock + 20);
  });

  it('rejected, no credit note, no number, no stock back', async () => {
    const stock = shelf();
    const [notes, series] = [creditNotes(), cnSeries()];
    const held = await credit(10);
    expect((await decide(held.approval.requestId, 'reject', 'Not our batch')).body.request.status).toBe('rejected');
    expect(creditNotes()).toBe(notes);
    expect(cnSeries()).toBe(series);
    expect(shelf()).toBe(stock);
  });
});

describe('a named approver whose role has no approval permission', () => {
  it('decides the level naming them; other roles and other accountants are refused before anything is written', async () => {
    const accountant = await server.as('accountant');
    const otherAccountant = await server.as('accountant');
    const clerk = await server.as('warehouse_clerk');
    const accountantId = (await accountant.ok('auth.me', {})).id as number;
    const policy = await admin.ok('approvalPolicies.save', {
      subject: 'write_off',
      name: 'The accountant signs write-offs',
      levels: [{ userIds: [accountantId] }],
    } as never);
    const stock = onHand();
    const held = await writeOff(5);
    const id = held.approval.requestId;
    const before = snapshot(server.ledger);
    for (const who of [otherAccountant, clerk, manager]) {
      const refused = await who.call('approvals.decide', { id, decision: 'approve', comment: '' });
      expect(refused.status).toBe(403);
      expect(refused.body.error.message).toBe('This request is not waiting on you');
    }
    expect(snapshot(server.ledger)).toBe(before);
    const row = (await accountant.ok('approvals.list', {})).find((a: { id: number }) => a.id === id);
    expect(row.mayDecide).toBe(true);
    const approved = await accountant.call('approvals.decide', { id, decision: 'approve', comment: 'Checked' });
    expect(approved.status).toBe(200);
    expect(approved.body.request.status).toBe('approved');
    expect(onHand()).toBe(stock - 5);
    const current = (await admin.ok('approvalPolicies.list', {})).find((p: { id: number }) => p.id === policy.id);
    await admin.ok('approvalPolicies.save', { ...current, id: policy.id, active: false });
  });
});
