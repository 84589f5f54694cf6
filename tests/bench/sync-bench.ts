import path from 'node:path';
import { parseArgs } from 'node:util';
import type { EngineContext } from '../../src-main/engine/context';
import { placeOrder } from '../../src-main/engine/orders/place-order';
import { seededRandom } from '../../src-main/engine/demo/seed-demo';
import { publishOrderConfirmed, publishOrderPlaced } from '../../src-main/engine/sync/payloads/order-payload';
import { enrolWithHq } from '../../src-main/engine/sync/sync-admin';
import { SyncWorker } from '../../src-main/engine/sync/sync-worker';
import { startTestHq, pgliteBackend } from '../support/hq';
import { invoicePayload } from '../support/sync-events';
import { BENCH_TODAY, generateLedger, scales } from './generate-ledger';
import { ms, stats, time } from './measure';

/**
 * `npx tsx tests/bench/sync-bench.ts [--orders 500] [--events 20000]`
 * 1. What the outbox adds to confirming a 10-line order: the order.placed + order.confirmed payloads built,
 *    checked against the protocol and written, measured alone on the orders just placed.
 * 2. Push throughput end to end: queued events → the worker → HQ (PGlite, in this process) committed.
 */
const { values } = parseArgs({
  options: { orders: { type: 'string', default: '500' }, events: { type: 'string', default: '20000' } },
});

async function main(): Promise<void> {
  const file = path.resolve('.bench/stockist-sync-S.db');
  const ledger = generateLedger(file, 'S', () => undefined);
  const size = scales.S;
  const ctx: EngineContext = {
    ledger,
    actor: { id: 1, username: 'admin', displayName: 'Bench Admin', role: 'admin' },
    now: () => new Date(`${BENCH_TODAY}T10:00:00Z`),
  };
  const rnd = seededRandom(7);
  const firstRetailer =
    Math.max(1, Math.floor(size.customers / 100)) + Math.max(1, Math.floor(size.customers / 10)) + 1;
  const orderInput = () => ({
    customerId: rnd.int(firstRetailer, size.customers),
    warehouseId: 1,
    paymentType: 'credit' as const,
    endBuyer: '',
    endBuyerId: null,
    requiredDate: null,
    reference: '',
    remarks: '',
    lines: Array.from({ length: 10 }, () => ({
      productId: rnd.int(1, size.products),
      quantity: rnd.int(1, 5),
      enteredAs: '',
      priceOverride: null,
      manualDiscountBps: 0,
      shortageAction: 'backorder' as const,
      warehouseId: null,
    })),
  });
  const n = Number(values.orders);
  const ids: number[] = [];
  const withEvents = stats(
    Array.from({ length: n }, () =>
      time(() => {
        ids.push(
          ledger.sqlite.transaction(() => placeOrder(ctx, { ...orderInput(), id: null, version: null })).immediate().id,
        );
      }),
    ),
  );
  // Timed inside the transaction, as the hooks run: the commit is the order's anyway.
  const eventsOnly = stats(
    ids.map((id) =>
      ledger.sqlite
        .transaction(() =>
          time(() => {
            publishOrderPlaced(ctx, id);
            publishOrderConfirmed(ctx, id);
          }),
        )
        .immediate(),
    ),
  );
  console.log(
    `Confirm a 10-line order, events included     p50 ${ms(withEvents.p50)} ms  p95 ${ms(withEvents.p95)}  p99 ${ms(withEvents.p99)}  n=${n}`,
  );
  console.log(
    `  of which the outbox (placed + confirmed)    p50 ${ms(eventsOnly.p50)} ms  p95 ${ms(eventsOnly.p95)}  p99 ${ms(eventsOnly.p99)}  (target ≤ 0.3 ms)`,
  );

  const hq = await startTestHq(pgliteBackend);
  await hq.admin('POST', '/admin/distributors', { code: 'BENCH', name: 'Bench' });
  const code = (await hq.admin<{ code: string }>('POST', '/admin/enrolment-codes', { distributorCode: 'BENCH' })).body
    .code;
  await enrolWithHq(ctx, { hqAddress: hq.url, enrolmentCode: code, deviceName: 'bench' });
  const worker = new SyncWorker(ledger, { now: ctx.now, timeoutMs: 120_000 });
  await worker.runNow(); // the orders' events, so the measured run is only the synthetic ones
  const total = Number(values.events);
  const insert = ledger.sqlite.prepare(
    "INSERT INTO outbox_events (event_id, type, schema_version, occurred_at, business_date, payload) VALUES (?, 'invoice.posted', 1, ?, ?, ?)",
  );
  ledger.sqlite.transaction(() => {
    for (let i = 0; i < total; i++) {
      insert.run(
        crypto.randomUUID(),
        `${BENCH_TODAY}T10:00:00.000Z`,
        BENCH_TODAY,
        JSON.stringify(invoicePayload(`B/${i}`, BENCH_TODAY)),
      );
    }
  })();
  const started = performance.now();
  const run = await worker.runNow();
  const seconds = (performance.now() - started) / 1000;
  const [held] = await hq.sql.query<{ n: number }>("select count(*)::int as n from inbox where status = 'accepted'");
  console.log(
    `Push ${total} invoice.posted events → HQ committed: ${seconds.toFixed(1)} s, ${(total / seconds).toFixed(0)} events/s (${run.message}; HQ holds ${held!.n})`,
  );
  await hq.stop();
  ledger.close();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
