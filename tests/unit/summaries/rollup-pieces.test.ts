import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../../../src-shared/dates';
import { rollupPieces, widened } from '../../../src-main/engine/summaries/sales-rollups-read';

/** The period a day falls in, in a grain: 2026-11-22, 2026-11, 2026-Q4, 2026. */
const periodOf = (grain: string, d: string) =>
  grain === 'day'
    ? d
    : grain === 'month'
      ? d.slice(0, 7)
      : grain === 'year'
        ? d.slice(0, 4)
        : `${d.slice(0, 5)}Q${Math.ceil(Number(d.slice(5, 7)) / 3)}`;

/** Each day a piece counts, with its sign: a month, quarter or year piece counts every day in its periods. */
function daysOf(pieces: ReturnType<typeof rollupPieces>): Map<string, number> {
  const counts = new Map<string, number>();
  for (const p of pieces)
    for (let d = `${p.from.slice(0, 4)}-01-01`; d.slice(0, 4) <= p.to.slice(0, 4); d = addDays(d, 1)) {
      const period = periodOf(p.grain, d);
      if (period >= p.from && period <= p.to) counts.set(d, (counts.get(d) ?? 0) + p.sign);
    }
  for (const [d, n] of counts) if (n === 0) counts.delete(d);
  return counts;
}

describe('rollup pieces', () => {
  it('count every day from–to exactly once and no other day, over any range', () => {
    const day = fc.integer({ min: 0, max: 800 }).map((n) => addDays('2025-12-15', n));
    fc.assert(
      fc.property(day, fc.integer({ min: 0, max: 800 }), (from, length) => {
        const to = addDays(from, length);
        const counts = daysOf(rollupPieces(from, to));
        const expected = new Map<string, number>();
        for (let d = from; d <= to; d = addDays(d, 1)) expected.set(d, 1);
        expect(counts).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });

  it('read a year ending today as the first days and month, and the calendar year less what has not yet come', () => {
    expect(rollupPieces('2025-11-22', '2026-11-22')).toEqual([
      { grain: 'day', from: '2025-11-22', to: '2025-11-30', sign: 1 },
      { grain: 'month', from: '2025-12', to: '2025-12', sign: 1 },
      { grain: 'year', from: '2026', to: '2026', sign: 1 },
      { grain: 'day', from: '2026-11-23', to: '2026-11-30', sign: -1 },
      { grain: 'month', from: '2026-12', to: '2026-12', sign: -1 },
    ]);
  });

  it('read a financial year (April to March) as three rows per key', () => {
    expect(rollupPieces('2025-04-01', '2026-03-31')).toEqual([
      { grain: 'year', from: '2025', to: '2025', sign: 1 },
      { grain: 'quarter', from: '2025-Q1', to: '2025-Q1', sign: -1 },
      { grain: 'quarter', from: '2026-Q1', to: '2026-Q1', sign: 1 },
    ]);
  });

  it('join adjacent whole months of two quarters into one run', () => {
    expect(rollupPieces('2026-03-01', '2026-04-30')).toEqual([
      { grain: 'month', from: '2026-03', to: '2026-04', sign: 1 },
    ]);
  });

  it('stretch a range over the days before the first and after the last posting, and no further', () => {
    const days = { first: '2025-11-23', last: '2026-11-22' };
    // A year to today from before the first posting: two calendar years, two rows per key.
    expect(widened('2025-11-22', '2026-11-22', days)).toEqual(['2025-01-01', '2026-12-31']);
    expect(rollupPieces(...widened('2025-11-22', '2026-11-22', days))).toEqual([
      { grain: 'year', from: '2025', to: '2026', sign: 1 },
    ]);
    // Inside the posted days: as asked.
    expect(widened('2025-12-05', '2026-11-21', days)).toEqual(['2025-12-05', '2026-11-21']);
    // Past the last day only at the end; an empty ledger (no days) as asked.
    expect(widened('2026-03-10', '2027-02-01', days)).toEqual(['2026-03-10', '2027-02-01']);
    expect(widened('2026-03-10', '2026-11-30', days)).toEqual(['2026-03-10', '2026-12-31']);
    expect(widened('2025-11-22', '2026-11-22', { first: null, last: null })).toEqual(['2025-11-22', '2026-11-22']);
  });
});
