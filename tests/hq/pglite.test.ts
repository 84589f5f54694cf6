import { pgliteBackend } from '../support/hq';
import { runHqSuites } from './run-suites';

/** The HQ suite on embedded PostgreSQL (PGlite), in memory. */
runHqSuites(pgliteBackend);
