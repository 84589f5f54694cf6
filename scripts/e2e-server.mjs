// Starts browser mode on a fresh ledger for the e2e run: a clerk's first day, every time.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const port = process.argv[2] ?? '5188';
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stockist-e2e-'));
const child = spawn(process.execPath, ['out/main/serve.js', '--db', path.join(dir, 'stockist.db'), '--port', port], {
  stdio: 'inherit',
});
const stop = () => {
  child.kill('SIGTERM');
  fs.rmSync(dir, { recursive: true, force: true });
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
child.on('exit', (code) => process.exit(code ?? 0));
