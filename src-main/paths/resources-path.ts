import fs from 'node:fs';
import path from 'node:path';

let found: string | null = null;

/**
 * Where migrations and fonts live. The bundler may put this code in out/main or a chunk below
 * it, and tests run it from source, so walk up to the first folder holding resources/migrations.
 * A packaged app sets STOCKIST_RESOURCES to its resources folder.
 */
export function resourcesDir(): string {
  if (process.env.STOCKIST_RESOURCES) return process.env.STOCKIST_RESOURCES;
  if (found) return found;
  let dir = __dirname;
  for (let i = 0; i < 6; i++) {
    const candidate = path.join(dir, 'resources');
    if (fs.existsSync(path.join(candidate, 'migrations'))) return (found = candidate);
    dir = path.dirname(dir);
  }
  throw new Error(`Stockist's resources folder was not found above ${__dirname}`);
}
