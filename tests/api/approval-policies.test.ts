import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { escalateDueApprovals } from '../../src-main/engine/approvals/escalation';
import { snapshot, startTestServer, TEST_TODAY, type TestClient, type TestServer } from '../support/test-server';
import { buildWorld, type World } from '../support/world';

let server: TestServer;
let admin: TestClient;
let clerk: TestClient;
let managerA: TestClient;
let managerB: TestClient;
let world: World;
const ids: Record<string, number> = {};
const policies: number[] = [];
const HOUR = 3_600_000;

const idOf = async (c: TestClient) => (await c.ok('auth.me', {})).id as number;
/** An order over its credit limit: it waits for approval under whatever order policy applies. */
const placeOverLimit = async (quantity = 1) => {
  server.ledger.sqlite
    .prepare("UPDATE customers SET credit_policy = 'approval', credit_limit = 100 WHERE id = ?")
    .run(world.customerId);
  const placed = await clerk.ok('orders.place', {
    customerId: world.customerId,
    warehouseId: world.warehouseId,
    paymentType: 'credit',
    lines: [{ productId: world.glucose, quantity }],
  });
  expect(placed.status).toBe('pending_approval');
  return placed;
};
const requestOf = async (orderId: number) =>
  (await admin.ok('approvals.list', {})).find((a: { orderId: number }) => a.orderId === orderId);
const savePolicy = async (input: Record<string, unknown>) => {
  const saved = await admin.ok('approvalPolicies.save', {
    subject: 'order',
    name: 'Two eyes then the owner',
    ...input,
  } as never);
  if (!policies.includes(saved.id)) policies.push(saved.id);
  return saved;
};
const twoLevels = {
  levels: [
    { role: 'manager', escalateAfterHours: 4 },
    { role: 'admin', escalateAfterHours: 8 },
  ],
};
const decide = (c: TestClient, id: number, decision: 'approve' | 'reject', comment = '') =>
  c.call('approvals.decide', { id, decision, comment });
const escalateAt = (at: Date) =>
  server.ledger.sqlite.transaction(() =>
    escalateDueApprovals({ ledger: server.ledger, actor: null, now: () => at }, at),
  )();
const notesOf = (userId: number) =>
  server.ledger.sqlite.prepare('SELECT text FROM notifications WHERE user_id = ? ORDER BY id').all(userId) as {
    text: string;
  }[];

beforeAll(async () => {
  server = await startTestServer();
  admin = await server.admin();
  world = await buildWorld(admin);
  clerk = await server.as('sales_clerk');
  managerA = await server.as('manager');
  managerB = await server.as('manager');
  for (const [name, c] of Object.entries({ admin, clerk, managerA, managerB })) ids[name] = await idOf(c);
});
afterAll(() => server.close());
// Each story's policies are switched off after it (a new version), so the next starts from the default.
afterEach(async () => {
  server.setNow(TEST_TODAY);
  for (const id of policies.splice(0)) {
    const current = (await admin.ok('approvalPolicies.list', {})).find((p: { id: number }) => p.id === id);
    await admin.ok('approvalPolicies.save', { ...current, id, active: false });
  }
});

