import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openLedger } from '../../src-main/ledger/open-ledger';

/**
 * One temp folder for the whole test run; every test ledger lives under it and it goes at the end.
 * It also holds one freshly migrated, empty ledger: test servers and engine contexts start from a
 * copy of it (tests/support/test-server.ts), since copying a file takes milliseconds where running
 * every migration takes a few hundred, hundreds of times a run.
 */
export default function setup(): () => void {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'stockist-run-'));
  process.env.STOCKIST_TEST_TMP = root;
  const template = path.join(root, 'template', 'stockist.db');
  const ledger = openLedger(template, { backup: false });
  // Everything into the main file, so one copied file is the whole ledger.
  ledger.sqlite.pragma('wal_checkpoint(TRUNCATE)');
  ledger.close();
  process.env.STOCKIST_TEST_TEMPLATE = template;
  return () => fs.rmSync(root, { recursive: true, force: true });
}
