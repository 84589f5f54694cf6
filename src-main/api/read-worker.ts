import { parentPort, workerData } from 'node:worker_threads';
import type { z } from 'zod';
import { contract, isOperationName } from '../../src-shared/contract';
import { DomainError } from '../engine/errors';
import { checkImportTask, type ImportCheckJob } from '../engine/imports/check-task';
import { openReadOnlyLedger } from '../ledger/open-ledger';
import type { CallContext, Handler } from './handler-types';
import { handlers } from './handlers';
import { heapRelease } from './heap-release';
import type { ReadJob, ReadOutcome } from './read-pool';

/**
 * A worker thread for heavy reads: the same handler table as the main thread, over its own
 * read-only connection, so a year's report runs here while the main event loop keeps answering.
 * The dispatcher has already identified the caller, checked permission and validated the input;
 * this runs the handler, checks its output against the contract as the dispatcher does for any
 * call, and sends back the output or the refusal. A write attempted here fails (the connection is read-only).
 */
const { file, holdMs } = workerData as { file: string; holdMs: number };
const ledger = openReadOnlyLedger(file);
const port = parentPort!;

/** Read-only parts of writes, run here by name: the dispatcher has already admitted the write they belong to. */
const tasks: Record<string, (ctx: CallContext, input: unknown) => unknown> = {
  'imports.check': (ctx, input) => checkImportTask(ctx, input as ImportCheckJob),
};

async function runJob(job: ReadJob): Promise<ReadOutcome> {
  if (holdMs > 0) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, holdMs);
  const task = Object.hasOwn(tasks, job.name) ? tasks[job.name]! : null;
  if (!task && !isOperationName(job.name)) return { kind: 'failed', stack: `No operation called ${job.name}` };
  // The company may have changed its time zone since the last job; one small read keeps up.
  ledger.refreshTimeZone();
  const instant = new Date(job.now);
  const ctx: CallContext = { ledger, actor: job.actor, now: () => instant, sessionToken: job.sessionToken };
  // One snapshot for the whole job: a report that reads the rollups' first and last day and then the rows
  // must not see a commit (an invoice, a fold of pending rollups) land between the two. The thread runs
  // one job at a time, so nothing else uses the connection meanwhile.
  ledger.sqlite.exec('BEGIN');
  try {
    if (task) return { kind: 'done', output: task(ctx, job.input) };
    if (!isOperationName(job.name)) return { kind: 'failed', stack: `No operation called ${job.name}` };
    const handler = handlers[job.name] as Handler<typeof job.name>;
    // The output schema is checked here, not on the main thread: a year's rows take a while to check.
    const output = (contract[job.name].output as z.ZodType).parse(await handler(job.input as never, ctx));
    // Sent as JSON bytes, not objects: the main thread writes them out without building the rows
    // in its own heap (a year's report was megabytes of objects there, kept until its next major GC).
    return { kind: 'answered', json: encoder.encode(JSON.stringify(output)) };
  } catch (error) {
    if (error instanceof DomainError) {
      return { kind: 'refused', code: error.code, message: error.message, field: error.field };
    }
    return { kind: 'failed', stack: (error as Error)?.stack ?? String(error) };
  } finally {
    if (ledger.sqlite.inTransaction) ledger.sqlite.exec('COMMIT');
  }
}

const encoder = new TextEncoder();
const heap = heapRelease();

port.on('message', (message: { type: 'job'; id: number; job: ReadJob }) => {
  void runJob(message.job).then((outcome) => {
    // The bytes move to the main thread (transferred, not copied); each has its own ArrayBuffer.
    const transfer = outcome.kind === 'answered' ? [outcome.json.buffer as ArrayBuffer] : [];
    port.postMessage({ type: 'result', id: message.id, outcome }, transfer);
    // Once this callback has returned, the job's input and output are garbage (collecting inside it
    // kept a 10 MB import alive), and this thread may sit idle until the next report.
    setImmediate(() => heap.releaseIfGrown());
  });
});
port.postMessage({ type: 'ready' });
