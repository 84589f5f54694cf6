import { spawn } from 'node:child_process';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ms, stats, timeAsync } from './measure';

/**
 * Responsiveness while heavy reads run: a cheap call (auth.me) asked over and over while a year's
 * report runs, on the built serve process (`npx electron-vite build` first), with heavy reads on the
 * main thread (STOCKIST_READ_WORKERS=0, the old behaviour) and in worker threads.
 *
 *   npx tsx tests/bench/reads-off-loop.ts --db .bench/stockist-M.db [--workers 1]
 *
 * Use a copy of a bench ledger: serve migrates the file it opens.
 */
const reports = [
  'sales_performance',
  'product_contribution',
  'booking_billing_backlog',
  'on_time_delivery',
  'order_to_cash',
];

function startServe(db: string, workers: number): Promise<{ url: string; stop: () => void }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.resolve('out/main/serve.js'), '--db', db, '--port', '0'], {
      env: { ...process.env, STOCKIST_READ_WORKERS: String(workers) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const m = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
      if (m) resolve({ url: m[1]!, stop: () => child.kill('SIGTERM') });
    });
    child.stderr.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.on('exit', (code) => reject(new Error(`serve exited ${code}: ${out}`)));
  });
}

async function measure(db: string, workers: number, from: string, to: string): Promise<void> {
  const server = await startServe(db, workers);
  const login = await fetch(`${server.url}/api/auth.login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password: 'bench-password' }),
  });
  const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
  const post = (name: string, body: unknown) =>
    fetch(`${server.url}/api/${name}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie },
      body: JSON.stringify(body),
    }).then(async (r) => ({ status: r.status, body: await r.json() }));
  // Warm up: the first call of each kind compiles statements (and, with workers, loads the thread).
  await post('reports.run', { report: 'order_summary', filters: { from: to, to } });
  const allCheap: number[] = [];
  console.log(`\nheavy reads ${workers === 0 ? 'on the main thread' : `in ${workers} worker thread(s)`}`);
  for (const report of reports) {
    let done = false;
    const reportMs = timeAsync(() =>
      post('reports.run', { report, filters: { from, to } }).then((r) => {
        if (r.status !== 200) throw new Error(`${report}: ${JSON.stringify(r.body)}`);
        done = true;
      }),
    );
    const cheap: number[] = [];
    await new Promise((resolve) => setTimeout(resolve, 5));
    while (!done) {
      // A keep-alive socket the blocked server timed out is reset on reuse: the retry is part of the wait.
      cheap.push(await timeAsync(() => post('auth.me', {}).catch(() => post('auth.me', {}))));
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    const s = stats(cheap);
    allCheap.push(...cheap);
    console.log(
      `  ${report.padEnd(24)} report ${ms(await reportMs).padStart(6)} ms; auth.me during it: n=${s.n} ` +
        `p50 ${ms(s.p50)} ms, max ${ms(Math.max(...cheap, 0))} ms`,
    );
  }
  const s = stats(allCheap);
  console.log(`  all: auth.me n=${s.n} p50 ${ms(s.p50)} p99 ${ms(s.p99)} max ${ms(Math.max(...allCheap, 0))} ms`);
  server.stop();
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { db: { type: 'string' }, workers: { type: 'string', default: '1' }, to: { type: 'string' } },
  });
  if (!values.db) throw new Error('--db PATH (a copy of a bench ledger) is required');
  const to = values.to ?? '2026-11-23';
  const from = new Date(Date.parse(`${to}T00:00:00Z`) - 364 * 86_400_000).toISOString().slice(0, 10);
  await measure(values.db, 0, from, to);
  await measure(values.db, Number(values.workers), from, to);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
