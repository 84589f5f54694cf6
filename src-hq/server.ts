import crypto from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { sendError, sendJson } from './http';
import { adminRoutes } from './routes/admin';
import * as device from './routes/device';
import { HqRefusal } from './store/devices';
import { BusyDevice } from './store/ingest';
import type { Sql } from './store/sql';

/** The reference HQ over plain node:http. It listens on loopback unless told otherwise: a brand exposing
 * it to distributors puts it behind a TLS-terminating proxy, because devices only speak HTTPS off loopback. */

export interface HqOptions {
  sql: Sql;
  adminToken: string;
  host?: string;
  port?: number;
}
export interface RunningHq {
  url: string;
  server: http.Server;
  close(): Promise<void>;
}

const deviceRoutes: Record<string, (sql: Sql, req: http.IncomingMessage) => Promise<unknown>> = {
  'POST /sync/v1/enrol': device.enrol,
  'POST /sync/v1/push': device.push,
  'POST /sync/v1/pull': device.pull,
  'POST /sync/v1/control-totals': device.controlTotals,
};

function isAdmin(req: http.IncomingMessage, token: string): boolean {
  const given = Buffer.from(/^Bearer (\S+)$/.exec(req.headers.authorization ?? '')?.[1] ?? '');
  const wanted = Buffer.from(token);
  return given.length === wanted.length && crypto.timingSafeEqual(given, wanted);
}

export function hqHandler({ sql, adminToken }: HqOptions): http.RequestListener {
  if (adminToken.length < 16) throw new Error('The admin token must be at least 16 characters');
  return async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://hq');
    const route = `${req.method} ${url.pathname}`;
    try {
      if (route === 'GET /health') return sendJson(res, 200, { ok: true, engine: sql.engine });
      const forDevice = deviceRoutes[route];
      if (forDevice) return sendJson(res, 200, await forDevice(sql, req));
      const forAdmin = adminRoutes[route];
      if (forAdmin) {
        if (!isAdmin(req, adminToken))
          throw new HqRefusal('unauthorized', 'Admin endpoints need Authorization: Bearer <admin token>');
        return sendJson(res, 200, await forAdmin(sql, req, url.searchParams));
      }
      throw new HqRefusal('not_found', `No endpoint ${route}`);
    } catch (error) {
      if (error instanceof BusyDevice)
        return sendJson(res, 503, { error: { code: 'internal', message: error.message } });
      sendError(res, error);
    }
  };
}

export async function startHq(options: HqOptions): Promise<RunningHq> {
  const server = http.createServer(hqHandler(options));
  server.requestTimeout = 60_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', resolve);
  });
  const { address, port } = server.address() as AddressInfo;
  const host = address.includes(':') ? `[${address}]` : address;
  return {
    url: `http://${host}:${port}`,
    server,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
