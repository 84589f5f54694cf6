import path from 'node:path';
import { parseArgs } from 'node:util';
import { checkBalances } from '../src-main/engine/inventory/check-balances';
import { openLedger } from '../src-main/ledger/open-ledger';
import { defaultDatabasePath } from '../src-main/paths/app-paths';

/** `npm run check:stock -- --db PATH`: recompute every balance from movements; exit 1 on any difference. */
const { values } = parseArgs({ options: { db: { type: 'string' } } });
const file = path.resolve(values.db ?? defaultDatabasePath());
const ledger = openLedger(file);
const result = checkBalances({ ledger, actor: null, now: () => new Date() });
ledger.close();
console.log(`Checked ${result.checked} warehouse × batch balances in ${file}`);
for (const d of result.differences)
  console.log(
    `  warehouse ${d.warehouseId} batch ${d.batchId}: ${d.field} stored ${d.stored}, movements say ${d.computed}`,
  );
console.log(
  result.differences.length
    ? `${result.differences.length} difference(s) found`
    : 'No differences: balances equal their movements',
);
process.exit(result.differences.length ? 1 : 0);
