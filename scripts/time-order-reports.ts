// Temporary (sum-order helper, #12 point 4): the four order-flow reports over the bench year on a copy of a
// bench ledger, from the milestone table and from lines (as before), with a digest of each result, and the
// time of a full rebuild. Usage: npx tsx scripts/time-order-reports.ts <copy of .bench/stockist-M.db>
import { createHash } from 'node:crypto';
import { openLedger } from '../src-main/ledger/open-ledger';
import { runReport, type ReportId } from '../src-main/engine/reports/report-registry';
import type { ReportFilters, ReportResult } from '../src-main/engine/reports/report-types';
import { rebuildOrderMilestones } from '../src-main/engine/summaries/order-milestones';
import type { EngineContext } from '../src-main/engine/context';
import * as fromLines from '../tests/unit/summaries/reports-from-lines';

const file = process.argv[2]!;
const opened = performance.now();
const ledger = openLedger(file, { backup: false });
console.log(`open (migrate, fill milestones if empty) ${(performance.now() - opened).toFixed(0)} ms`);
const ctx: EngineContext = { ledger, actor: null, now: () => new Date('2026-11-22T10:00:00Z') };
const f: ReportFilters = {
  from: '2025-11-22',
  to: '2026-11-22',
  customerId: null,
  customerType: '',
  stateCode: '',
  city: '',
  warehouseId: null,
  productId: null,
  brand: '',
  category: '',
  clerkId: null,
  groupBy: 'customer',
  period: 'month',
};
const old: Record<string, (c: EngineContext, f: ReportFilters) => ReportResult> = {
  on_time_delivery: fromLines.onTimeDeliveryFromLines,
  order_to_cash: fromLines.orderToCashFromLines,
  pending_orders: fromLines.pendingOrdersFromLines,
  delivery_register: fromLines.deliveryRegisterFromLines,
};
function time(label: string, run: () => ReportResult) {
  const walls: number[] = [];
  const cpus: number[] = [];
  let digest = '';
  let rows = 0;
  for (let i = 0; i < 3; i++) {
    const t = performance.now();
    const cpu = process.cpuUsage();
    const r = run();
    const used = process.cpuUsage(cpu);
    walls.push(performance.now() - t);
    cpus.push((used.user + used.system) / 1000);
    digest = createHash('sha1').update(JSON.stringify(r)).digest('hex').slice(0, 12);
    rows = r.rows.length;
  }
  const fmt = (xs: number[]) => xs.map((x) => x.toFixed(0)).join('/');
  console.log(`${label.padEnd(34)} rows ${rows}  wall ${fmt(walls)} ms  cpu ${fmt(cpus)} ms  ${digest}`);
}
for (const id of Object.keys(old) as ReportId[]) {
  time(`${id} from lines`, () => old[id]!(ctx, f));
  time(`${id} from milestones`, () => runReport(ctx, id, f, null));
}
const t = performance.now();
const cpu = process.cpuUsage();
ledger.sqlite.transaction(() => rebuildOrderMilestones(ctx))();
const used = process.cpuUsage(cpu);
console.log(
  `rebuild ${(performance.now() - t).toFixed(0)} ms wall, ${((used.user + used.system) / 1000).toFixed(0)} ms cpu`,
);
ledger.close();
