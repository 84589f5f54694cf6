import fs from 'node:fs';
import { protocol } from 'electron';
import { staticFile } from '../server/static-files';

/**
 * The built renderer is served from app://stockist, never file://: a file:// page may read any
 * file the user can, and every file:// page shares one origin. app:// is a standard, secure scheme
 * with one origin of its own, so the IPC sender check and the CSP can name it exactly.
 */
export const APP_SCHEME = 'app';
export const APP_ORIGIN = 'app://stockist';

/** Sent as a header with every page; the same policy as the meta tag in src-renderer/index.html. */
export const RENDERER_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "object-src 'self' blob:",
  "frame-src 'self' blob:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** Must run before the app is ready: Chromium fixes its scheme list at start-up. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

/** After ready: every app:// request is answered from the built renderer folder, and only from it. */
export function serveRenderer(root: string): void {
  protocol.handle(APP_SCHEME, (request) => rendererResponse(root, request));
}

/** Where the window loads from: the dev server while developing, app:// otherwise (always when packaged). */
export function rendererLocation(packaged: boolean, devUrl: string | undefined): { url: string; origin: string } {
  // A packaged app ignores ELECTRON_RENDERER_URL: an environment variable must not point it at another page.
  if (!packaged && devUrl) {
    const origin = originOf(devUrl);
    if (origin) return { url: devUrl, origin };
  }
  return { url: `${APP_ORIGIN}/index.html`, origin: APP_ORIGIN };
}

/**
 * scheme://host[:port] of an http(s) or app URL, else null (file:, blob:, data:, about: have no
 * origin we trust). Built by hand: Node's URL gives "null" as the origin of a non-special scheme.
 */
export function originOf(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (!['http:', 'https:', `${APP_SCHEME}:`].includes(parsed.protocol) || !parsed.host) return null;
  return `${parsed.protocol}//${parsed.host}`;
}

export async function rendererResponse(root: string, request: Request): Promise<Response> {
  if (request.method !== 'GET' && request.method !== 'HEAD') return refusal(405, 'Method not allowed');
  if (originOf(request.url) !== APP_ORIGIN) return refusal(404, 'Not found');
  let found: ReturnType<typeof staticFile>;
  try {
    // The containment rule the HTTP server uses: resolved inside root, with the separator.
    found = staticFile(root, new URL(request.url).pathname);
  } catch {
    return refusal(400, 'Bad address'); // a malformed %-escape
  }
  if (!found) return refusal(404, 'Not found');
  const body = request.method === 'HEAD' ? null : await fs.promises.readFile(found.file);
  return new Response(body, {
    status: 200,
    headers: {
      'Content-Type': found.type,
      'Content-Security-Policy': RENDERER_CSP,
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'no-store',
    },
  });
}

function refusal(status: number, message: string): Response {
  return new Response(message, { status, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
}