describe('approval policies and levels', () => {
  it('two levels in sequence: the order is allocated only after the second level approves', async () => {
    await savePolicy(twoLevels);
    const placed = await placeOverLimit();
    const request = await requestOf(placed.id);
    expect(request).toMatchObject({ level: 1, levels: 2, mode: 'sequence', policyName: 'Two eyes then the owner' });
    expect(request.waitingOn).toBe('Manager');
    expect(Date.parse(request.escalateAt) - Date.parse(request.levelStartedAt)).toBe(4 * HOUR);
    // The owner cannot skip ahead of the manager's level in sequence? He may stand for it, but not both levels.
    const first = await decide(managerA, request.id, 'approve', 'Known shop');
    expect(first.status).toBe(200);
    expect(first.body.request).toMatchObject({ status: 'pending', level: 2, waitingOn: 'Administrator' });
    expect(first.body.order.status).toBe('pending_approval');
    expect(first.body.order.lines[0].allocated).toBe(0);
    // A second manager cannot decide the owner's level.
    expect((await decide(managerB, request.id, 'approve')).status).toBe(403);
    expect(notesOf(ids.admin!).at(-1)!.text).toContain('needs your approval at level 2 of 2');
    const last = await decide(admin, request.id, 'approve', 'Fine');
    expect(last.body.request.status).toBe('approved');
    expect(last.body.order.status).toBe('confirmed');
    expect(last.body.order.lines[0].allocated).toBe(1);
    expect(last.body.request.decisions.map((d: { text: string }) => d.text)).toEqual([
      expect.stringMatching(/^Approved by manager \d+$/),
      'Approved by Asha Admin',
    ]);
    expect(last.body.order.events.map((e: { kind: string }) => e.kind)).toEqual([
      'created',
      'approval_requested',
      'approval_level',
      'approved',
      'confirmed',
    ]);
    const audit = server.ledger.sqlite
      .prepare("SELECT action, detail FROM audit_log WHERE entity = 'approval' AND entity_id = ? ORDER BY id")
      .all(request.id) as { action: string; detail: string }[];
    expect(audit.map((a) => a.action)).toEqual(['request', 'approve', 'approve']);
    expect(JSON.parse(audit[1]!.detail)).toMatchObject({ level: 1, comment: 'Known shop' });
    await admin.ok('orders.cancel', { id: placed.id, reason: 'tidy-up' });
  });

  it('in parallel every level waits at once, and a level with a minimum of 2 needs two managers', async () => {
    await savePolicy({ mode: 'parallel', levels: [{ role: 'manager', minApprovers: 2 }, { role: 'admin' }] });
    const placed = await placeOverLimit();
    const request = await requestOf(placed.id);
    expect(request.waitingOn).toBe('Manager (0 of 2); Administrator');
    expect((await decide(admin, request.id, 'approve')).body.request.status).toBe('pending');
    const one = await decide(managerA, request.id, 'approve');
    expect(one.body.request).toMatchObject({ status: 'pending', waitingOn: 'Manager (1 of 2); Administrator' });
    // The same manager cannot count twice.
    expect((await decide(managerA, request.id, 'approve')).status).toBe(409);
    const two = await decide(managerB, request.id, 'approve');
    expect(two.body.request.status).toBe('approved');
    expect(two.body.order.status).toBe('confirmed');
    await admin.ok('orders.cancel', { id: placed.id, reason: 'tidy-up' });
  });

  it('refuses self-approval: a manager who placed the order cannot decide any level of it', async () => {
    await savePolicy(twoLevels);
    server.ledger.sqlite
      .prepare("UPDATE customers SET credit_policy = 'approval', credit_limit = 100 WHERE id = ?")
      .run(world.customerId);
    const placed = await managerA.ok('orders.place', {
      customerId: world.customerId,
      warehouseId: world.warehouseId,
      lines: [{ productId: world.glucose, quantity: 1 }],
    });
    const request = await requestOf(placed.id);
    const before = snapshot(server.ledger);
    const own = await decide(managerA, request.id, 'approve');
    expect(own.status).toBe(409);
    expect(own.body.error.message).toContain('You placed this order or asked for its approval');
    expect(snapshot(server.ledger)).toBe(before);
    await admin.ok('orders.cancel', { id: placed.id, reason: 'tidy-up' });
  });

  it('a change to the order while it waits voids the request; placing it again asks afresh', async () => {
    const placed = await placeOverLimit();
    const first = await requestOf(placed.id);
    const changed = await clerk.ok('orders.saveDraft', {
      id: placed.id,
      version: placed.version,
      customerId: world.customerId,
      warehouseId: world.warehouseId,
      lines: [{ productId: world.glucose, quantity: 2 }],
    });
    expect(changed.status).toBe('draft');
    expect(changed.approvals.map((a: { status: string }) => a.status)).toEqual(['void']);
    expect(changed.events.at(-1).kind).toBe('approval_void');
    const stale = await decide(managerA, first.id, 'approve');
    expect(stale.status).toBe(409);
    expect(stale.body.error.message).toContain('already void');
    const again = await clerk.ok('orders.place', {
      id: placed.id,
      version: changed.version,
      customerId: world.customerId,
      warehouseId: world.warehouseId,
      lines: [{ productId: world.glucose, quantity: 2 }],
    });
    expect(again.number).toBe(placed.number);
    expect(again.approvals.map((a: { status: string }) => a.status)).toEqual(['void', 'pending']);
    await admin.ok('orders.cancel', { id: placed.id, reason: 'tidy-up' });
  });

  it('an approved field changed by any other path voids the request at the decision instead of approving', async () => {
    const placed = await placeOverLimit();
    const request = await requestOf(placed.id);
    server.ledger.sqlite.prepare('UPDATE order_lines SET quantity = 9 WHERE order_id = ?').run(placed.id);
    const result = await decide(managerA, request.id, 'approve');
    expect(result.body.request.status).toBe('void');
    expect(result.body.order.status).toBe('pending_approval');
    expect(result.body.order.lines[0].allocated).toBe(0);
    await admin.ok('orders.cancel', { id: placed.id, reason: 'tidy-up' });
  });

  it('a request in flight keeps the version it started with when the policy is edited', async () => {
    const policy = await savePolicy({ levels: [{ role: 'manager' }] });
    const early = await placeOverLimit();
    const edited = await savePolicy({ id: policy.id, ...twoLevels });
    expect(edited.version).toBe(2);
    expect(edited.history.map((h: { version: number }) => h.version)).toEqual([1]);
    expect(edited.inFlight).toBe(1);
    const late = await placeOverLimit();
    expect((await requestOf(early.id)).levels).toBe(1);
    expect((await requestOf(late.id)).levels).toBe(2);
    expect((await decide(managerA, (await requestOf(early.id)).id, 'approve')).body.order.status).toBe('confirmed');
    expect((await decide(managerA, (await requestOf(late.id)).id, 'approve')).body.order.status).toBe(
      'pending_approval',
    );
    for (const o of [early, late]) await admin.ok('orders.cancel', { id: o.id, reason: 'tidy-up' });
  });

  it('refuses a policy without levels or with too few named users, naming the field', async () => {
    const before = snapshot(server.ledger);
    const empty = await admin.call('approvalPolicies.save', { subject: 'order', name: 'Empty', levels: [] });
    expect(empty.status).toBe(400);
    expect(empty.body.error.field).toBe('levels');
    const few = await admin.call('approvalPolicies.save', {
      subject: 'write_off',
      name: 'Two named',
      levels: [{ userIds: [ids.managerA!], minApprovers: 2 }],
    });
    expect(few.body.error.field).toBe('levels.0.minApprovers');
    expect(
      (await managerA.call('approvalPolicies.save', { subject: 'order', name: 'Mine', ...twoLevels } as never)).status,
    ).toBe(403);
    expect(snapshot(server.ledger)).toBe(before);
  });
});

