import { afterEach, describe, expect, it, vi } from 'vitest';
import type { EngineContext } from '../../../src-main/engine/context';
import { scheduledJobs } from '../../../src-main/engine/scheduler/jobs';
import type { ScheduledJob } from '../../../src-main/engine/scheduler/scheduled-job';
import { startScheduler, type Scheduler } from '../../../src-main/engine/scheduler/scheduler';
import { engineContext } from '../../support/engine';

let clock = new Date('2026-11-23T04:00:00Z');
const at = (iso: string) => (clock = new Date(iso));
let scheduler: Scheduler | null = null;
afterEach(() => {
  scheduler?.stop();
  scheduler = null;
  vi.useRealTimers();
});

function start(ctx: EngineContext, jobs: ScheduledJob[], log: (m: string) => void = () => {}) {
  return (scheduler = startScheduler(ctx.ledger, jobs, { now: () => clock, firstTickMs: 1000, tickMs: 60_000, log }));
}

function counting(name: string, everyMinutes: number) {
  const runs: string[] = [];
  const job: ScheduledJob = { name, everyMinutes, run: (_ctx, now) => void runs.push(now.toISOString()) };
  return { job, runs };
}

describe('the scheduler', () => {
  it('runs a job when due, records it, and not again until its interval has passed', () => {
    const ctx = engineContext();
    const { job, runs } = counting('hourly', 60);
    at('2026-11-23T04:00:00Z');
    start(ctx, [job]);
    expect(scheduler!.tick()).toEqual(['hourly']);
    at('2026-11-23T04:59:00Z');
    expect(scheduler!.tick()).toEqual([]);
    at('2026-11-23T05:00:00Z');
    expect(scheduler!.tick()).toEqual(['hourly']);
    expect(runs).toEqual(['2026-11-23T04:00:00.000Z', '2026-11-23T05:00:00.000Z']);
    const row = ctx.ledger.sqlite.prepare("SELECT last_run_at FROM scheduled_job_runs WHERE name = 'hourly'").get();
    expect(row).toEqual({ last_run_at: '2026-11-23T05:00:00.000Z' });
  });

  it('catches up once at start, with the current time, after the app was closed for days', () => {
    vi.useFakeTimers();
    const ctx = engineContext();
    const { job, runs } = counting('escalate', 5);
    at('2026-11-20T10:00:00Z');
    start(ctx, [job]).tick();
    scheduler!.stop();
    // Closed over the weekend; the next start's first timer tick runs it once, not once per missed 5 minutes.
    at('2026-11-23T04:00:00Z');
    start(ctx, [job]);
    vi.advanceTimersByTime(1000);
    expect(runs).toEqual(['2026-11-20T10:00:00.000Z', '2026-11-23T04:00:00.000Z']);
    vi.advanceTimersByTime(60_000);
    expect(runs).toHaveLength(2);
    at('2026-11-23T04:05:00Z');
    vi.advanceTimersByTime(60_000);
    expect(runs).toHaveLength(3);
    // Stopped: no timer runs it again.
    scheduler!.stop();
    at('2026-11-23T06:00:00Z');
    vi.advanceTimersByTime(10 * 60_000);
    expect(runs).toHaveLength(3);
  });

  it('rolls a failed run back, logs it, keeps the other jobs going and retries at the next tick', () => {
    const ctx = engineContext();
    const log: string[] = [];
    let fail = true;
    const flaky: ScheduledJob = {
      name: 'flaky',
      everyMinutes: 60,
      run: (jobCtx) => {
        jobCtx.ledger.sqlite.prepare("INSERT INTO business_holidays (day, name) VALUES ('2026-12-25', 'half')").run();
        if (fail) throw new Error('disk hiccup');
      },
    };
    const other = counting('other', 60);
    start(ctx, [flaky, other.job], (m) => log.push(m));
    expect(scheduler!.tick()).toEqual(['other']);
    expect(log).toEqual([expect.stringContaining('flaky failed (tried again at the next tick): disk hiccup')]);
    expect(ctx.ledger.sqlite.prepare('SELECT count(*) AS n FROM business_holidays').get()).toEqual({ n: 0 });
    const failed = ctx.ledger.sqlite.prepare("SELECT * FROM scheduled_job_runs WHERE name = 'flaky'").get();
    expect(failed).toMatchObject({ last_run_at: null, last_error: 'disk hiccup' });
    fail = false;
    at(new Date(clock.getTime() + 60_000).toISOString());
    expect(scheduler!.tick()).toEqual(['flaky']);
    expect(ctx.ledger.sqlite.prepare("SELECT last_error FROM scheduled_job_runs WHERE name = 'flaky'").get()).toEqual({
      last_error: null,
    });
  });

  it('never overlaps: a tick while a job runs does nothing, and a second process sees the run recorded', () => {
    const ctx = engineContext();
    const nested: string[][] = [];
    const job: ScheduledJob = { name: 'reentrant', everyMinutes: 5, run: () => void nested.push(scheduler!.tick()) };
    start(ctx, [job]);
    expect(scheduler!.tick()).toEqual(['reentrant']);
    expect(nested).toEqual([[]]);
    // Another process (a second scheduler on the same ledger) finds the job already run this interval.
    const second = startScheduler(ctx.ledger, [job], { now: () => clock, log: () => {} });
    expect(second.tick()).toEqual([]);
    second.stop();
  });

  it('the moved periodic tasks run from the job list: planner statistics and the expired-sessions purge', () => {
    const ctx = engineContext();
    at('2026-11-23T04:00:00Z');
    ctx.ledger.sqlite
      .prepare("INSERT INTO sessions (token_hash, user_id, created_at, expires_at) VALUES ('old', ?, ?, ?)")
      .run(ctx.actor!.id, '2026-11-01T00:00:00Z', '2026-11-02T00:00:00Z');
    start(ctx, scheduledJobs);
    expect(scheduler!.tick()).toEqual(scheduledJobs.map((j) => j.name));
    expect(ctx.ledger.sqlite.prepare("SELECT count(*) AS n FROM sessions WHERE token_hash = 'old'").get()).toEqual({
      n: 0,
    });
  });
});
