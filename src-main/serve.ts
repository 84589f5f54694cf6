import path from 'node:path';
import { parseArgs } from 'node:util';
import { createApi } from './api/dispatch';
import { defaultDatabasePath } from './paths/app-paths';
import { openLedger } from './ledger/open-ledger';
import { keepPlannerStatisticsFresh } from './ledger/query-planner';
import { startHttpServer } from './server/http-server';
import { createReadPool, defaultReadWorkers, readWorkerScript } from './api/read-pool';
import { syncWorkerFor } from './engine/sync/sync-worker';
import { startBackupSchedule } from './engine/backups/backup-schedule';

/**
 * `npm run serve -- [--db PATH] [--port N] [--new]`: Stockist in a browser, on this machine only.
 * --new allows an existing empty (0-byte) file to become a new ledger.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      db: { type: 'string' },
      port: { type: 'string', default: '5170' },
      new: { type: 'boolean', default: false },
    },
  });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`--port must be a number from 0 to 65535, not ${values.port}`);
    process.exit(2);
  }
  const file = path.resolve(values.db ?? defaultDatabasePath());
  const ledger = openLedger(file, { create: values.new });
  if (ledger.backup) console.log(`Backed up ${file} to ${ledger.backup} before upgrading it`);
  const readPool = createReadPool({ file, size: defaultReadWorkers(), script: readWorkerScript(__dirname) });
  const api = createApi(ledger, { readPool });
  const sync = syncWorkerFor(ledger);
  sync.start();
  const stopPlanner = keepPlannerStatisticsFresh(ledger);
  const backups = startBackupSchedule(ledger);
  const { url, close } = await startHttpServer({ api, port, rendererDir: path.resolve(__dirname, '..', 'renderer') });
  console.log(`Stockist listening on ${url}`);
  console.log(`Data: ${file}`);
  const stop = () => {
    sync.stop();
    stopPlanner();
    backups.stop();
    void Promise.all([close(), sync.idle(), readPool.close()]).then(() => {
      ledger.close();
      process.exit(0);
    });
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(`Stockist could not start: ${(error as Error).message}`);
  process.exit(1);
});
