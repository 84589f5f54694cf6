import v8 from 'node:v8';
import { describe, expect, it } from 'vitest';
import { heapRelease } from '../../../src-main/api/heap-release';
import { answeredAsJson } from '../../../src-main/api/answered-as-json';
import { createApi } from '../../../src-main/api/dispatch';
import { engineContext } from '../../support/engine';

const used = () => v8.getHeapStatistics().used_heap_size;

describe('giving a grown heap back after a heavy call', () => {
  it('collects once the heap grew past the slack, and not again until it grows again', () => {
    const heap = heapRelease({ slackBytes: 8 * 1024 * 1024 });
    // Garbage once the function returns: nothing holds the rows.
    const grown = ((rows: { id: number; name: string }[]) => {
      for (let i = 0; i < 400_000; i++) rows.push({ id: i, name: `row ${i}` });
      return used();
    })([]);
    expect(heap.releaseIfGrown()).toBe(true);
    expect(used()).toBeLessThan(grown - 8 * 1024 * 1024);
    expect(heap.releaseIfGrown()).toBe(false);
  });

  it("a worker's JSON bytes read back as the body they were made from", () => {
    const body = { rows: [{ customer: 'Sharma Stores', total: 123_45 }], totals: { total: 123_45 } };
    const result = answeredAsJson(new TextEncoder().encode(JSON.stringify(body)));
    expect(result.status).toBe(200);
    expect(result.body).toEqual(body);
    expect(result.body).toBe(result.body);
  });
});

describe('the dispatcher gives the heap back', () => {
  it('once the calls in flight are all answered, not after each', async () => {
    const checks: number[] = [];
    const api = createApi(engineContext().ledger, { heap: { releaseIfGrown: () => checks.push(1) > 0 } });
    const answers = await Promise.all([api.call('auth.me', {}), api.call('auth.me', {})]);
    expect(answers.map((a) => a.status)).toEqual([200, 200]);
    await new Promise((resolve) => setImmediate(resolve));
    expect(checks).toHaveLength(1);
  });
});
