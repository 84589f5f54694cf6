import type { Ledger } from '../../ledger/open-ledger';
import type { EngineContext } from '../context';
import type { ScheduledJob } from './scheduled-job';

export interface SchedulerOptions {
  now?: () => Date;
  /** how often the timer looks for due jobs */
  tickMs?: number;
  /** the first look after start: the catch-up of jobs that fell due while the app was closed */
  firstTickMs?: number;
  log?: (message: string) => void;
}

export interface Scheduler {
  /** Runs every due job once, now; returns the names that ran (the tests' handle, and the timer's). */
  tick(): string[];
  stop(): void;
}

/**
 * Runs the jobs from a timer in the process that holds the ledger (the desktop app and `serve`). Each job's last
 * run is kept in scheduled_job_runs, so one overdue because the app was closed runs once at the first tick. A job
 * runs in one immediate transaction that re-reads its last run first: two processes on one ledger cannot both
 * run it, and a failure rolls back, is logged and recorded, and the job is tried again at the next tick.
 */
export function startScheduler(ledger: Ledger, jobs: ScheduledJob[], options: SchedulerOptions = {}): Scheduler {
  const now = options.now ?? (() => new Date());
  const log = options.log ?? ((message: string) => console.error(message));
  let running = false;

  function runIfDue(job: ScheduledJob, at: Date): boolean {
    // Read at each tick: a restore puts a new connection in the same Ledger object.
    const sqlite = ledger.sqlite;
    const ctx: EngineContext = { ledger, actor: null, now: () => at };
    const ran = sqlite
      .transaction(() => {
        const last = sqlite.prepare('SELECT last_run_at AS at FROM scheduled_job_runs WHERE name = ?').get(job.name) as
          { at: string | null } | undefined;
        if (last?.at && at.getTime() - Date.parse(last.at) < job.everyMinutes * 60_000) return false;
        job.run(ctx, at);
        sqlite
          .prepare(
            `INSERT INTO scheduled_job_runs (name, last_run_at, last_error, last_error_at) VALUES (?, ?, NULL, NULL)
             ON CONFLICT (name) DO UPDATE SET last_run_at = excluded.last_run_at, last_error = NULL, last_error_at = NULL`,
          )
          .run(job.name, at.toISOString());
        return true;
      })
      .immediate();
    return ran;
  }

  function recordFailure(job: ScheduledJob, at: Date, error: unknown): void {
    const message = (error as Error)?.message ?? String(error);
    log(`[stockist] scheduled job ${job.name} failed (tried again at the next tick): ${message}`);
    try {
      ledger.sqlite
        .prepare(
          `INSERT INTO scheduled_job_runs (name, last_error, last_error_at) VALUES (?, ?, ?)
           ON CONFLICT (name) DO UPDATE SET last_error = excluded.last_error, last_error_at = excluded.last_error_at`,
        )
        .run(job.name, message.slice(0, 500), at.toISOString());
    } catch {
      // the ledger is busy or read-only: the log line is what remains
    }
  }

  function tick(): string[] {
    // A job that calls back into the scheduler (or a tick fired while one runs) waits for the next tick.
    if (running || !ledger.sqlite.open || ledger.sqlite.inTransaction) return [];
    running = true;
    const ran: string[] = [];
    try {
      for (const job of jobs) {
        const at = now();
        try {
          if (runIfDue(job, at)) ran.push(job.name);
        } catch (error) {
          recordFailure(job, at, error);
        }
      }
    } finally {
      running = false;
    }
    return ran;
  }

  const first = setTimeout(tick, options.firstTickMs ?? 5_000);
  const timer = setInterval(tick, options.tickMs ?? 60_000);
  // Never what keeps a process alive.
  first.unref();
  timer.unref();
  return {
    tick,
    stop() {
      clearTimeout(first);
      clearInterval(timer);
    },
  };
}
