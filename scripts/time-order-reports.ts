// Temporary (sum-order helper): times the four order-flow reports over the bench year on a ledger copy.
import { openLedger } from '../src-main/ledger/open-ledger';
import { runReport, type ReportId } from '../src-main/engine/reports/report-registry';
import type { ReportFilters } from '../src-main/engine/reports/report-types';
import { createHash } from 'node:crypto';

const file = process.argv[2]!;
const opened = performance.now();
const ledger = openLedger(file, { backup: false });
console.log(`open (migrate, fill milestones if empty) ${(performance.now() - opened).toFixed(0)} ms`);
const ctx = { ledger, actor: null, now: () => new Date('2026-11-22T10:00:00Z') };
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
for (const id of ['on_time_delivery', 'order_to_cash', 'pending_orders', 'delivery_register'] as ReportId[]) {
  const times: number[] = [];
  const cpus: number[] = [];
  let digest = '';
  for (let i = 0; i < 3; i++) {
    const t = performance.now();
    const cpu = process.cpuUsage();
    const r = runReport(ctx, id, f, null);
    const used = process.cpuUsage(cpu);
    times.push(performance.now() - t);
    cpus.push((used.user + used.system) / 1000);
    digest = createHash('sha1').update(JSON.stringify(r)).digest('hex').slice(0, 12);
    if (i === 0) console.log(id, 'rows', r.rows.length);
  }
  console.log(
    id,
    'wall',
    times.map((t) => t.toFixed(0)).join(', '),
    'cpu',
    cpus.map((t) => t.toFixed(0)).join(', '),
    'ms',
    digest,
  );
}
ledger.close();
