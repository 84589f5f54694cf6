import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { takeBatch } from '../../../src-main/engine/sync/batching';
import { SyncClient } from '../../../src-main/engine/sync/sync-client';
import { SyncError } from '../../../src-main/engine/sync/sync-errors';
import type { EventEnvelope } from '../../../src-shared/sync';
import { startFaultyProxy, type Fault, type FaultyProxy } from '../../support/faulty-proxy';
import type { TestHq } from '../../support/hq';
import { invoices } from '../../support/sync-events';

/** A deterministic stream of faults: roughly half the requests misbehave, each kind in turn. */
function seededFaults(seed: number): (n: number) => Fault {
  let state = seed >>> 0;
  const kinds: Fault[] = ['error500', 'slow', 'dropAfterCommit', 'duplicate'];
  const next = () => {
    // mulberry32
    state = (state + 0x6d2b79f5) >>> 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t ^= t + Math.imul(t ^ (t >>> 7), 61 | t);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
  return () => (next() < 0.5 ? 'none' : kinds[Math.floor(next() * kinds.length)]!);
}

/** What the sync worker will do, reduced to the transport: send from HQ's mark, in batches, until HQ holds all. */
async function pushUntilHeld(client: SyncClient, outbox: EventEnvelope[]) {
  let mark = 0;
  let failures = 0;
  for (let round = 0; mark < outbox.length; round++) {
    if (round > 1_000) throw new Error(`stuck at ${mark}`);
    try {
      mark = (await client.push(takeBatch(outbox.slice(mark), { maxEvents: 25, maxBytes: 64 * 1024 }))).highWaterMark;
    } catch (error) {
      if (!(error instanceof SyncError) || !error.retryable) throw error;
      failures++;
    }
  }
  return { mark, failures };
}

export function faultsSuite(backend: string, theHq: () => TestHq) {
  describe(`a device pushing through a faulty network (${backend})`, () => {
    let hq: TestHq;
    let proxy: FaultyProxy;
    beforeAll(async () => {
      hq = theHq();
      proxy = await startFaultyProxy(hq.url, seededFaults(42), 300);
    });
    afterAll(() => proxy.close());

    it('ends with every event held exactly once, and its sale counted once', async () => {
      const { deviceId, credentials } = await hq.enrolledClient('D-FAULTS');
      const client = new SyncClient({
        hqAddress: proxy.url,
        credentials,
        timeoutMs: 150,
        maxAttempts: 3,
        backoff: { baseMs: 2, capMs: 20 },
      });
      const outbox = invoices(1, 200);
      const { mark } = await pushUntilHeld(client, outbox);
      expect(mark).toBe(200);
      await new Promise((r) => setTimeout(r, 400)); // let requests the client gave up on reach HQ
      for (const kind of ['error500', 'slow', 'dropAfterCommit', 'duplicate'] as const)
        expect(proxy.counts[kind]).toBeGreaterThan(0);
      const [held] = await hq.sql.query<{ n: number; seqs: number; lo: number; hi: number }>(
        `select count(*)::int as n, count(distinct device_seq)::int as seqs, min(device_seq) as lo, max(device_seq) as hi
         from inbox where device_id = $1`,
        [deviceId],
      );
      expect(held).toEqual({ n: 200, seqs: 200, lo: 1, hi: 200 });
      const [sales] = await hq.sql.query<{ rows: number; total: number }>(
        'select count(*)::int as rows, sum(total_paise) as total from secondary_sales where device_id = $1',
        [deviceId],
      );
      expect(sales).toEqual({ rows: 200, total: 200 * 59_000 });
      const [events] = await hq.sql.query<{ n: number }>('select count(*)::int as n from events where device_id = $1', [
        deviceId,
      ]);
      expect(events!.n).toBe(200);
    });
  });
}
