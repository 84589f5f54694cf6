import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activeSubstituteFor, standingInFor } from '../../src-main/engine/approvals/delegation';
import { notify } from '../../src-main/engine/notifications/notify';
import type { EngineContext } from '../../src-main/engine/context';
import { snapshot, startTestServer, type TestClient, type TestServer } from '../support/test-server';

let server: TestServer;
let admin: TestClient;
let manager: TestClient;
let owner: TestClient;
let clerk: TestClient;
const ids = { admin: 0, manager: 0, owner: 0, clerk: 0 };
const ist = (wall: string) => new Date(`${wall}+05:30`);

beforeAll(async () => {
  server = await startTestServer();
  // Monday 30 November in Pune; sessions last 12 hours, so every step below happens on this day.
  server.setNow(ist('2026-11-30T09:00'));
  admin = await server.admin();
  manager = await server.as('manager');
  owner = await server.as('manager');
  clerk = await server.as('sales_clerk');
  for (const [name, client] of Object.entries({ admin, manager, owner, clerk }))
    ids[name as keyof typeof ids] = (await client.ok('auth.me', {})).id;
}, 60_000);
afterAll(() => server.close());

const engine = (): EngineContext => ({ ledger: server.ledger, actor: null, now: () => new Date() });

describe('the business calendar setting', () => {
  it('starts as Monday to Saturday, 09:30 to 18:30, and an admin sets days, hours and holidays', async () => {
    expect(await clerk.ok('calendar.get', {})).toMatchObject({
      timeZone: 'Asia/Kolkata',
      workingDays: [1, 2, 3, 4, 5, 6],
      opensAt: '09:30',
      closesAt: '18:30',
      holidays: [],
    });
    const saved = await admin.ok('calendar.update', {
      workingDays: [5, 1, 2, 3, 4],
      opensAt: '10:00',
      closesAt: '19:00',
      holidays: [{ day: '2026-12-25', name: 'Christmas' }],
    });
    expect(saved).toMatchObject({ workingDays: [1, 2, 3, 4, 5], opensAt: '10:00', closesAt: '19:00' });
    expect(saved.holidays).toEqual([{ day: '2026-12-25', name: 'Christmas' }]);
  });

  it('refuses closing before opening, a repeated holiday and a clerk, and writes nothing', async () => {
    const before = snapshot(server.ledger);
    const bad = await admin.call('calendar.update', {
      workingDays: [1],
      opensAt: '18:00',
      closesAt: '09:00',
      holidays: [],
    });
    expect(bad.body.error).toMatchObject({ code: 'invalid_input', field: 'closesAt' });
    const twice = await admin.call('calendar.update', {
      workingDays: [1],
      opensAt: '09:00',
      closesAt: '18:00',
      holidays: [{ day: '2026-01-26' }, { day: '2026-01-26' }],
    });
    expect(twice.body.error).toMatchObject({ code: 'invalid_input', field: 'holidays.1.day' });
    const none = await admin.call('calendar.update', {
      workingDays: [],
      opensAt: '09:00',
      closesAt: '18:00',
      holidays: [],
    });
    expect(none.body.error.field).toBe('workingDays');
    const clerkTry = await clerk.call('calendar.update', {
      workingDays: [1],
      opensAt: '09:00',
      closesAt: '18:00',
      holidays: [],
    });
    expect(clerkTry.status).toBe(403);
    expect(snapshot(server.ledger)).toBe(before);
  });
});

