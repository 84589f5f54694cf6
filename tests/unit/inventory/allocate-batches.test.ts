import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocateBatches, type CandidateBatch } from '../../../src-main/engine/inventory/allocate-batches';

const today = '2026-11-22';
const batch = (
  batchId: number,
  batchNo: string,
  manufacturedOn: string | null,
  expiresOn: string | null,
  available: number,
): CandidateBatch => ({
  batchId,
  batchNo,
  manufacturedOn,
  expiresOn,
  available,
});

// Made in order A (oldest) → C (newest); expiry order differs: B expires first.
const stock = [
  batch(1, 'A', '2026-01-10', '2027-06-30', 10),
  batch(2, 'B', '2026-03-01', '2027-01-15', 10),
  batch(3, 'C', '2026-09-01', '2027-09-01', 10),
];
const request = { today, minShelfLifeDays: 0 };

describe('allocation methods', () => {
  it('FEFO takes the earliest expiry first and splits across batches', () => {
    const result = allocateBatches(stock, { ...request, quantity: 15, method: 'fefo' });
    expect(result.picks.map((p) => [p.batchNo, p.quantity])).toEqual([
      ['B', 10],
      ['A', 5],
    ]);
    expect(result.explanation).toBe(
      'FEFO: earliest expiry first; took 10 from B (exp 2027-01-15), 5 from A (exp 2027-06-30)',
    );
  });

  it('FIFO takes the oldest manufactured first', () => {
    expect(
      allocateBatches(stock, { ...request, quantity: 15, method: 'fifo' }).picks.map((p) => [p.batchNo, p.quantity]),
    ).toEqual([
      ['A', 10],
      ['B', 5],
    ]);
  });

  it('LIFO takes the newest manufactured first', () => {
    expect(
      allocateBatches(stock, { ...request, quantity: 15, method: 'lifo' }).picks.map((p) => [p.batchNo, p.quantity]),
    ).toEqual([
      ['C', 10],
      ['B', 5],
    ]);
  });

  it('manual takes the chosen batches in the chosen order, capped by what is free', () => {
    const result = allocateBatches(stock, {
      ...request,
      quantity: 12,
      method: 'manual',
      manual: [
        { batchId: 3, quantity: 4 },
        { batchId: 1, quantity: 20 },
      ],
    });
    expect(result.picks.map((p) => [p.batchNo, p.quantity])).toEqual([
      ['C', 4],
      ['A', 8],
    ]);
  });

  it('breaks an expiry tie by batch number, whatever order the rows came in', () => {
    const tied = [batch(7, 'Z9', '2026-05-01', '2027-03-01', 5), batch(8, 'K2', '2026-04-01', '2027-03-01', 5)];
    const forwards = allocateBatches(tied, { ...request, quantity: 6, method: 'fefo' });
    const backwards = allocateBatches([...tied].reverse(), { ...request, quantity: 6, method: 'fefo' });
    expect(forwards.picks.map((p) => p.batchNo)).toEqual(['K2', 'Z9']);
    expect(backwards.picks).toEqual(forwards.picks);
  });

  it('breaks a manufacture-date tie by the earlier expiry under FIFO', () => {
    const tied = [batch(1, 'X', '2026-05-01', '2027-08-01', 5), batch(2, 'Y', '2026-05-01', '2027-02-01', 5)];
    expect(allocateBatches(tied, { ...request, quantity: 5, method: 'fifo' }).picks[0]!.batchNo).toBe('Y');
  });

  it('puts undated batches last', () => {
    const mixed = [batch(1, 'NODATE', null, null, 5), batch(2, 'DATED', '2026-05-01', '2027-02-01', 5)];
    expect(allocateBatches(mixed, { ...request, quantity: 5, method: 'fefo' }).picks[0]!.batchNo).toBe('DATED');
    expect(allocateBatches(mixed, { ...request, quantity: 5, method: 'lifo' }).picks[0]!.batchNo).toBe('DATED');
  });
});

