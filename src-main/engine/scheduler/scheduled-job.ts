import type { EngineContext } from '../context';

/**
 * A task the main process runs every `everyMinutes` while the ledger is open. `run` is handed the current time and
 * must catch up by itself (a job overdue because the app was closed runs once, with the time it actually runs);
 * it runs inside one transaction that also records the run, so it must be synchronous and idempotent.
 */
export interface ScheduledJob {
  name: string;
  everyMinutes: number;
  run(ctx: EngineContext, now: Date): void;
}
