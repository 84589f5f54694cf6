// `npm run test:scale -- --db PATH [playwright args]`: the scale e2e check on a generated ledger (see tests/e2e-scale).
import { spawnSync } from 'node:child_process';
import path from 'node:path';

const args = process.argv.slice(2);
const at = args.indexOf('--db');
if (at < 0 || !args[at + 1]) {
  console.error('Usage: npm run test:scale -- --db PATH (a ledger from npm run bench:data -- --scale L)');
  process.exit(2);
}
const db = path.resolve(args[at + 1]);
args.splice(at, 2);
const run = (cmd, cmdArgs) =>
  spawnSync(cmd, cmdArgs, { stdio: 'inherit', env: { ...process.env, SCALE_DB: db } }).status ?? 1;
const built = run('npx', ['electron-vite', 'build']);
if (built !== 0) process.exit(built);
process.exit(run('npx', ['playwright', 'test', '-c', 'tests/e2e-scale/playwright.config.ts', ...args]));
