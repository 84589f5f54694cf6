import type { Ledger } from '../../ledger/open-ledger';
import { addDays } from '../../../src-shared/dates';
import { businessToday } from '../business-date';
import type { EngineContext } from '../context';
import type { BackoffPolicy } from './backoff';
import type { BatchLimits } from './batching';
import { publishClosingStock } from './payloads/closing-stock-payload';
import { inPlainWords } from './plain-words';
import { pullMasters, type PullOutcome } from './pull-masters';
import { pushOutbox, type PushOutcome } from './push-outbox';
import { sendControlTotals } from './send-control-totals';
import { SyncClient } from './sync-client';
import { recordSyncError, syncSettings, updateSyncSettings } from './sync-settings';

export interface SyncWorkerOptions {
  /** How often the timer runs a sync while sync is enabled. */
  intervalMs?: number;
  now?: () => Date;
  fetch?: typeof fetch;
  timeoutMs?: number;
  maxAttempts?: number;
  backoff?: BackoffPolicy;
  batchLimits?: Partial<BatchLimits>;
  pullLimit?: number;
}

export interface SyncRun {
  ok: boolean;
  message: string;
  push: PushOutcome | null;
  pull: PullOutcome | null;
  snapshots: number;
}

/**
 * The sync worker of the main process: on a timer (when enabled) and on demand. It never holds a
 * transaction across the network: it reads, awaits HQ, then writes HQ's answers in a short
 * transaction, so clerks' writes go on while a push is out. Only one run at a time; asking again
 * while one is running gets that run.
 */
export class SyncWorker {
  private timer: NodeJS.Timeout | null = null;
  private current: Promise<SyncRun> | null = null;

  constructor(
    private readonly ledger: Ledger,
    private readonly options: SyncWorkerOptions = {},
  ) {}

  context(): EngineContext {
    return { ledger: this.ledger, actor: null, now: this.options.now ?? (() => new Date()) };
  }

  get running(): boolean {
    return this.current !== null;
  }

  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => {
      if (!this.ledger.sqlite.open) return this.stop();
      if (syncSettings(this.context()).enabled) void this.runNow();
    }, this.options.intervalMs ?? 60_000);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** Waits for a run in flight to end (for shutdown and tests). */
  async idle(): Promise<void> {
    await this.current;
  }

  runNow(): Promise<SyncRun> {
    this.current ??= this.run().finally(() => {
      this.current = null;
    });
    return this.current;
  }

  client(): SyncClient | null {
    const s = syncSettings(this.context());
    if (!s.deviceId || !s.secret) return null;
    const o = this.options;
    return new SyncClient({
      hqAddress: s.hqAddress,
      credentials: { deviceId: s.deviceId, secret: s.secret },
      fetch: o.fetch,
      timeoutMs: o.timeoutMs,
      maxAttempts: o.maxAttempts,
      backoff: o.backoff,
    });
  }

  private async run(): Promise<SyncRun> {
    const ctx = this.context();
    const result: SyncRun = { ok: false, message: '', push: null, pull: null, snapshots: 0 };
    try {
      const client = this.client();
      if (!client) return { ...result, message: 'This installation is not enrolled with HQ yet.' };
      const yesterday = addDays(businessToday(ctx), -1);
      result.snapshots = ctx.ledger.sqlite.transaction(() => publishClosingStock(ctx, yesterday))();
      result.push = await pushOutbox(ctx, client, this.options.batchLimits);
      result.pull = await pullMasters(ctx, client, this.options.pullLimit);
      if (result.snapshots > 0) await sendControlTotals(ctx, client, yesterday);
      await sendControlTotals(ctx, client, businessToday(ctx));
      updateSyncSettings(ctx, { lastError: '', lastErrorAt: null });
      return { ...result, ok: true, message: 'Up to date with HQ' };
    } catch (error) {
      const message = inPlainWords(error);
      if (this.ledger.sqlite.open) recordSyncError(ctx, message);
      return { ...result, message };
    }
  }
}

const workers = new WeakMap<Ledger, SyncWorker>();

/** The one worker of a ledger: the server starts its timer; the API's "Sync now" uses the same one. */
export function syncWorkerFor(ledger: Ledger, options?: SyncWorkerOptions): SyncWorker {
  let worker = workers.get(ledger);
  if (!worker) {
    worker = new SyncWorker(ledger, options);
    workers.set(ledger, worker);
  }
  return worker;
}
