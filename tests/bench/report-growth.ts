import fs from 'node:fs';
import path from 'node:path';
import type { Measured } from './http-measures';

const START = '<!-- growth:start -->';
const END = '<!-- growth:end -->';
const docs = path.resolve(__dirname, '..', '..', 'docs');
type Figures = Record<string, { date: string; rows: Record<string, { p50: number; p95: number; max?: number }> }>;

/**
 * Keeps each scale's HTTP figures (docs/performance-growth.json) and rewrites the S → M → L table
 * in docs/PERFORMANCE.md, so growth with the ledger's age is read side by side.
 */
export function writeGrowth(scale: string, date: string, measured: Measured[]): void {
  const store = path.join(docs, 'performance-growth.json');
  const figures: Figures = fs.existsSync(store) ? (JSON.parse(fs.readFileSync(store, 'utf8')) as Figures) : {};
  figures[scale] = {
    date,
    rows: Object.fromEntries(measured.map((m) => [m.name, { p50: m.stats.p50, p95: m.stats.p95, max: m.max }])),
  };
  fs.writeFileSync(store, `${JSON.stringify(figures, null, 2)}\n`);
  const scales = ['S', 'M', 'L'].filter((s) => figures[s]);
  const names = [...new Set(scales.flatMap((s) => Object.keys(figures[s]!.rows)))];
  const cell = (s: string, name: string) => {
    const r = figures[s]!.rows[name];
    return r
      ? `${r.p50.toFixed(1)} / ${r.p95.toFixed(1)}${name.includes('responsiveness') ? ` / ${r.max?.toFixed(0)}` : ''}`
      : '—';
  };
  const table = [
    START,
    `p50 / p95 ms over HTTP (responsiveness: p50 / p95 / max). ${scales.map((s) => `${s} measured ${figures[s]!.date}`).join('; ')}.`,
    '',
    `| measure | ${scales.join(' | ')} |`,
    `| --- | ${scales.map(() => '---:').join(' | ')} |`,
    ...names.map((n) => `| ${n} | ${scales.map((s) => cell(s, n)).join(' | ')} |`),
    END,
  ].join('\n');
  const file = path.join(docs, 'PERFORMANCE.md');
  const current = fs.readFileSync(file, 'utf8');
  const next = current.includes(START)
    ? current.replace(new RegExp(`${START}[\\s\\S]*${END}`), table)
    : current.replace(
        '<!-- bench:start -->',
        `## S → M → L (lists, searches, reports, dashboard)\n\n${table}\n\n<!-- bench:start -->`,
      );
  fs.writeFileSync(file, next);
}
