export interface Cursor {
  key: string | number | null;
  id: number;
}

/** Chromium stops laying out near 33.5M px; a list taller than this maps its scrollbar to positions. */
export const MAX_SCROLL_HEIGHT = 8_000_000;

interface Geometry {
  count: number;
  rowHeight: number;
  viewport: number;
  scrollTop: number;
}

/**
 * Which rows to draw and where. Up to MAX_SCROLL_HEIGHT the list is its true height and a row sits
 * at index × rowHeight. Beyond it the scrollbar is a position: scrollTop / (the bounded height's
 * range) is the fraction of the list above the viewport, so the thumb at the bottom shows the last
 * row of a million, and the rows are drawn around the viewport, not at their true pixel.
 */
export function rowWindow(g: Geometry & { overscan: number }) {
  const real = g.count * g.rowHeight;
  const height = Math.min(real, MAX_SCROLL_HEIGHT);
  const virtualTop = toVirtual(g.scrollTop, g, real, height);
  const first = Math.floor(virtualTop / g.rowHeight);
  const shift = virtualTop - first * g.rowHeight;
  const from = Math.max(0, first - g.overscan);
  const to = Math.min(g.count, first + Math.ceil(g.viewport / g.rowHeight) + 1 + g.overscan);
  const items = [];
  for (let index = from; index < to; index++)
    items.push({ index, start: g.scrollTop + (index - first) * g.rowHeight - shift });
  return { height, items };
}

/** The scrollTop that brings row `index` into view, moving as little as possible. */
export function scrollTopFor(index: number, g: Geometry): number {
  const real = g.count * g.rowHeight;
  const height = Math.min(real, MAX_SCROLL_HEIGHT);
  const virtualTop = toVirtual(g.scrollTop, g, real, height);
  const rowTop = index * g.rowHeight;
  let wanted = virtualTop;
  if (rowTop < virtualTop) wanted = rowTop;
  else if (rowTop + g.rowHeight > virtualTop + g.viewport) wanted = rowTop + g.rowHeight - g.viewport;
  if (height === real) return wanted;
  return (Math.max(0, wanted) / Math.max(1, real - g.viewport)) * Math.max(1, height - g.viewport);
}

function toVirtual(scrollTop: number, g: Geometry, real: number, height: number): number {
  if (height === real) return scrollTop;
  return (scrollTop / Math.max(1, height - g.viewport)) * Math.max(0, real - g.viewport);
}
