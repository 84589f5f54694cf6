import https from 'node:https';
import tls from 'node:tls';
import { TestClient } from './test-server';

/**
 * A terminal that trusts exactly one certificate: the LAN server's own, read from its folder, and
 * checks the fingerprint too. No `rejectUnauthorized: false` anywhere.
 */
export class PinnedClient extends TestClient {
  constructor(
    url: string,
    private readonly cert: string,
    private readonly fingerprint: string,
    private readonly userAgent = 'PinnedClient',
  ) {
    super(url);
  }

  protected override send(url: string, init: { method: string; headers: Record<string, string>; body: string }) {
    return pinnedRequest(url, this.cert, this.fingerprint, {
      ...init,
      headers: { 'user-agent': this.userAgent, ...init.headers },
    });
  }
}

export function pinnedRequest(
  url: string,
  cert: string,
  fingerprint: string,
  init: { method: string; headers: Record<string, string>; body?: string },
): Promise<Response> {
  return new Promise((resolve, reject) => {
    const req = https.request(
      url,
      {
        method: init.method,
        headers: init.headers,
        ca: cert,
        // The name connected to, as a browser checks it (not a Host header a test forges).
        checkServerIdentity: (_host, peer) => {
          const problem = tls.checkServerIdentity(new URL(url).hostname, peer);
          if (problem) return problem;
          if (peer.fingerprint256 !== fingerprint) return new Error(`Fingerprint ${peer.fingerprint256} is not pinned`);
          return undefined;
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const headers = new Headers();
          for (const [k, v] of Object.entries(res.headers))
            for (const one of Array.isArray(v) ? v : v === undefined ? [] : [v]) headers.append(k, one);
          resolve(new Response(Buffer.concat(chunks), { status: res.statusCode ?? 0, headers }));
        });
      },
    );
    req.on('error', reject);
    req.end(init.body);
  });
}
