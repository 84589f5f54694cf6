import path from 'node:path';
import { parseArgs } from 'node:util';
import { createApi } from '../src-main/api/dispatch';
import { defaultDatabasePath } from '../src-main/paths/app-paths';
import { openLedger } from '../src-main/ledger/open-ledger';

/**
 * `npm run seed:demo -- --db PATH [--password P]`: a believable distributor to try Stockist on.
 * Goes through the same first-run operation as the app, so the demo is set up exactly as a user's would be.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { db: { type: 'string' }, password: { type: 'string', default: 'stockist-demo' } },
  });
  const file = path.resolve(values.db ?? defaultDatabasePath());
  const ledger = openLedger(file);
  const api = createApi(ledger);
  const result = await api.call('setup.initialize', {
    companyName: 'Shree Ganesh Distributors',
    stateCode: '27',
    adminUsername: 'admin',
    adminName: 'Administrator',
    password: values.password,
    demo: true,
  });
  ledger.close();
  if (result.status !== 200) {
    console.error(`Not seeded: ${(result.body as { error: { message: string } }).error.message}`);
    process.exit(1);
  }
  console.log(`Demo distributor written to ${file}`);
  console.log(`Sign in as admin / ${values.password} (clerks: ravi, meena, suresh, kavita, anita with demo-pass-1)`);
}

void main();
