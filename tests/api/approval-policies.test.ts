import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { scheduledJobs } from '../../src-main/engine/scheduler/jobs';
import { startScheduler } from '../../src-main/engine/scheduler/scheduler';
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
/** A wall-clock time in the company's zone (Asia/Kolkata, +05:30). 2026-11-23 is a Monday. */
const ist = (day: string, hhmm: string) => new Date(`${day}T${hhmm}:00+05:30`);
const MONDAY_10 = ist('2026-11-23', '10:00');
/** The office week the escalation stories count in, set explicitly (not the default's 09:30). */
const WEEK = { workingDays: [1, 2, 3, 4, 5, 6], opensAt: '09:00', closesAt: '18:30', holidays: [] };

const idOf = async (c: TestClient) => (await c.ok('auth.me', {})).id as number;
const nameOf = async (c: TestClient) => (await c.ok('auth.me', {})).displayName as string;
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
/**
 * One run of the desktop app's scheduler at `at`, with only the escalation job: the server's clock moves there too.
 * Each story starts its own clock, so the job's last run is forgotten first (else an earlier story's later run
 * would make this one look not yet due).
 */
const escalateAt = (at: Date) => {
  server.setNow(at);
  server.ledger.sqlite.prepare("DELETE FROM scheduled_job_runs WHERE name = 'approval-escalation'").run();
  const jobs = scheduledJobs.filter((j) => j.name === 'approval-escalation');
  const scheduler = startScheduler(server.ledger, jobs, { now: () => at, firstTickMs: 1e9, tickMs: 1e9 });
  try {
    expect(scheduler.tick()).toEqual(['approval-escalation']);
  } finally {
    scheduler.stop();
  }
};
const approvalRows = () =>
  JSON.stringify(
    ['approval_requests', 'approval_decisions', 'notifications'].map((t) =>
      server.ledger.sqlite.prepare(`SELECT * FROM ${t} ORDER BY rowid`).all(),
    ),
  );
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
  await admin.ok('calendar.update', WEEK);
  // The stories move the clock days ahead; the people in them stay signed in (a session lasts 12 hours).
  server.ledger.sqlite.prepare("UPDATE sessions SET expires_at = '2099-01-01T00:00:00.000Z'").run();
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
    server.setNow(MONDAY_10);
    const placed = await placeOverLimit();
    const request = await requestOf(placed.id);
    expect(request).toMatchObject({ level: 1, levels: 2, mode: 'sequence', policyName: 'Two eyes then the owner' });
    expect(request.waitingOn).toBe('Manager');
    // Four business hours from Monday 10:00 fall inside the day.
    expect(request.escalateAt).toBe(ist('2026-11-23', '14:00').toISOString());
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

describe('escalation after N business hours (fake time, driven through the scheduler)', () => {
  it('escalates to the next level, catches up over several levels once, and reminds the waiting approvers', async () => {
    await savePolicy({
      levels: [
        { role: 'manager', escalateAfterHours: 2 },
        { userIds: [ids.managerB], escalateAfterHours: 3 },
        { role: 'admin' },
      ],
    });
    server.setNow(MONDAY_10);
    const placed = await placeOverLimit();
    const request = await requestOf(placed.id);
    expect(request.escalateAt).toBe(ist('2026-11-23', '12:00').toISOString());
    const aNotes = notesOf(ids.managerA!).length;
    escalateAt(ist('2026-11-23', '11:00'));
    expect((await requestOf(placed.id)).level).toBe(1);
    // The app was closed for days: level 1 fell due Monday 12:00, level 2 (started then) at 15:00.
    escalateAt(ist('2026-11-26', '10:00'));
    const after = await requestOf(placed.id);
    expect(after).toMatchObject({ level: 3, escalateAt: null });
    expect(after.levelStartedAt).toBe(ist('2026-11-23', '15:00').toISOString());
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
    // Idempotent: running again writes nothing to the approvals or the notifications.
    const before = approvalRows();
    escalateAt(ist('2026-11-26', '11:00'));
    expect(approvalRows()).toBe(before);
    const final = await decide(admin, after.id, 'approve');
    expect(final.body.error).toBeUndefined();
    expect(final.body.order.status).toBe('confirmed');
    await admin.ok('orders.cancel', { id: placed.id, reason: 'tidy-up' });
  });

  it('counts across a weekend: Saturday 17:30 + 4 business hours is Monday 12:00 when Sunday is closed', async () => {
    await savePolicy({
      levels: [
        { role: 'manager', escalateAfterHours: 4 },
        { role: 'admin', escalateAfterHours: 8 },
      ],
    });
    server.setNow(ist('2026-11-28', '17:30'));
    const placed = await placeOverLimit();
    const request = await requestOf(placed.id);
    expect(request.escalateAt).toBe(ist('2026-11-30', '12:00').toISOString());
    // Sunday, and Monday morning: not yet, however many clock hours have passed.
    escalateAt(ist('2026-11-29', '23:00'));
    escalateAt(ist('2026-11-30', '11:59'));
    expect((await requestOf(placed.id)).level).toBe(1);
    // Closed from Monday morning to Wednesday: level 1 escalated at Monday 12:00; level 2's eight hours are
    // Monday 12:00–18:30 and Tuesday 09:00–10:30, so it had nowhere further to go but a reminder then.
    escalateAt(ist('2026-12-02', '09:15'));
    const after = await requestOf(placed.id);
    expect(after).toMatchObject({ level: 2, escalateAt: null });
    expect(after.levelStartedAt).toBe(ist('2026-12-01', '10:30').toISOString());
    expect(after.decisions.map((d: { text: string }) => d.text)).toEqual([
      'Escalated to level 2 after 4 business hours',
      'Escalated reminder only after 8 business hours',
    ]);
    await admin.ok('orders.cancel', { id: placed.id, reason: 'tidy-up' });
  });

  it('skips a holiday: with Monday a holiday, Saturday 17:30 + 4 business hours is Tuesday 12:00', async () => {
    await admin.ok('calendar.update', { ...WEEK, holidays: [{ day: '2026-11-30', name: 'Guru Nanak Jayanti' }] });
    try {
      await savePolicy({ levels: [{ role: 'manager', escalateAfterHours: 4 }, { role: 'admin' }] });
      server.setNow(ist('2026-11-28', '17:30'));
      const placed = await placeOverLimit();
      const request = await requestOf(placed.id);
      expect(request.escalateAt).toBe(ist('2026-12-01', '12:00').toISOString());
      escalateAt(ist('2026-11-30', '17:00'));
      expect((await requestOf(placed.id)).level).toBe(1);
      escalateAt(ist('2026-12-01', '12:00'));
      expect(await requestOf(placed.id)).toMatchObject({
        level: 2,
        levelStartedAt: ist('2026-12-01', '12:00').toISOString(),
      });
      await admin.ok('orders.cancel', { id: placed.id, reason: 'tidy-up' });
    } finally {
      await admin.ok('calendar.update', WEEK);
    }
  });

  it('escalates to a named user, who may then decide the level', async () => {
    await savePolicy({ levels: [{ userIds: [ids.managerA], escalateAfterHours: 4, escalateToUserId: ids.managerB }] });
    server.setNow(MONDAY_10);
    const placed = await placeOverLimit();
    const request = await requestOf(placed.id);
    expect((await decide(managerB, request.id, 'approve')).status).toBe(403);
    escalateAt(ist('2026-11-23', '14:00'));
    const after = await requestOf(placed.id);
    expect(after.waitingOn).toMatch(/^manager \d+, escalated to manager \d+$/);
    expect((await decide(managerB, request.id, 'approve')).body.order.status).toBe('confirmed');
    await admin.ok('orders.cancel', { id: placed.id, reason: 'tidy-up' });
  });
});

