// Dev and tests only: a worker thread does not inherit tsx from `node --import tsx` or vitest, so
// this bootstrap registers it inside the thread and then loads the TypeScript worker entry.
const { workerData } = require('node:worker_threads');
require('tsx/cjs/api').register();
require(workerData.script);