describe('escalation after N hours (fake time; the placeholder calendar counts plain hours)', () => {
  it('escalates to the next level, catches up over several levels once, and reminds the waiting approvers', async () => {
    await savePolicy({
      levels: [
        { role: 'manager', escalateAfterHours: 2 },
        { userIds: [ids.managerB], escalateAfterHours: 3 },
        { role: 'admin' },
      ],
    });
    const placed = await placeOverLimit();
    const request = await requestOf(placed.id);
    const start = Date.parse(request.levelStartedAt);
    const aNotes = notesOf(ids.managerA!).length;
    escalateAt(new Date(start + 1 * HOUR));
    expect((await requestOf(placed.id)).level).toBe(1);
    // The app was closed for ten hours: level 1 fell due at +2 h, level 2 (started then) at +5 h.
    escalateAt(new Date(start + 10 * HOUR));
    const after = await requestOf(placed.id);
    expect(after).toMatchObject({ level: 3, escalateAt: null });
    expect(after.levelStartedAt).toBe(new Date(start + 5 * HOUR).toISOString());
    expect(after.decisions.map((d: { text: string }) => d.text)).toEqual([
      'Escalated to level 2 after 2 business hours',
      'Escalated to level 3 after 3 business hours',
    ]);
    expect(
      notesOf(ids.managerA!)
        .slice(aNotes)
        .map((n) => n.text),
    ).toEqual([`Reminder: ${placed.number} has waited 2 business hours for your approval`]);
    expect(notesOf(ids.managerB!).map((n) => n.text)).toContain(
      `${placed.number} was escalated to you at level 2 of 3`,
    );
    expect(notesOf(ids.admin!).map((n) => n.text)).toContain(`${placed.number} was escalated to you at level 3 of 3`);
    // Idempotent: running again writes nothing.
    const before = snapshot(server.ledger);
    escalateAt(new Date(start + 11 * HOUR));
    expect(snapshot(server.ledger)).toBe(before);
    const final = await decide(admin, after.id, 'approve');
    expect(final.body.error).toBeUndefined();
    expect(final.body.order.status).toBe('confirmed');
    await admin.ok('orders.cancel', { id: placed.id, reason: 'tidy-up' });
  });

  it('escalates to a named user, who may then decide the level', async () => {
    await savePolicy({ levels: [{ userIds: [ids.managerA], escalateAfterHours: 4, escalateToUserId: ids.managerB }] });
    const placed = await placeOverLimit();
    const request = await requestOf(placed.id);
    expect((await decide(managerB, request.id, 'approve')).status).toBe(403);
    escalateAt(new Date(Date.parse(request.levelStartedAt) + 4 * HOUR));
    const after = await requestOf(placed.id);
    expect(after.waitingOn).toMatch(/^manager \d+, escalated to manager \d+$/);
    expect((await decide(managerB, request.id, 'approve')).body.order.status).toBe('confirmed');
    await admin.ok('orders.cancel', { id: placed.id, reason: 'tidy-up' });
  });
});
