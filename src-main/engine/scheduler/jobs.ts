import { refreshPlannerStatistics } from '../../ledger/query-planner';
import { purgeExpiredSessions } from '../users/sessions';
import { escalateDueApprovals } from '../approvals/escalation';
import type { ScheduledJob } from './scheduled-job';
import { reestimateRebates } from '../channel/rebates/reestimate-rebates';

export type { ScheduledJob } from './scheduled-job';

/** Every periodic task of the main process, in the order a tick runs them. */
export const scheduledJobs: ScheduledJob[] = [
  // The planner's statistics (sqlite_stat1) go stale as the ledger grows; refreshed from here, never in a request.
  { name: 'planner-statistics', everyMinutes: 60, run: (ctx) => refreshPlannerStatistics(ctx.ledger.sqlite) },
  // Expired sessions are also purged at each sign-in; this catches a terminal nobody signs in on.
  // Approvals waiting past their level's business hours escalate and remind; after a closed weekend it catches up.
  { name: 'approval-escalation', everyMinutes: 5, run: escalateDueApprovals },
  { name: 'expired-sessions', everyMinutes: 60, run: (ctx) => void purgeExpiredSessions(ctx) },
  // Rebate accruals follow the projected tier as the period runs; a true-up is booked only when it moved.
  { name: 'rebate-reestimate', everyMinutes: 24 * 60, run: (ctx, now) => void reestimateRebates(ctx, now) },
];
