import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ms, type Stats } from './measure';

export interface Row {
  name: string;
  stats: Stats | null;
  target: string;
  ok: boolean | null;
  note: string;
}

const START = '<!-- bench:start -->';
const END = '<!-- bench:end -->';

/**
 * Rewrites the figures in docs/PERFORMANCE.md between the bench markers; the analysis written
 * by hand around them (what is over target, why, and the plan) is kept.
 */
export function writePerformanceDoc(run: {
  scale: string;
  size: Record<string, number>;
  rows: Row[];
  syncRows: Row[];
  /** null when an existing ledger was measured as it is (--reuse) */
  generationSeconds: number | null;
  date: string;
  load: { start: number[]; end: number[] };
}): void {
  const file = path.resolve(__dirname, '..', '..', 'docs', 'PERFORMANCE.md');
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  const figures = [
    START,
    `Measured ${run.date} on ${os.cpus().length} cores (${cpu}), ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB memory, Node ${process.version}, ${os.platform()} ${os.release()}.`,
    `Scale ${run.scale}: ${Object.entries(run.size)
      .map(([k, v]) => `${k} ${v.toLocaleString('en-IN')}`)
      .join(', ')}; ${
      run.generationSeconds === null
        ? 'an existing ledger measured as it is (--reuse)'
        : `generated in ${run.generationSeconds.toFixed(1)} s`
    }.`,
    // The 2 cores are shared with other work; the load says how much of them the bench had.
    `Load average (1, 5, 15 min): ${run.load.start.map((x) => x.toFixed(1)).join(', ')} at the start, ${run.load.end.map((x) => x.toFixed(1)).join(', ')} at the end.`,
    '',
    ...table(run.rows),
    '',
    '### Sync',
    '',
    ...table(run.syncRows),
    END,
  ].join('\n');
  const current = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : `# Performance\n\n${START}\n${END}\n`;
  const next = current.includes(START)
    ? current.replace(new RegExp(`${START}[\\s\\S]*${END}`), figures)
    : `${current.trimEnd()}\n\n${figures}\n`;
  fs.writeFileSync(file, next);
  console.log(`Figures written to ${file}`);
}

function table(rows: Row[]): string[] {
  return [
    '| measure | p50 ms | p95 ms | p99 ms | per second | target | status |',
    '| --- | ---: | ---: | ---: | ---: | --- | --- |',
    ...rows.map((r) =>
      r.stats
        ? `| ${r.name} | ${ms(r.stats.p50)} | ${ms(r.stats.p95)} | ${ms(r.stats.p99)} | ${r.stats.perSecond.toFixed(0)} | ${r.target} | ${r.ok === null ? '—' : r.ok ? 'met' : '**over**'}${r.note ? ` (${r.note})` : ''} |`
        : `| ${r.name} | | | | | ${r.target} | ${r.ok === null ? r.note : `${r.ok ? 'met' : '**over**'}: ${r.note}`} |`,
    ),
  ];
}
