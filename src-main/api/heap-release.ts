import v8 from 'node:v8';
import vm from 'node:vm';

/**
 * V8 keeps a heap's pages until allocation forces a collection: after a year's report or a 10 MB
 * import, 30–80 MB of garbage per thread stayed resident (docs/PERFORMANCE.md, "Main-process
 * RSS"), and a server that then sits idle never allocates enough to collect it. So after a call,
 * when the live heap has grown by more than `slackBytes` since the last collection, a full
 * collection gives the pages back. It costs a major GC (20–40 ms for the ~22 MB the handler table
 * keeps alive), paid after heavy calls, not light ones.
 */
export interface HeapRelease {
  /** Collects when the heap grew past the slack since the last collection; true when it did. */
  releaseIfGrown(): boolean;
}

export function heapRelease(options: { slackBytes?: number } = {}): HeapRelease {
  const slack = options.slackBytes ?? 16 * 1024 * 1024;
  // The used heap, not the resident one: pages a collection frees are unmapped in the background,
  // so the resident size right after it still counts them and would set the floor too high.
  let floor = usedHeap();
  return {
    releaseIfGrown() {
      if (usedHeap() - floor < slack) return false;
      const collect = fullCollection();
      if (!collect) return false;
      collect();
      floor = usedHeap();
      return true;
    },
  };
}

/**
 * The main thread's (desktop and serve alike): a wider slack than a worker's, since its live heap moves with
 * every screen's calls and a collection there blocks them.
 */
export const mainThreadHeapRelease = () => heapRelease({ slackBytes: 24 * 1024 * 1024 });

function usedHeap(): number {
  return v8.getHeapStatistics().used_heap_size;
}

let collector: (() => void) | null | undefined;

/**
 * V8's full collection, which Node exposes only behind --expose-gc. Electron's main process and
 * `node serve.js` are started without flags, so the flag is set at run time and the function read
 * from a fresh context (contexts made after the flag carry `gc`). Null if V8 refuses.
 */
function fullCollection(): (() => void) | null {
  if (collector !== undefined) return collector;
  try {
    v8.setFlagsFromString('--expose-gc');
    const gc = vm.runInNewContext('gc') as unknown;
    collector = typeof gc === 'function' ? (gc as () => void) : null;
  } catch {
    collector = null;
  }
  return collector;
}
