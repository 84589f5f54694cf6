// Runs npm scripts side by side, two at a time by default (CI has two cores), and fails if any fails.
// The checks before the tests (format, lint, the two type-checks, the e2e build) are each one single-threaded
// process, so in a row they leave a core idle for minutes; together they finish in about half the time.
// Each script's output is held and printed whole when it ends, so logs never interleave.
// Usage: node scripts/run-parallel.mjs [--jobs N] script1 script2 ...
import { spawn } from 'node:child_process';
import os from 'node:os';

const args = process.argv.slice(2);
let jobs = Math.min(2, os.availableParallelism());
if (args[0] === '--jobs') {
  jobs = Number(args[1]);
  args.splice(0, 2);
}
const queue = [...args];
const failed = [];

function run(script) {
  return new Promise((resolve) => {
    const started = Date.now();
    const child = spawn('npm', ['run', script], { shell: false, env: process.env });
    const output = [];
    child.stdout.on('data', (chunk) => output.push(chunk));
    child.stderr.on('data', (chunk) => output.push(chunk));
    child.on('close', (code) => {
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      process.stdout.write(`\n> ${script} (${code === 0 ? 'passed' : `failed, exit ${code}`}, ${seconds} s)\n`);
      process.stdout.write(Buffer.concat(output));
      if (code !== 0) failed.push(script);
      resolve();
    });
  });
}

async function lane() {
  for (let script = queue.shift(); script; script = queue.shift()) await run(script);
}

await Promise.all(Array.from({ length: Math.max(1, jobs) }, lane));
if (failed.length > 0) {
  console.error(`\nFailed: ${failed.join(', ')}`);
  process.exit(1);
}
