import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** A proxy in front of an HQ that misbehaves on purpose, the way networks and servers do:
 * - error500: answers 500 without passing the request on;
 * - slow: passes it on only after delayMs (the client times out; HQ may still commit later);
 * - dropAfterCommit: passes it on, lets HQ commit, then cuts the connection before the answer;
 * - duplicate: delivers the request to HQ twice and answers with the second answer. */

export type Fault = 'none' | 'error500' | 'slow' | 'dropAfterCommit' | 'duplicate';

export interface FaultyProxy {
  url: string;
  counts: Record<Fault, number>;
  close(): Promise<void>;
}

export async function startFaultyProxy(
  upstream: string,
  choose: (n: number) => Fault,
  delayMs = 300,
): Promise<FaultyProxy> {
  const counts: Record<Fault, number> = { none: 0, error500: 0, slow: 0, dropAfterCommit: 0, duplicate: 0 };
  let n = 0;
  const forward = async (req: http.IncomingMessage, body: Buffer) => {
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(req.headers))
      if (typeof v === 'string' && k !== 'host' && k !== 'content-length') headers[k] = v;
    const res = await fetch(`${upstream}${req.url}`, {
      method: req.method,
      headers,
      body: req.method === 'GET' ? undefined : body,
    });
    return { status: res.status, text: await res.text() };
  };
  const server = http.createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const body = Buffer.concat(chunks);
    const fault = choose(n++);
    counts[fault]++;
    try {
      if (fault === 'error500') {
        res
          .writeHead(500, { 'content-type': 'application/json' })
          .end('{"error":{"code":"internal","message":"injected"}}');
        return;
      }
      if (fault === 'slow') await new Promise((r) => setTimeout(r, delayMs));
      if (fault === 'duplicate') await forward(req, body);
      const answer = await forward(req, body);
      if (fault === 'dropAfterCommit') {
        req.socket.destroy();
        return;
      }
      if (!res.destroyed) res.writeHead(answer.status, { 'content-type': 'application/json' }).end(answer.text);
    } catch {
      req.socket.destroy();
    }
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    counts,
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}
