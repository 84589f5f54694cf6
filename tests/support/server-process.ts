import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

/**
 * Another Stockist process serving the same ledger file: real contention between processes, not
 * calls taking turns on one event loop. The caller keeps the children and kills them at the end.
 */
export function startServerProcess(db: string, children: ChildProcess[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const serve = path.resolve(__dirname, '../../src-main/serve.ts');
    const child = spawn(process.execPath, ['--import', 'tsx', serve, '--db', db, '--port', '0'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    children.push(child);
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const m = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
      if (m) resolve(m[1]!);
    });
    child.stderr!.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.on('exit', (code) => reject(new Error(`server exited ${code}: ${out}`)));
  });
}
