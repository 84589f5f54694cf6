import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../../../src-shared/dates';
import { rollupPieces } from '../../../src-main/engine/summaries/sales-rollups-read';

/** Each day a piece counts, with its sign: a month piece counts every day of its months. */
function daysOf(pieces: ReturnType<typeof rollupPieces>): Map<string, number> {
  const counts = new Map<string, number>();
  for (const p of pieces) {
    const first = p.grain === 'month' ? `${p.from}-01` : p.from;
    for (let d = first; p.grain === 'month' ? d.slice(0, 7) <= p.to : d <= p.to; d = addDays(d, 1))
      counts.set(d, (counts.get(d) ?? 0) + p.sign);
  }
  for (const [d, n] of counts) if (n === 0) counts.delete(d);
  return counts;
}

describe('rollup pieces', () => {
  it('count every day from–to exactly once and no other day, over any range', () => {
    const day = fc.integer({ min: 0, max: 800 }).map((n) => addDays('2025-12-15', n));
    fc.assert(
      fc.property(day, fc.integer({ min: 0, max: 420 }), (from, length) => {
        const to = addDays(from, length);
        const counts = daysOf(rollupPieces(from, to));
        const expected = new Map<string, number>();
        for (let d = from; d <= to; d = addDays(d, 1)) expected.set(d, 1);
        expect(counts).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });

  it('read a year ending today as whole months, the first days and the month to date less days not yet come', () => {
    expect(rollupPieces('2025-11-22', '2026-11-22')).toEqual([
      { grain: 'day', from: '2025-11-22', to: '2025-11-30', sign: 1 },
      { grain: 'month', from: '2025-12', to: '2026-10', sign: 1 },
      { grain: 'month', from: '2026-11', to: '2026-11', sign: 1 },
      { grain: 'day', from: '2026-11-23', to: '2026-11-30', sign: -1 },
    ]);
  });
});