describe('delegation', () => {
  it('a manager names a substitute for a date range: in force on both days in the company zone, not outside', async () => {
    server.setNow(ist('2026-11-30T11:00'));
    const away = await manager.ok('delegations.add', {
      substituteId: ids.owner,
      startsOn: '2026-12-01',
      endsOn: '2026-12-03',
      reason: 'Wedding in Nashik',
    });
    expect(away).toMatchObject({ approverId: ids.manager, substituteId: ids.owner, state: 'upcoming' });
    const ctx = engine();
    // 23:59 IST on 30 Nov is still 30 Nov (18:29 UTC); 00:00 IST on 1 Dec is 30 Nov 18:30 UTC.
    expect(activeSubstituteFor(ctx, ids.manager, ist('2026-11-30T23:59'))).toBeNull();
    expect(activeSubstituteFor(ctx, ids.manager, ist('2026-12-01T00:00'))).toBe(ids.owner);
    expect(activeSubstituteFor(ctx, ids.manager, ist('2026-12-03T23:59'))).toBe(ids.owner);
    expect(activeSubstituteFor(ctx, ids.manager, ist('2026-12-04T00:00'))).toBeNull();
    expect(standingInFor(ctx, ids.owner, ist('2026-12-02T12:00'))).toEqual([ids.manager]);
    expect(standingInFor(ctx, ids.owner, ist('2026-12-05T12:00'))).toEqual([]);
    // The substitute is told, with a link to the delegation.
    const notes = await owner.ok('notifications.list', {});
    expect(notes[0]).toMatchObject({ kind: 'other', subject: { type: 'approval_delegation', id: away.id } });
    expect(notes[0].text).toContain('2026-12-01 to 2026-12-03');
  });

  it('refuses self-substitution, a substitute who may not approve, overlaps, and someone else’s approver', async () => {
    server.setNow(ist('2026-11-30T11:00'));
    const before = snapshot(server.ledger);
    const range = { startsOn: '2026-12-03', endsOn: '2026-12-05' };
    const self = await manager.call('delegations.add', { substituteId: ids.manager, ...range });
    expect(self.body.error).toMatchObject({ code: 'invalid_input', field: 'substituteId' });
    const clerkSub = await manager.call('delegations.add', { substituteId: ids.clerk, ...range });
    expect(clerkSub.body.error.message).toMatch(/may not approve/);
    const overlap = await manager.call('delegations.add', { substituteId: ids.admin, ...range });
    expect(overlap.body.error).toMatchObject({ code: 'conflict', field: 'startsOn' });
    expect(overlap.body.error.message).toContain('2026-12-01 to 2026-12-03');
    // The owner stands in then, so the owner cannot be away then and hand the manager's queue on.
    const awaySub = await owner.call('delegations.add', { substituteId: ids.admin, ...range, approverId: ids.owner });
    expect(awaySub.status).toBe(200);
    const forOther = await owner.call('delegations.add', {
      approverId: ids.manager,
      substituteId: ids.admin,
      ...range,
    });
    expect(forOther.status).toBe(403);
    const past = await manager.call('delegations.add', {
      substituteId: ids.admin,
      startsOn: '2026-11-01',
      endsOn: '2026-11-02',
    });
    expect(past.body.error.field).toBe('endsOn');
    const backwards = await manager.call('delegations.add', {
      substituteId: ids.admin,
      startsOn: '2026-12-09',
      endsOn: '2026-12-08',
    });
    expect(backwards.body.error.field).toBe('endsOn');
    // Only the owner's own delegation was written.
    expect(snapshot(server.ledger)).not.toBe(before);
    const all = await admin.ok('delegations.list', {});
    expect(all.filter((d: { approverId: number }) => d.approverId === ids.owner)).toHaveLength(1);
  });

  it('an admin names one for anyone; ending it early stops the substitute from that instant', async () => {
    server.setNow(ist('2026-11-30T12:00'));
    const third = await server.as('manager');
    const thirdId = (await third.ok('auth.me', {})).id;
    const d = await admin.ok('delegations.add', {
      approverId: thirdId,
      substituteId: ids.admin,
      startsOn: '2026-11-30',
      endsOn: '2026-12-02',
    });
    expect(d.state).toBe('active');
    server.setNow(ist('2026-11-30T14:00'));
    const ended = await third.ok('delegations.end', { id: d.id });
    expect(ended.state).toBe('over');
    const ctx = engine();
    expect(activeSubstituteFor(ctx, thirdId, ist('2026-11-30T13:59'))).toBe(ids.admin);
    expect(activeSubstituteFor(ctx, thirdId, ist('2026-11-30T14:00'))).toBeNull();
    expect((await third.call('delegations.end', { id: d.id })).body.error.code).toBe('conflict');
    expect((await clerk.call('delegations.end', { id: d.id })).status).toBe(403);
    // Once ended, the same days are free for another substitute.
    await third.ok('delegations.add', { substituteId: ids.owner, startsOn: '2026-12-01', endsOn: '2026-12-01' });
    const mine = await third.ok('delegations.list', {});
    expect(mine.map((x: { state: string }) => x.state)).toEqual(['upcoming', 'over']);
    const substitutes = await clerk.ok('delegations.substitutes', {});
    expect(substitutes.map((u: { id: number }) => u.id).sort()).toEqual(
      [ids.admin, ids.manager, ids.owner, thirdId].sort(),
    );
  });
});

describe('notifications', () => {
  it('counts unread, pages newest first by id, and marks read (one, then all) only the caller’s own', async () => {
    const ctx = engine();
    server.ledger.sqlite.transaction(() => {
      for (let i = 1; i <= 5; i++)
        notify(ctx, {
          userId: ids.clerk,
          text: `Request ${i} waits`,
          kind: 'approval_requested',
          subject: { type: 'approval_request', id: i },
        });
      notify(ctx, { userId: ids.manager, text: 'Not for the clerk', kind: 'other' });
    })();
    expect(await clerk.ok('notifications.unread', {})).toMatchObject({ unread: 5 });
    const first = await clerk.ok('notifications.list', { limit: 2 });
    expect(first.map((n: { text: string }) => n.text)).toEqual(['Request 5 waits', 'Request 4 waits']);
    expect(first[0]).toMatchObject({
      kind: 'approval_requested',
      subject: { type: 'approval_request', id: 5 },
      read: false,
    });
    const next = await clerk.ok('notifications.list', { limit: 2, before: first[1].id });
    expect(next.map((n: { text: string }) => n.text)).toEqual(['Request 3 waits', 'Request 2 waits']);

    const managersNote = (await manager.ok('notifications.list', {}))[0];
    await clerk.ok('notifications.markRead', { ids: [first[0].id, managersNote.id] });
    expect((await clerk.ok('notifications.unread', {})).unread).toBe(4);
    expect((await manager.ok('notifications.list', {}))[0].read).toBe(false);
    await clerk.ok('notifications.markRead', { all: true });
    const after = await clerk.ok('notifications.unread', {});
    expect(after).toEqual({ unread: 0, latestId: first[0].id });
  });
});
