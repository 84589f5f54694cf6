import path from 'node:path';

/**
 * Where migrations and fonts live. Source (src-main/paths) and build (out/main) are both two levels
 * below the project; a packaged app points STOCKIST_RESOURCES at its resources folder.
 */
export function resourcesDir(): string {
  return process.env.STOCKIST_RESOURCES ?? path.resolve(__dirname, '..', '..', 'resources');
}
