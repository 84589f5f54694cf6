import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Actor } from '../engine/context';
import type { ErrorCode } from '../../src-shared/contract';

/** One heavy read, as the worker needs it: everything plain data, cloned across the thread boundary. */
export interface ReadJob {
  name: string;
  input: unknown;
  actor: Actor | null;
  sessionToken?: string;
  /** The dispatcher's clock at the call (a fake clock in tests): the worker reads "now" as this instant. */
  now: string;
}

export type ReadOutcome =
  /** The output, already checked against the operation's output schema in the worker. */
  | { kind: 'done'; output: unknown }
  /** An operation's output as UTF-8 JSON, checked against its schema in the worker. */
  | { kind: 'answered'; json: Uint8Array }
  | { kind: 'refused'; code: ErrorCode; message: string; field?: string }
  | { kind: 'failed'; stack: string }
  /** The worker thread died under the job (crash, out of memory, terminated). */
  | { kind: 'lost'; reason: string };

export interface ReadPoolOptions {
  file: string;
  /** Worker threads; each holds one read-only connection. */
  size: number;
  /** The worker entry: the built read-worker.js, or the TypeScript source under tsx (dev, tests). */
  script: WorkerScript;
  log?: (message: string) => void;
  /** Tests only: each worker holds every job this long first, so a test can see the main loop stay free. */
  holdMs?: number;
  /**
   * A worker idle this long after a job is replaced by a fresh one; 0 (the default) keeps it. The
   * worker now gives its heap back after each heavy job (heap-release.ts), after which it holds
   * less than a fresh thread does (27 vs 39 MB of heap at M), so replacing it only cost memory.
   */
  recycleIdleMs?: number;
}

export interface WorkerScript {
  file: string;
  workerData?: Record<string, unknown>;
}

export interface ReadPool {
  run(job: ReadJob): Promise<ReadOutcome>;
  /** False after workers failed to start repeatedly: the dispatcher then runs heavy reads itself. */
  usable(): boolean;
  /** The live threads (diagnostics, and tests that stop one to prove the pool recovers). */
  threads(): Worker[];
  /**
   * Stops every thread (their jobs come back "lost"), runs `during` with no worker connection
   * open on the file, then starts them again: a restore swaps the file in between.
   */
  pause(during: () => void): Promise<void>;
  close(): Promise<void>;
}

interface Slot {
  worker: Worker;
  job: { id: number; resolve: (outcome: ReadOutcome) => void } | null;
  ready: boolean;
  idle: ReturnType<typeof setTimeout> | null;
}

/**
 * The worker entry for the running build. electron-vite writes read-worker.js next to the entry
 * (index.js, serve.js); under tsx (npm run serve from source, tests) a CommonJS bootstrap
 * registers tsx inside the thread and loads read-worker.ts.
 */
export function readWorkerScript(entryDir?: string): WorkerScript {
  const built = entryDir === undefined ? null : path.join(entryDir, 'read-worker.js');
  if (built && fs.existsSync(built)) return { file: built };
  const source = path.resolve(__dirname, 'read-worker.ts');
  return { file: path.resolve(__dirname, 'ts-worker-boot.cjs'), workerData: { script: source } };
}

/** Threads for heavy reads: 1 on a 2-core machine (the main thread keeps the other), at most 2. */
export function defaultReadWorkers(): number {
  const configured = process.env.STOCKIST_READ_WORKERS;
  if (configured !== undefined && /^\d+$/.test(configured)) return Math.min(Number(configured), 8);
  const cores = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
  return Math.max(1, Math.min(2, cores - 1));
}

/**
 * A few worker threads, each running one job at a time; jobs queue in arrival order. A thread
 * that dies fails only its own job ("lost") and is replaced, so the next heavy read finds a
 * working pool. If threads die before ever starting (a missing build file), the pool gives up
 * after a few tries rather than spin, and reports itself unusable.
 */
export function createReadPool(options: ReadPoolOptions): ReadPool {
  const log = options.log ?? ((message: string) => console.error(message));
  const slots: Slot[] = [];
  const queue: { job: ReadJob; resolve: (outcome: ReadOutcome) => void }[] = [];
  let nextId = 1;
  let failedStarts = 0;
  let closed = false;
  let paused = false;

  function spawn(): void {
    const worker = new Worker(options.script.file, {
      workerData: { ...options.script.workerData, file: options.file, holdMs: options.holdMs ?? 0 },
      // A report's rows are short-lived: a small young generation collects them sooner instead of keeping
      // V8's default 48 MB of nursery resident in a thread that then sits idle.
      resourceLimits: { maxYoungGenerationSizeMb: 8 },
    });
    const slot: Slot = { worker, job: null, ready: false, idle: null };
    worker.on('message', (message: { type: 'ready' } | { type: 'result'; id: number; outcome: ReadOutcome }) => {
      if (message.type === 'ready') {
        slot.ready = true;
        failedStarts = 0;
        return;
      }
      const job = slot.job;
      if (!job || job.id !== message.id) return;
      slot.job = null;
      job.resolve(message.outcome);
      pump();
      if (!slot.job) recycleWhenIdle(slot);
    });
    worker.on('error', (error) => log(`[stockist] read worker failed: ${error.stack ?? String(error)}`));
    worker.on('exit', (code) => {
      if (slot.idle) clearTimeout(slot.idle);
      slots.splice(slots.indexOf(slot), 1);
      if (slot.job) slot.job.resolve({ kind: 'lost', reason: `the worker thread stopped (exit code ${code})` });
      if (closed || paused) return;
      if (!slot.ready) failedStarts += 1;
      if (failedStarts >= 3) {
        log('[stockist] read workers do not start; heavy reads run on the main thread');
        for (const waiting of queue.splice(0)) waiting.resolve({ kind: 'lost', reason: 'no read worker starts' });
        return;
      }
      spawn();
      pump();
    });
    worker.unref();
    slots.push(slot);
  }

  function recycleWhenIdle(slot: Slot): void {
    const after = options.recycleIdleMs ?? 0;
    if (after <= 0) return;
    slot.idle = setTimeout(() => {
      slot.idle = null;
      // The exit handler starts the replacement, as for a thread that died between jobs.
      if (!slot.job && !closed && !paused) void slot.worker.terminate();
    }, after);
    slot.idle.unref();
  }

  function pump(): void {
    for (const slot of slots) {
      if (slot.job || queue.length === 0) continue;
      if (slot.idle) clearTimeout(slot.idle);
      slot.idle = null;
      const { job, resolve } = queue.shift()!;
      const id = nextId++;
      slot.job = { id, resolve };
      slot.worker.postMessage({ type: 'job', id, job });
    }
  }

  for (let i = 0; i < options.size; i += 1) spawn();

  return {
    run(job) {
      if (closed || failedStarts >= 3) return Promise.resolve({ kind: 'lost', reason: 'the read workers are stopped' });
      return new Promise((resolve) => {
        queue.push({ job, resolve });
        pump();
      });
    },
    usable: () => !closed && failedStarts < 3 && options.size > 0,
    threads: () => slots.map((slot) => slot.worker),
    async pause(during) {
      paused = true;
      try {
        await Promise.all(slots.map((slot) => slot.worker.terminate()));
        during();
      } finally {
        paused = false;
        if (!closed) {
          while (slots.length < options.size) spawn();
          pump();
        }
      }
    },
    async close() {
      closed = true;
      await Promise.all(slots.map((slot) => slot.worker.terminate()));
    },
  };
}
