import path from 'node:path';
import { parseArgs } from 'node:util';
import { createApi } from './api/dispatch';
import { mainThreadHeapRelease } from './api/heap-release';
import { defaultDatabasePath } from './paths/app-paths';
import { openLedger } from './ledger/open-ledger';
import { checkIntegrityInBackground } from './ledger/integrity-check';
import { startHttpServer } from './server/http-server';
import { createReadPool, defaultReadWorkers, readWorkerScript } from './api/read-pool';
import { syncWorkerFor } from './engine/sync/sync-worker';
import { startBackupSchedule } from './engine/backups/backup-schedule';
import { scheduledJobs } from './engine/scheduler/jobs';
import { startScheduler } from './engine/scheduler/scheduler';
import { describeLanServer, lanArguments, networkHolder, startLanServer } from './server/lan-server';

/**
 * `npm run serve -- [--db PATH] [--port N] [--new] [--lan [ADDRESS]] [--insecure-http]`: Stockist in
 * a browser, on this machine only (plain HTTP on 127.0.0.1), or with --lan for the other PCs on the
 * network (HTTPS on the LAN address or the one given). --new allows an existing empty (0-byte)
 * file to become a new ledger.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    args: lanArguments(process.argv.slice(2)),
    options: {
      db: { type: 'string' },
      port: { type: 'string', default: '5170' },
      new: { type: 'boolean', default: false },
      lan: { type: 'boolean', default: false },
      'lan-address': { type: 'string' },
      'insecure-http': { type: 'boolean', default: false },
    },
  });
  if (values['insecure-http'] && !values.lan) {
    console.error('--insecure-http only applies with --lan (on this machine alone Stockist is plain HTTP already)');
    process.exit(2);
  }
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`--port must be a number from 0 to 65535, not ${values.port}`);
    process.exit(2);
  }
  const file = path.resolve(values.db ?? defaultDatabasePath());
  const ledger = openLedger(file, { create: values.new });
  if (ledger.backup) console.log(`Backed up ${file} to ${ledger.backup} before upgrading it`);
  const readPool = createReadPool({ file, size: defaultReadWorkers(), script: readWorkerScript(__dirname) });
  const network = networkHolder({ mode: values.lan ? 'lan' : 'loopback', url: null, secure: false, fingerprint: null });
  const api = createApi(ledger, { readPool, network, heap: mainThreadHeapRelease() });
  const sync = syncWorkerFor(ledger);
  sync.start();
  const scheduler = startScheduler(ledger, scheduledJobs);
  const backups = startBackupSchedule(ledger);
  const rendererDir = path.resolve(__dirname, '..', 'renderer');
  let close: () => Promise<void>;
  if (values.lan) {
    const lan = await startLanServer({
      api,
      ledgerFile: file,
      address: values['lan-address'],
      port,
      rendererDir,
      insecureHttp: values['insecure-http'],
    });
    network.set(lan.status);
    for (const line of describeLanServer(lan)) (lan.status.secure ? console.log : console.warn)(line);
    close = lan.close;
  } else {
    const http = await startHttpServer({ api, port, rendererDir });
    network.set({ mode: 'loopback', url: http.url, secure: false, fingerprint: null });
    console.log(`Stockist listening on ${http.url}`);
    close = http.close;
  }
  console.log(`Data: ${file}`);
  const opening = Object.entries(ledger.openTimings ?? {}).map(([step, ms]) => `${step} ${ms} ms`);
  console.log(`Opened the ledger: ${opening.join(', ')}`);
  // The full page-by-page check runs now that the app answers, on its own thread.
  void checkIntegrityInBackground(ledger, { log: console.log });
  const stop = () => {
    sync.stop();
    scheduler.stop();
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