describe('delegation for a date range', () => {
  it('the substitute decides for the away approver only within the dates, and the record says for whom', async () => {
    await savePolicy({ levels: [{ userIds: [ids.managerA] }] });
    server.setNow(MONDAY_10);
    const away = await managerA.ok('delegations.add', {
      substituteId: ids.managerB!,
      startsOn: '2026-11-24',
      endsOn: '2026-11-25',
      reason: 'Wedding in Nashik',
    });
    expect(away.state).toBe('upcoming');
    const placed = await placeOverLimit();
    const request = await requestOf(placed.id);
    const asSubstitute = async () =>
      (await managerB.ok('approvals.list', {})).find((a: { id: number }) => a.id === request.id);
    // Monday: the approver is still in; the substitute may not decide yet.
    expect((await asSubstitute()).mayDecide).toBe(false);
    expect((await decide(managerB, request.id, 'approve')).status).toBe(403);
    // Tuesday, within the dates: the substitute sees the request as theirs and decides it for the approver.
    server.setNow(ist('2026-11-24', '11:00'));
    expect((await asSubstitute()).mayDecide).toBe(true);
    const approved = await decide(managerB, request.id, 'approve', 'Standing in');
    expect(approved.status).toBe(200);
    expect(approved.body.order.status).toBe('confirmed');
    const text = approved.body.request.decisions.map((d: { text: string }) => d.text);
    expect(text).toEqual([expect.stringMatching(/^Approved by manager \d+ for manager \d+$/)]);
    expect(text[0]).toContain(`for ${await nameOf(managerA)}`);
    const row = server.ledger.sqlite
      .prepare('SELECT approver_id AS approver, on_behalf_of AS behalf FROM approval_decisions WHERE request_id = ?')
      .get(request.id);
    expect(row).toEqual({ approver: ids.managerB, behalf: ids.managerA });
    const audit = server.ledger.sqlite
      .prepare("SELECT detail FROM audit_log WHERE entity = 'approval' AND entity_id = ? AND action = 'approve'")
      .get(request.id) as { detail: string };
    expect(JSON.parse(audit.detail)).toMatchObject({ onBehalfOf: ids.managerA, comment: 'Standing in' });
    await admin.ok('orders.cancel', { id: placed.id, reason: 'tidy-up' });

    // Thursday, after the dates: the substitute is refused and nothing is written; the approver decides again.
    server.setNow(ist('2026-11-26', '10:00'));
    const later = await placeOverLimit();
    const next = await requestOf(later.id);
    // (Read first: a session's last-seen time is written on its first call of the day.)
    expect((await managerB.ok('approvals.list', {})).find((a: { id: number }) => a.id === next.id).mayDecide).toBe(
      false,
    );
    const before = snapshot(server.ledger);
    expect((await decide(managerB, next.id, 'approve')).status).toBe(403);
    expect(snapshot(server.ledger)).toBe(before);
    expect((await decide(managerA, next.id, 'approve')).body.order.status).toBe('confirmed');
    await admin.ok('orders.cancel', { id: later.id, reason: 'tidy-up' });
  });
});
