import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import type { Api } from '../api/dispatch';
import { staticFile } from './static-files';
import { allowedHosts as hostsFor, type MachineNames } from './lan-addresses';

const COOKIE = 'stockist_session';
/** A terminal's own id, kept for years, so an admin can see and end everything signed in from one PC. */
const DEVICE_COOKIE = 'stockist_device';
/** Bodies: 1 MB for any call; imports carry a whole CSV (up to 20 MB of text, JSON-escaped), a claim's evidence a
 * photo or PDF (up to 5 MB, base64). */
const MAX_BODY = 1024 * 1024;
const MAX_IMPORT_BODY = 25 * 1024 * 1024;
const bodyLimit = (name: string) =>
  /\.import/.test(name) || name === 'claims.attachEvidence' ? MAX_IMPORT_BODY : MAX_BODY;

/**
 * Slow or idle connections and too many of them cannot tie the server up: a client has 10 s to
 * send its headers and 60 s for the whole request (a 25 MB import on a slow LAN), an idle
 * keep-alive connection closes after 5 s, and at most 200 connections are open at once
 * (a browser opens about 6 per terminal).
 */
export const SERVER_LIMITS = {
  headersTimeoutMs: 10_000,
  requestTimeoutMs: 60_000,
  keepAliveTimeoutMs: 5_000,
  maxConnections: 200,
};
export const CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; object-src 'self' blob:; frame-src 'self' blob:; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

export interface ServerOptions {
  api: Api;
  port: number;
  /** The built renderer (out/renderer); null serves the API only. */
  rendererDir: string | null;
  /** Tests shorten these to watch them work. */
  limits?: Partial<typeof SERVER_LIMITS>;
  /** The address to bind: 127.0.0.1 unless serving the LAN. */
  host?: string;
  /** Serve HTTPS with this key and certificate (LAN mode); null or absent: plain HTTP. */
  tls?: { key: string; cert: string } | null;
  /**
   * LAN mode: the machine whose names and addresses the Host allow-list accepts besides the bound
   * address. Absent: loopback mode, 127.0.0.1 and localhost only.
   */
  machine?: MachineNames | null;
}

function send(
  res: http.ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string | string[]> = {},
  /** the body already as JSON (a read worker's answer), written without parsing it */
  json?: Uint8Array,
): void {
  const text = json ?? JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    ...headers,
  });
  res.end(text);
}

function errorBody(code: string, message: string) {
  return { error: { code, message } };
}

function cookieValue(req: http.IncomingMessage, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) {
      try {
        return decodeURIComponent(v.join('='));
      } catch {
        return undefined;
      }
    }
  }
  return undefined;
}

function tokenFrom(req: http.IncomingMessage): string | undefined {
  const auth = req.headers.authorization;
  if (auth?.startsWith('Bearer ')) return auth.slice(7).trim();
  return cookieValue(req, COOKIE);
}

/** The device id the browser sent, if it is one we could have made (22 base64url characters). */
function deviceFrom(req: http.IncomingMessage): string | undefined {
  const id = cookieValue(req, DEVICE_COOKIE);
  return id && /^[A-Za-z0-9_-]{22}$/.test(id) ? id : undefined;
}

/** The Idempotency-Key header is a structured-field string ("…"); a bare token is accepted too. */
function idempotencyKeyFrom(req: http.IncomingMessage): string | undefined {
  const raw = req.headers['idempotency-key'];
  if (typeof raw !== 'string') return undefined;
  const value = raw.trim();
  return value.length >= 2 && value.startsWith('"') && value.endsWith('"') ? value.slice(1, -1) : value;
}

class TooLarge extends Error {}

/** Counts while streaming too: a missing or lying Content-Length does not get past the limit. */
function readBody(req: http.IncomingMessage, limit: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        chunks.length = 0;
        req.pause();
        reject(new TooLarge());
      } else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** Answers and closes the connection, so a body nobody will read is neither buffered nor drained. */
function refuseUnread(req: http.IncomingMessage, res: http.ServerResponse, status: number, body: unknown): void {
  send(res, status, body, { connection: 'close' });
  res.on('finish', () => req.destroy());
}

/**
 * Browser mode: the same API as the desktop app, on loopback, or on the LAN over HTTPS. The Host
 * check stops DNS rebinding; requiring JSON and a matching Origin stops other sites posting to it.
 */
