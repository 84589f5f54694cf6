import type { EngineContext } from '../../src-main/engine/context';
import { recordEvent } from '../../src-main/engine/sync/outbox';
import {
  orderPayload,
  publishOrderConfirmed,
  publishOrderPlaced,
} from '../../src-main/engine/sync/payloads/order-payload';
import { enrolWithHq } from '../../src-main/engine/sync/sync-admin';
import { pushOutbox } from '../../src-main/engine/sync/push-outbox';
import { SyncWorker } from '../../src-main/engine/sync/sync-worker';
import { eventPayloads } from '../../src-shared/sync';
import { startHq } from '../../src-hq/server';
import { openHqStore } from '../../src-hq/store/open';
import type { Sql } from '../../src-hq/store/sql';
import { findPostgresBin, startPostgresCluster } from '../support/postgres-cluster';
import { invoicePayload, line } from '../support/sync-events';
import { BENCH_TODAY } from './generate-ledger';
import { stats, time, type Stats } from './measure';
import { timedSql } from './sql-phases';

/** The sync figures of `npm run bench`: what the outbox adds to a confirm, and push throughput to HQ. */

/** Runs fn in a transaction that is rolled back, timing only fn: the outbox stays as the bench left it. */
function timedAndUndone(ctx: EngineContext, fn: () => void): number {
  const { sqlite } = ctx.ledger;
  sqlite.exec('BEGIN IMMEDIATE');
  try {
    return time(fn);
  } finally {
    sqlite.exec('ROLLBACK');
  }
}

/**
 * The outbox's part of confirming orders that were placed and confirmed at once: the same two calls
 * placeOrder makes (order.placed, then order.confirmed reusing its checked payload), and separately
 * its three steps, so the dominant one is visible.
 */
export function measureOutbox(
  ctx: EngineContext,
  orderIds: number[],
): { outbox: Stats; read: Stats; check: Stats; write: Stats } {
  const outbox = stats(
    orderIds.map((id) =>
      timedAndUndone(ctx, () => {
        const placed = publishOrderPlaced(ctx, id);
        publishOrderConfirmed(ctx, id, placed);
      }),
    ),
  );
  const read = stats(orderIds.map((id) => time(() => orderPayload(ctx, id))));
  const payloads = orderIds.map((id) => orderPayload(ctx, id)!.order);
  const check = stats(payloads.map((p) => time(() => eventPayloads['order.placed'].parse(p))));
  const write = stats(
    payloads.map((p) =>
      timedAndUndone(ctx, () => {
        recordEvent(ctx, 'order.placed', 1, p);
        recordEvent(ctx, 'order.confirmed', 1, p);
      }),
    ),
  );
  return { outbox, read, check, write };
}

interface BenchHq {
  url: string;
  sql: Sql;
  backend: string;
  phases: Map<string, number>;
  admin<T>(path: string, body: unknown): Promise<T>;
  stop(): Promise<void>;
}

/** A reference HQ for the bench: on a throwaway PostgreSQL cluster (durable: fsync on) when PostgreSQL
 * is installed, else on PGlite in this process. */
export async function startBenchHq(): Promise<BenchHq> {
  const cluster = findPostgresBin() ? startPostgresCluster({ durable: true }) : null;
  try {
    const sql = await openHqStore(cluster ? { pg: await cluster.createDatabase('hq_push') } : {});
    const timed = timedSql(sql);
    const adminToken = 'bench-admin-token-0123456789';
    const hq = await startHq({ sql: timed.sql, adminToken });
    return {
      url: hq.url,
      sql,
      backend: cluster ? 'PostgreSQL' : 'PGlite',
      phases: timed.phases,
      admin: <T>(path: string, body: unknown) =>
        fetch(`${hq.url}${path}`, {
          method: 'POST',
          headers: { authorization: `Bearer ${adminToken}` },
          body: JSON.stringify(body),
        }).then((r) => r.json() as Promise<T>),
      async stop() {
        await hq.close();
        await sql.close();
        cluster?.stop();
      },
    };
  } catch (e) {
    cluster?.stop();
    throw e;
  }
}

/**
 * End to end: `count` invoice.posted events queued in the outbox, then the worker's push sends them all
 * until HQ has committed every batch and each answer is recorded in the outbox. Only the push is timed:
 * a worker run also snapshots closing stock and exchanges control totals, which are not throughput.
 */
export async function measurePush(ctx: EngineContext, count: number, log: (m: string) => void) {
  const hq = await startBenchHq();
  try {
    await hq.admin('/admin/distributors', { code: 'BENCH', name: 'Bench' });
    const { code } = await hq.admin<{ code: string }>('/admin/enrolment-codes', { distributorCode: 'BENCH' });
    await enrolWithHq(ctx, { hqAddress: hq.url, enrolmentCode: code, deviceName: 'bench' });
    const client = new SyncWorker(ctx.ledger, { now: ctx.now, timeoutMs: 120_000 }).client()!;
    await pushOutbox(ctx, client); // what the bench's orders queued, so the timed push is only the synthetic events
    const accepted = async () =>
      (await hq.sql.query<{ n: number }>("select count(*)::int as n from inbox where status = 'accepted'"))[0]!.n;
    const before = await accepted();
    const insert = ctx.ledger.sqlite.prepare(
      "INSERT INTO outbox_events (event_id, type, schema_version, occurred_at, business_date, payload) VALUES (?, 'invoice.posted', 1, ?, ?, ?)",
    );
    // Three-line invoices, as the HQ ingest bench sends.
    const lines = [line('SOAP-100', 72, 3100), line('TEA-250', 12, 11500), line('SKU-7', 6, 4000)];
    for (let done = 0; done < count;) {
      const upTo = Math.min(count, done + 50_000);
      ctx.ledger.sqlite.transaction(() => {
        for (; done < upTo; done++) {
          insert.run(
            crypto.randomUUID(),
            `${BENCH_TODAY}T10:00:00.000Z`,
            BENCH_TODAY,
            JSON.stringify(invoicePayload(`B/${done}`, BENCH_TODAY, lines)),
          );
        }
      })();
    }
    log(`  ${count.toLocaleString('en-IN')} events queued; pushing to HQ on ${hq.backend}…`);
    hq.phases.clear();
    const cpuBefore = process.cpuUsage();
    const started = performance.now();
    const outcome = await pushOutbox(ctx, client);
    const seconds = (performance.now() - started) / 1000;
    const cpu = process.cpuUsage(cpuBefore);
    const held = (await accepted()) - before;
    const hqSqlSeconds = [...hq.phases.values()].reduce((s, x) => s + x, 0) / 1000;
    return {
      backend: hq.backend,
      count,
      seconds,
      perSecond: count / seconds,
      held,
      message: `${outcome.accepted.toLocaleString('en-IN')} accepted, ${outcome.parked} parked`,
      nodeCpuSeconds: (cpu.user + cpu.system) / 1e6,
      hqSqlSeconds,
    };
  } finally {
    await hq.stop();
  }
}
