import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** One temp folder for the whole test run; every test ledger lives under it and it goes at the end. */
export default function setup(): () => void {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'stockist-run-'));
  process.env.STOCKIST_TEST_TMP = root;
  return () => fs.rmSync(root, { recursive: true, force: true });
}