export function startHttpServer(
  options: ServerOptions,
): Promise<{ server: http.Server; url: string; close(): Promise<void> }> {
  let allowedHosts = new Set<string>();
  const limits = { ...SERVER_LIMITS, ...options.limits };
  const scheme = options.tls ? 'https' : 'http';
  const bound = options.host ?? '127.0.0.1';
  const serverOptions = {
    headersTimeout: limits.headersTimeoutMs,
    requestTimeout: limits.requestTimeoutMs,
    keepAliveTimeout: limits.keepAliveTimeoutMs,
    // How often Node looks for connections past those timeouts (default 30 s).
    connectionsCheckingInterval: Math.min(1000, limits.headersTimeoutMs),
  };
  const handler = (req: http.IncomingMessage, res: http.ServerResponse) => void answer(req, res);
  const server: http.Server = options.tls
    ? https.createServer(
        { ...serverOptions, key: options.tls.key, cert: options.tls.cert, minVersion: 'TLSv1.2' },
        handler,
      )
    : http.createServer(serverOptions, handler);
  server.maxConnections = limits.maxConnections;
  // Over HTTPS the session cookie never travels in the clear.
  const secure = options.tls ? '; Secure' : '';

  async function answer(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    try {
      if (!allowedHosts.has((req.headers.host ?? '').toLowerCase())) {
        send(res, 403, errorBody('forbidden', 'Stockist answers only on its own names and addresses'));
        return;
      }
      let url: URL;
      try {
        url = new URL(req.url ?? '/', `http://${req.headers.host}`);
        decodeURIComponent(url.pathname);
      } catch {
        send(res, 400, errorBody('invalid_input', 'That address is not a valid URL'));
        return;
      }
      if (url.pathname.startsWith('/api/')) {
        await handleApi(req, res, url.pathname.slice(5));
        return;
      }
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        send(res, 405, errorBody('invalid_input', 'Only GET here'));
        return;
      }
      const found = options.rendererDir ? staticFile(options.rendererDir, url.pathname) : null;
      if (!found) {
        send(res, 404, errorBody('not_found', 'No such page'));
        return;
      }
      res.writeHead(200, {
        'content-type': found.type,
        'x-content-type-options': 'nosniff',
        'referrer-policy': 'no-referrer',
        ...(found.type.startsWith('text/html')
          ? {
              'content-security-policy': CONTENT_SECURITY_POLICY,
              'x-frame-options': 'DENY',
              'cache-control': 'no-cache',
            }
          : {}),
      });
      if (req.method === 'HEAD') res.end();
      else fs.createReadStream(found.file).pipe(res);
    } catch (error) {
      console.error('[stockist] request failed', error);
      if (!res.headersSent) send(res, 500, errorBody('internal', 'Something went wrong inside Stockist'));
      else res.end();
    }
  }

  async function handleApi(req: http.IncomingMessage, res: http.ServerResponse, name: string): Promise<void> {
    if (req.method !== 'POST') {
      send(res, 405, errorBody('invalid_input', 'API calls are POST with a JSON body'), { allow: 'POST' });
      return;
    }
    const origin = req.headers.origin;
    if (origin && !sameSite(origin)) {
      send(res, 403, errorBody('forbidden', 'Calls from other sites are refused'));
      return;
    }
    if (!(req.headers['content-type'] ?? '').startsWith('application/json')) {
      send(res, 415, errorBody('invalid_input', 'Send the input as application/json'));
      return;
    }
    // Refuse before reading a byte of the body: no session, no permission, or a declared size
    // over the limit. The connection is closed so the unread body is not drained.
    const token = tokenFrom(req);
    const refused = options.api.admission(name, token);
    if (refused) {
      refuseUnread(req, res, refused.status, refused.body);
      return;
    }
    const limit = bodyLimit(name);
    const tooLarge = errorBody('too_large', `The request is larger than this call accepts (${limit / 1024 / 1024} MB)`);
    if (Number(req.headers['content-length'] ?? 0) > limit) {
      refuseUnread(req, res, 413, tooLarge);
      return;
    }
    let input: unknown;
    try {
      const text = await readBody(req, limit);
      input = text.trim() === '' ? {} : JSON.parse(text);
    } catch (error) {
      if (error instanceof TooLarge) refuseUnread(req, res, 413, tooLarge);
      else
        send(res, 400, {
          error: { code: 'invalid_input', message: 'The request body is not valid JSON', field: '' },
        });
      return;
    }
    const knownDevice = deviceFrom(req);
    const deviceId = knownDevice ?? crypto.randomBytes(16).toString('base64url');
    const result = await options.api.call(name, input, token, {
      idempotencyKey: idempotencyKeyFrom(req),
      remoteAddress: req.socket.remoteAddress ?? 'unknown',
      userAgent: String(req.headers['user-agent'] ?? '').slice(0, 300),
      deviceId,
    });
    const headers: Record<string, string | string[]> = { ...result.headers };
    const cookies: string[] = [];
    if (result.replayed) headers['idempotent-replayed'] = 'true';
    if (result.session)
      cookies.push(`${COOKIE}=${encodeURIComponent(result.session)}; HttpOnly; SameSite=Strict; Path=/${secure}`);
    if (result.session === null) cookies.push(`${COOKIE}=; HttpOnly; SameSite=Strict; Path=/; Max-Age=0${secure}`);
    if (result.session && !knownDevice)
      cookies.push(`${DEVICE_COOKIE}=${deviceId}; HttpOnly; SameSite=Strict; Path=/; Max-Age=157680000${secure}`);
    if (cookies.length > 0) headers['set-cookie'] = cookies;
    send(res, result.status, result.json ? null : result.body, headers, result.json);
  }

  /** An Origin is ours when its scheme is the one served and its host:port is on the allow-list. */
  function sameSite(origin: string): boolean {
    try {
      const url = new URL(origin);
      const port = url.port || (url.protocol === 'https:' ? '443' : '80');
      return url.protocol === `${scheme}:` && allowedHosts.has(`${url.hostname}:${port}`);
    } catch {
      return false;
    }
  }

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, bound, () => {
      const port = (server.address() as AddressInfo).port;
      allowedHosts = hostsFor(port, bound, options.machine ?? null);
      resolve({
        server,
        url: `${scheme}://${bound.includes(':') ? `[${bound}]` : bound}:${port}`,
        close: () => new Promise<void>((done) => server.close(() => done())),
      });
    });
  });
}
