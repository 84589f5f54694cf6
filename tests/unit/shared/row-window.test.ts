import { describe, expect, it } from 'vitest';
import { MAX_SCROLL_HEIGHT, rowWindow, scrollTopFor } from '../../../src-renderer/src/components/row-window';

const g = { rowHeight: 36, viewport: 720, overscan: 0 };

describe('the list window', () => {
  it('is the true height for a short list, rows at their true pixel', () => {
    const w = rowWindow({ ...g, count: 1000, scrollTop: 3600 });
    expect(w.height).toBe(36_000);
    expect(w.items[0]).toEqual({ index: 100, start: 3600 });
  });

  it('maps the scrollbar to position for a million rows: the bottom shows the last row', () => {
    const count = 1_000_000;
    const bottom = rowWindow({ ...g, count, scrollTop: MAX_SCROLL_HEIGHT - g.viewport });
    expect(bottom.height).toBe(MAX_SCROLL_HEIGHT);
    expect(bottom.items.at(-1)!.index).toBe(count - 1);
    const half = rowWindow({ ...g, count, scrollTop: (MAX_SCROLL_HEIGHT - g.viewport) / 2 });
    expect(Math.abs(half.items[0]!.index - (count - 20) / 2)).toBeLessThan(2);
  });

  it('brings any of a million rows into view', () => {
    const count = 1_000_000;
    for (const index of [0, 1, 20, 499_999, 930_000, 999_999]) {
      const scrollTop = scrollTopFor(index, { ...g, count, scrollTop: 0 });
      const shown = rowWindow({ ...g, count, scrollTop }).items.map((i) => i.index);
      expect(shown, `row ${index}`).toContain(index);
    }
  });
});
