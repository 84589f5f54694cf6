import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { newEventId } from '../../../src-main/engine/sync/event-id';

describe('event ids', () => {
  it('are version-7 UUIDs that HQ accepts, unique, and sorted in the order they were made', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 2000; i++) {
      ids.push(newEventId());
      if (i % 500 === 0) await new Promise((resolve) => setTimeout(resolve, 2));
    }
    for (const id of ids) {
      expect(z.uuid().safeParse(id).success).toBe(true);
      expect(id[14]).toBe('7');
      expect('89ab').toContain(id[19]);
    }
    expect(new Set(ids).size).toBe(ids.length);
    // Made in different milliseconds, they sort in the order made (the outbox index grows at its end).
    const firstOfEachBatch = [0, 501, 1001, 1501].map((i) => ids[i]!);
    expect([...firstOfEachBatch].sort()).toEqual(firstOfEachBatch);
    const stamp = (id: string) => parseInt(id.replace(/-/g, '').slice(0, 12), 16);
    expect(Math.abs(stamp(ids.at(-1)!) - Date.now())).toBeLessThan(5000);
  });
});
