import type Database from 'better-sqlite3';
import { reports } from '../../src-main/engine/reports/report-registry';
import { seededRandom } from '../../src-main/engine/demo/seed-demo';
import { BENCH_TODAY } from './generate-ledger';
import { measureImport } from './import-measure';
import { stats, timeAsync, type Stats } from './measure';

type Post = (name: string, body: unknown) => Promise<unknown>;
export interface Measured {
  name: string;
  stats: Stats;
  target: string;
  ok: boolean;
  /** the worst sample, for the responsiveness measure */
  max?: number;
}

/**
 * What a clerk and the owner wait for, over HTTP against the serve process: list pages at the
 * start, middle and end of the orders list, a page by cursor, searches by document number and by
 * customer name, every report over a year, the dashboard, and a cheap call while a heavy report runs.
 */
export async function measureHttp(post: Post, sqlite: Database.Database): Promise<Measured[]> {
  const out: Measured[] = [];
  const rnd = seededRandom(12);
  const add = (name: string, samples: number[], target: string, limit: number) => {
    const s = stats(samples);
    out.push({ name, stats: s, target, ok: s.p95 <= limit, max: Math.max(...samples) });
    console.log(
      `${name.padEnd(58)} p50 ${s.p50.toFixed(1)} ms  p95 ${s.p95.toFixed(1)}  max ${Math.max(...samples).toFixed(1)}`,
    );
  };
  const page = (q: object) => post('orders.list', { sort: 'date', dir: 'desc', limit: 100, ...q });
  const total = ((await page({})) as { total: number }).total;
  const times = (n: number, run: (i: number) => Promise<unknown>) => sequential(n, (i) => timeAsync(() => run(i)));
  add('Orders list: first page (100 rows)', await times(20, () => page({})), 'p95 ≤ 20 ms', 20);
  add(
    'Orders list: a page in the middle (jump)',
    await times(20, () => page({ offset: total >> 1 })),
    'p95 ≤ 20 ms',
    20,
  );
  add('Orders list: last page', await times(20, () => page({ offset: total - 100 })), 'p95 ≤ 20 ms', 20);
  const middle = (await page({ offset: total >> 1 })) as { next: unknown };
  add('Orders list: next page by cursor', await times(20, () => page({ after: middle.next })), 'p95 ≤ 20 ms', 20);
  const numbers = sqlite.prepare('SELECT number FROM orders WHERE number IS NOT NULL AND id % 997 = 0').all() as {
    number: string;
  }[];
  add(
    'Search orders by document number',
    await times(50, () => page({ search: rnd.pick(numbers).number })),
    'p95 ≤ 20 ms',
    20,
  );
  const names = sqlite.prepare('SELECT name FROM customers WHERE id % 37 = 0').all() as { name: string }[];
  add(
    'Search orders by customer name',
    await times(50, () => page({ search: rnd.pick(names).name.split(' ').slice(0, 2).join(' ') })),
    'p95 ≤ 20 ms',
    20,
  );
  add('Dashboard', await times(5, () => post('dashboard.get', { trend: 'day' })), '≤ 50 ms', 50);
  const year = { from: shiftDays(BENCH_TODAY, -365), to: BENCH_TODAY };
  for (const report of Object.keys(reports))
    add(
      `Report over a year: ${report.replace(/_/g, ' ')}`,
      await times(2, () => post('reports.run', { report, filters: year })),
      '≤ 300 ms',
      300,
    );
  // A cheap call every 5 ms while the heaviest report runs: what every other user waits.
  const heavy = post('reports.run', { report: 'booking_billing_backlog', filters: year });
  let done = false;
  void heavy.then(() => (done = true));
  const waits: number[] = [];
  while (!done) waits.push(await timeAsync(() => post('auth.me', {})));
  add('auth.me while a year report runs (responsiveness)', waits, 'max ≤ 50 ms', 50);
  out.at(-1)!.ok = Math.max(...waits) <= 50;
  out.push(await measureImport(post));
  return out;
}

async function sequential(n: number, run: (i: number) => Promise<number>): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < n; i++) out.push(await run(i));
  return out;
}

function shiftDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}
