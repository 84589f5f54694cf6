import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordEvent } from '../../../src-main/engine/sync/outbox';
import { parkedEvents, resendParked, skipParked, syncStatus } from '../../../src-main/engine/sync/sync-admin';
import { createCustomer } from '../../../src-main/engine/customers/customer-service';
import { contract } from '../../../src-shared/contract';
import { startFaultyProxy, type Fault } from '../../support/faulty-proxy';
import { retailer } from '../../support/fixtures';
import { pgliteBackend, startTestHq, type TestHq } from '../../support/hq';
import { enrolledDevice, heldAtHq, outboxStatuses, queueInvoices } from '../../support/sync-device';
import { invoicePayload } from '../../support/sync-events';

/** The sync worker pushing a real outbox to the reference HQ on a loopback port (PGlite). */

let hq: TestHq;
beforeAll(async () => {
  hq = await startTestHq(pgliteBackend);
}, 60_000);
afterAll(() => hq?.stop());

async function loseEverythingAfter(deviceId: string, seq: number) {
  const ids = `select event_id from inbox where device_id = $1 and device_seq > $2`;
  await hq.sql.query(`delete from secondary_sales where device_id = $1 and event_id in (${ids})`, [deviceId, seq]);
  await hq.sql.query('delete from events where device_id = $1 and device_seq > $2', [deviceId, seq]);
  await hq.sql.query('delete from inbox where device_id = $1 and device_seq > $2', [deviceId, seq]);
}

describe('the sync worker pushing the outbox', () => {
  it('delivers every event exactly once through 500s, timeouts, answers lost after commit and duplicated requests', async () => {
    const kinds: Fault[] = ['none', 'error500', 'slow', 'dropAfterCommit', 'duplicate'];
    const proxy = await startFaultyProxy(hq.url, (n) => kinds[n % kinds.length]!, 300);
    const { ctx, worker, deviceId } = await enrolledDevice(hq, 'D-PUSH', {
      via: proxy.url,
      timeoutMs: 150,
      batchLimits: { maxEvents: 25 },
    });
    queueInvoices(ctx, 1, 120);
    let runs = 0;
    while (outboxStatuses(ctx).pending && runs++ < 200) await worker.runNow();
    await new Promise((r) => setTimeout(r, 400)); // requests the client gave up on still reach HQ
    await proxy.close();
    expect(outboxStatuses(ctx).pending).toBeUndefined();
    for (const kind of kinds) expect(proxy.counts[kind]).toBeGreaterThan(0);
    expect(await heldAtHq(hq, deviceId)).toEqual({ n: 120, seqs: 120, hi: 120 });
    const [sales] = await hq.sql.query<{ n: number }>(
      'select count(*)::int as n from secondary_sales where device_id = $1',
      [deviceId],
    );
    expect(sales!.n).toBe(120);
    expect(syncStatus(ctx).hqHighWaterMark).toBe(120);
  }, 120_000);

  it("sends again from HQ's mark when HQ was restored from an older backup", async () => {
    const { ctx, worker, deviceId } = await enrolledDevice(hq, 'D-RESTORED');
    queueInvoices(ctx, 1, 30);
    expect((await worker.runNow()).push?.accepted).toBe(30);
    await loseEverythingAfter(deviceId, 12);
    const run = await worker.runNow();
    expect(run.push?.resent).toBe(18);
    expect(run.push?.accepted).toBe(18);
    expect(await heldAtHq(hq, deviceId)).toEqual({ n: 30, seqs: 30, hi: 30 });
    expect(syncStatus(ctx)).toMatchObject({ queued: 0, hqHighWaterMark: 30 });
  }, 60_000);

  it('parks an event HQ rejects with its reason, sends the later ones, and lets an admin resend or skip it', async () => {
    const { ctx, worker, deviceId } = await enrolledDevice(hq, 'D-PARK');
    queueInvoices(ctx, 1, 2);
    ctx.ledger.sqlite.transaction(() =>
      recordEvent(ctx, 'invoice.posted', 99, invoicePayload('INV/26-27/3', '2026-11-22')),
    )();
    queueInvoices(ctx, 4, 2);
    const run = await worker.runNow();
    expect(run.ok).toBe(true);
    expect(outboxStatuses(ctx)).toEqual({ accepted: 4, parked: 1 });
    const [parked] = parkedEvents(ctx);
    expect(parked).toMatchObject({ seq: 3, type: 'invoice.posted', document: 'INV/26-27/3' });
    expect(parked!.reason).toMatch(/HQ rejected it: .*schema version 99/);
    expect(syncStatus(ctx)).toMatchObject({ parked: 1, queued: 0, hqHighWaterMark: 5 });

    ctx.ledger.sqlite.transaction(() => resendParked(ctx, 3))();
    await worker.runNow();
    expect(outboxStatuses(ctx)).toEqual({ accepted: 4, parked: 1 }); // HQ still refuses version 99
    ctx.ledger.sqlite.transaction(() => skipParked(ctx, 3, 'sent to the brand by e-mail'))();
    expect(outboxStatuses(ctx)).toEqual({ accepted: 4, skipped: 1 });
    const audit = ctx.ledger.sqlite
      .prepare("SELECT action FROM audit_log WHERE entity = 'sync_event' ORDER BY id")
      .all();
    expect(audit).toEqual([{ action: 'resend' }, { action: 'skip' }]);
    expect(await heldAtHq(hq, deviceId)).toMatchObject({ n: 5, hi: 5 });
  }, 60_000);

  it("lets a clerk's write finish promptly while a push waits on a slow HQ", async () => {
    const proxy = await startFaultyProxy(hq.url, () => 'slow', 1_500);
    const { ctx, worker } = await enrolledDevice(hq, 'D-SLOW', { via: proxy.url, timeoutMs: 5_000 });
    queueInvoices(ctx, 1, 500);
    const run = worker.runNow();
    await new Promise((r) => setTimeout(r, 200));
    expect(worker.running).toBe(true);
    const input = contract['customers.create'].input.parse(retailer({ code: 'RT0042' }));
    const started = performance.now();
    ctx.ledger.sqlite.transaction(() => createCustomer(ctx, input))();
    const took = performance.now() - started;
    expect(worker.running).toBe(true); // the push was still out while the clerk saved
    expect(took).toBeLessThan(50);
    expect((await run).ok).toBe(true);
    await proxy.close();
    expect(outboxStatuses(ctx)).toEqual({ accepted: 501 }); // the new customer's event went in the same run
  }, 60_000);
});
