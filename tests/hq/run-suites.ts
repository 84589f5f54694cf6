import { afterAll, beforeAll } from 'vitest';
import { startTestHq, type HqBackend, type TestHq } from '../support/hq';
import { controlTotalsSuite } from './suites/control-totals';
import { enrolmentSuite } from './suites/enrolment';
import { faultsSuite } from './suites/faults';
import { pullSuite } from './suites/pull';
import { pushSuite } from './suites/push';

/** The whole HQ suite against one HQ on the given database engine. Suites use their own distributors,
 * so they share the HQ (starting a database is the slow part). */
export function runHqSuites(backend: HqBackend): void {
  let hq: TestHq | undefined;
  beforeAll(async () => {
    hq = await startTestHq(backend);
  }, 120_000);
  afterAll(() => hq?.stop());
  const theHq = () => {
    if (!hq) throw new Error('HQ did not start');
    return hq;
  };
  enrolmentSuite(backend.name, theHq);
  pushSuite(backend.name, theHq);
  pullSuite(backend.name, theHq);
  controlTotalsSuite(backend.name, theHq);
  faultsSuite(backend.name, theHq);
}
