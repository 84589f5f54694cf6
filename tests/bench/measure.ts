/** Latency statistics, in milliseconds, from a list of samples. */
export interface Stats {
  n: number;
  p50: number;
  p95: number;
  p99: number;
  perSecond: number;
}

export function stats(samples: number[]): Stats {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  const total = samples.reduce((s, x) => s + x, 0);
  return {
    n: samples.length,
    p50: at(0.5),
    p95: at(0.95),
    p99: at(0.99),
    perSecond: total > 0 ? (samples.length * 1000) / total : 0,
  };
}

export function time(run: () => void): number {
  const t = process.hrtime.bigint();
  run();
  return Number(process.hrtime.bigint() - t) / 1e6;
}

export async function timeAsync(run: () => Promise<unknown>): Promise<number> {
  const t = process.hrtime.bigint();
  await run();
  return Number(process.hrtime.bigint() - t) / 1e6;
}

export const ms = (x: number) => (x < 10 ? x.toFixed(2) : x < 100 ? x.toFixed(1) : x.toFixed(0));
