import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { generateLedger, scales, type Scale } from '../tests/bench/generate-ledger';

/** `npm run bench:data -- --scale S|M|L --db PATH`: a generated ledger to measure on. */
const { values } = parseArgs({ options: { scale: { type: 'string', default: 'S' }, db: { type: 'string' } } });
const scale = values.scale as Scale;
if (!(scale in scales)) {
  console.error(`--scale must be one of ${Object.keys(scales).join(', ')}`);
  process.exit(2);
}
const file = path.resolve(values.db ?? `.bench/stockist-${scale}.db`);
const started = Date.now();
const ledger = generateLedger(file, scale, (m) => console.log(`  ${m}`));
ledger.close();
const cpu = process.cpuUsage();
const load = os.loadavg().map((x) => x.toFixed(1));
// The machine is shared: the CPU time and the load average say how much of the wall time was ours.
console.log(
  `Scale ${scale} written to ${file} in ${((Date.now() - started) / 1000).toFixed(1)} s ` +
    `(CPU ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s; load average ${load.join(', ')})`,
);
