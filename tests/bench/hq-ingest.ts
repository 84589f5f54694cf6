/** HQ ingest throughput on PostgreSQL: several enrolled devices push invoice events concurrently, through
 * the HTTP API, in full protocol batches, into a throwaway cluster with durable settings (fsync on).
 *   npx tsx tests/bench/hq-ingest.ts [--devices 4] [--events 20000] [--batch 500]   (HQ_BENCH_FAST=1: fsync off)
 * Prints events per second; the target is ≥ 5,000/s on a 2-core machine. */
import { parseArgs } from 'node:util';
import { takeBatch } from '../../src-main/engine/sync/batching';
import { SyncClient } from '../../src-main/engine/sync/sync-client';
import type { EventEnvelope } from '../../src-shared/sync';
import { startHq } from '../../src-hq/server';
import { openHqStore } from '../../src-hq/store/open';
import { startPostgresCluster } from '../support/postgres-cluster';
import { timedSql } from './sql-phases';
import { event, invoicePayload, invoices, line } from '../support/sync-events';

export async function measureHqIngest(opts: { devices: number; events: number; batch: number }) {
  const cluster = startPostgresCluster({ durable: process.env.HQ_BENCH_FAST !== '1' });
  try {
    const sql = await openHqStore({ pg: await cluster.createDatabase('hq_bench') });
    const adminToken = 'bench-admin-token-0123456789';
    const timed = timedSql(sql);
    const hq = await startHq({ sql: timed.sql, adminToken });
    const admin = (path: string, body: unknown) =>
      fetch(`${hq.url}${path}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${adminToken}` },
        body: JSON.stringify(body),
      }).then((r) => r.json() as Promise<{ code: string }>);
    const perDevice = Math.ceil(opts.events / opts.devices);
    const devices = [];
    for (let d = 0; d < opts.devices; d++) {
      await admin('/admin/distributors', { code: `D${d}`, name: `Distributor ${d}` });
      const { code } = await admin('/admin/enrolment-codes', { distributorCode: `D${d}` });
      const client = new SyncClient({ hqAddress: hq.url, timeoutMs: 60_000 });
      await client.enrol({ enrolmentCode: code, deviceName: `bench-${d}`, appVersion: 'bench' });
      // A realistic mix: three-line invoices over one month, so partitions and effects are exercised.
      const outbox: EventEnvelope[] = invoices(1, perDevice).map((e, i) => {
        const date = `2025-04-${String(1 + (i % 30)).padStart(2, '0')}`;
        const lines = [line('SOAP-100', 72, 3100), line('TEA-250', 12, 11500), line(`SKU-${i % 50}`, 6, 4000)];
        return event(e.deviceSeq, 'invoice.posted', invoicePayload(`INV/${d}/${i + 1}`, date, lines), date);
      });
      devices.push({ client, outbox });
    }
    timed.phases.clear();
    const cpuBefore = process.cpuUsage();
    const started = performance.now();
    await Promise.all(
      devices.map(async ({ client, outbox }) => {
        let mark = 0;
        while (mark < outbox.length) {
          mark = (
            await client.push(takeBatch(outbox.slice(mark), { maxEvents: opts.batch, maxBytes: 2 * 1024 * 1024 }))
          ).highWaterMark;
        }
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    const cpu = process.cpuUsage(cpuBefore);
    const phases = [...timed.phases].sort((a, b) => b[1] - a[1]).map(([name, ms]) => ({ name, seconds: ms / 1000 }));
    const [held] = await sql.query<{ n: number }>('select count(*)::int as n from inbox');
    await hq.close();
    await sql.close();
    return {
      events: held!.n,
      seconds,
      perSecond: Math.round(held!.n / seconds),
      phases,
      // Node's own CPU (device side and HQ's HTTP, checks, hashing) against the wall time.
      nodeCpuSeconds: (cpu.user + cpu.system) / 1e6,
    };
  } finally {
    cluster.stop();
  }
}

if (require.main === module) {
  const { values } = parseArgs({
    options: {
      devices: { type: 'string', default: '4' },
      events: { type: 'string', default: '20000' },
      batch: { type: 'string', default: '500' },
    },
  });
  measureHqIngest({ devices: Number(values.devices), events: Number(values.events), batch: Number(values.batch) })
    .then((r) => {
      console.log(`HQ ingest on PostgreSQL: ${r.events} events in ${r.seconds.toFixed(2)} s = ${r.perSecond} events/s`);
      console.log(
        `  Node CPU ${r.nodeCpuSeconds.toFixed(2)} s; SQL time by statement (summed over concurrent pushes):`,
      );
      for (const p of r.phases) console.log(`    ${p.name.padEnd(28)} ${p.seconds.toFixed(2)} s`);
    })
    .catch((e) => {
      console.error(e);
      process.exit(1);
    });
}
