import { afterAll, beforeAll, describe } from 'vitest';
import { openPostgres } from '../../src-hq/store/sql';
import type { HqBackend } from '../support/hq';
import { findPostgresBin, startPostgresCluster, type PostgresCluster } from '../support/postgres-cluster';
import { runHqSuites } from './run-suites';

/** The same HQ suite on a real PostgreSQL server (a throwaway cluster). CI installs PostgreSQL, so there
 * its absence is a failure, not a reason to skip. */
const installed = findPostgresBin() !== null;
if (!installed && process.env.CI === 'true') {
  throw new Error(
    'CI=true but PostgreSQL is not installed: the HQ suite must run on PostgreSQL in CI (apt-get install postgresql)',
  );
}
if (!installed) console.warn('PostgreSQL is not installed here: the HQ suite runs on PGlite only');

describe.skipIf(!installed)('HQ on PostgreSQL', () => {
  let cluster: PostgresCluster | undefined;
  let databases = 0;
  beforeAll(() => {
    cluster = startPostgresCluster();
  }, 120_000);
  afterAll(() => cluster?.stop());

  const backend: HqBackend = {
    name: 'PostgreSQL',
    open: async () => openPostgres(await cluster!.createDatabase(`hq_test_${++databases}`)),
  };
  runHqSuites(backend);
});