describe('expiry and shelf life', () => {
  it('never allocates an expired batch, even one expiring today, and says so', () => {
    const withExpired = [batch(9, 'OLD', '2025-01-01', '2026-11-22', 100), ...stock];
    const result = allocateBatches(withExpired, { ...request, quantity: 5, method: 'fefo' });
    expect(result.picks.map((p) => p.batchNo)).toEqual(['B']);
    expect(result.skipped).toEqual([
      { batchId: 9, batchNo: 'OLD', reason: 'expired', detail: 'expired on 2026-11-22' },
    ]);
  });

  it('skips batches with less than the customer’s minimum shelf life, visibly', () => {
    // B has 54 days left; the customer wants 90.
    const result = allocateBatches(stock, { ...request, quantity: 5, method: 'fefo', minShelfLifeDays: 90 });
    expect(result.picks.map((p) => p.batchNo)).toEqual(['A']);
    expect(result.skipped[0]).toMatchObject({
      batchNo: 'B',
      reason: 'short-dated',
      detail: '54 days left, customer needs 90',
    });
    expect(result.explanation).toContain('skipped B (54 days left, customer needs 90)');
  });

  it('a batch with exactly the minimum shelf life qualifies', () => {
    expect(
      allocateBatches(stock, { ...request, quantity: 5, method: 'fefo', minShelfLifeDays: 54 }).picks[0]!.batchNo,
    ).toBe('B');
  });

  it('a manual choice of an expired batch is refused and the line is short', () => {
    const withExpired = [batch(9, 'OLD', '2025-01-01', '2026-10-01', 100)];
    const result = allocateBatches(withExpired, {
      ...request,
      quantity: 5,
      method: 'manual',
      manual: [{ batchId: 9, quantity: 5 }],
    });
    expect(result.picks).toEqual([]);
    expect(result.shortfall).toBe(5);
    expect(result.skipped[0]!.reason).toBe('expired');
  });
});

describe('partial allocation', () => {
  it('allocates what there is and backorders the rest', () => {
    const result = allocateBatches(stock, { ...request, quantity: 45, method: 'fefo' });
    expect(result.allocated).toBe(30);
    expect(result.shortfall).toBe(15);
    expect(result.explanation).toMatch(/15 short: backordered$/);
  });

  it('never takes more than a batch has or than was asked, whatever the stock', () => {
    const arbBatch = fc.record({
      batchId: fc.integer({ min: 1, max: 1000 }),
      batchNo: fc.string({ minLength: 1, maxLength: 4 }),
      manufacturedOn: fc.option(fc.constantFrom('2026-01-01', '2026-06-01', '2026-10-01'), { nil: null }),
      expiresOn: fc.option(fc.constantFrom('2026-11-01', '2026-12-01', '2027-06-01'), { nil: null }),
      available: fc.integer({ min: 0, max: 50 }),
    });
    fc.assert(
      fc.property(
        fc.uniqueArray(arbBatch, { selector: (b) => b.batchId, maxLength: 8 }),
        fc.integer({ min: 0, max: 200 }),
        fc.constantFrom('fefo', 'fifo', 'lifo') as fc.Arbitrary<'fefo'>,
        (batches, quantity, method) => {
          const result = allocateBatches(batches, { quantity, method, today, minShelfLifeDays: 30 });
          const total = result.picks.reduce((s, p) => s + p.quantity, 0);
          expect(total).toBe(result.allocated);
          expect(result.allocated + result.shortfall).toBe(quantity);
          for (const p of result.picks) {
            const b = batches.find((x) => x.batchId === p.batchId)!;
            expect(p.quantity).toBeGreaterThan(0);
            expect(p.quantity).toBeLessThanOrEqual(b.available);
            expect(b.expiresOn === null || b.expiresOn > today).toBe(true);
          }
          const free = batches
            .filter((b) => (b.expiresOn === null || b.expiresOn >= '2026-12-22') && b.available > 0)
            .reduce((s, b) => s + b.available, 0);
          expect(result.allocated).toBe(Math.min(quantity, free));
        },
      ),
    );
  });
});
