import fs from 'node:fs';
import path from 'node:path';

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.map': 'application/json',
};

/** Resolves a URL path inside the built renderer; anything else (a route, a missing file) gets index.html. */
export function staticFile(root: string, urlPath: string): { file: string; type: string } | null {
  const clean = decodeURIComponent(urlPath.split('?')[0] ?? '/');
  const base = path.resolve(root);
  const candidate = path.normalize(path.join(base, clean));
  // With the separator: /app/renderer-evil starts with /app/renderer but is not inside it.
  if (candidate !== base && !candidate.startsWith(base + path.sep)) return null;
  if (fs.existsSync(candidate) && fs.statSync(candidate).isFile()) {
    return { file: candidate, type: types[path.extname(candidate)] ?? 'application/octet-stream' };
  }
  if (path.extname(clean)) return null;
  const index = path.join(base, 'index.html');
  return fs.existsSync(index) ? { file: index, type: types['.html']! } : null;
}
