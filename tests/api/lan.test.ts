import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApi } from '../../src-main/api/dispatch';
import { openLedger, type Ledger } from '../../src-main/ledger/open-ledger';
import type { MachineNames } from '../../src-main/server/lan-addresses';
import { networkHolder, startLanServer, type LanServer } from '../../src-main/server/lan-server';
import { createLanSwitch } from '../../src-main/server/lan-switch';
import { PinnedClient, pinnedRequest } from '../support/pinned-client';
import { TEST_TODAY, tempDbPath } from '../support/test-server';

// 127.0.0.2 stands in for the LAN address: a loopback alias, so no packet leaves this machine.
const ADDRESS = '127.0.0.2';
const machine: MachineNames = {
  hostname: 'billing-pc',
  interfaces: {
    lo: [{ address: '127.0.0.1', netmask: '255.0.0.0', family: 'IPv4', mac: '', internal: true, cidr: null }],
  },
};

async function lanServer(insecureHttp = false) {
  const ledger = openLedger(tempDbPath(), { backup: false });
  const network = networkHolder({ mode: 'lan', url: null, secure: false, fingerprint: null });
  let changes = 0;
  const api = createApi(ledger, {
    log: () => {},
    now: () => TEST_TODAY,
    network: { ...network, settingChanged: () => (changes += 1) },
  });
  const server = await startLanServer({
    api,
    ledgerFile: ledger.file,
    address: ADDRESS,
    port: 0,
    rendererDir: null,
    insecureHttp,
    machine,
  });
  network.set(server.status);
  return { ledger, server, changes: () => changes };
}

const setup = {
  companyName: 'Sharma Distributors',
  stateCode: '27',
  adminUsername: 'admin',
  adminName: 'Asha Admin',
  password: 'correct-horse',
};

describe('counters on the LAN, over HTTPS', () => {
  let ledger: Ledger;
  let server: LanServer;
  let changes: () => number;
  let cert: string;
  let admin: PinnedClient;
  const terminal = (agent: string) => new PinnedClient(server.url, cert, server.status.fingerprint!, agent);

  beforeAll(async () => {
    ({ ledger, server, changes } = await lanServer());
    cert = fs.readFileSync(path.join(`${ledger.file}.tls`, 'cert.pem'), 'utf8');
    admin = terminal('Billing desk');
    await admin.ok('setup.initialize', setup);
    await admin.ok('users.create', {
      username: 'ravi',
      displayName: 'Ravi',
      role: 'warehouse_clerk',
      password: 'password-123',
    });
  });
  afterAll(async () => {
    await server.close();
    ledger.close();
  });

  it('serves https on the address given, with the fingerprint of the certificate it made', async () => {
    expect(server.url).toMatch(/^https:\/\/127\.0\.0\.2:\d+$/);
    const status = await terminal('x').ok('lan.status', {});
    expect(status).toEqual({ mode: 'lan', url: server.url, secure: true, fingerprint: server.status.fingerprint });
  });

  it('a client that does not trust the certificate is refused, and plain HTTP gets no answer', async () => {
    await expect(fetch(`${server.url}/api/lan.status`, { method: 'POST' })).rejects.toThrow();
    const plain = await fetch(`${server.url.replace('https:', 'http:')}/api/lan.status`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    }).then(
      (res) => res.status,
      () => 'no answer',
    );
    expect(plain).not.toBe(200);
    // Loopback is not served at all: the server listens on the LAN address only.
    const port = new URL(server.url).port;
    await expect(fetch(`https://127.0.0.1:${port}/`)).rejects.toThrow();
  });

  it("answers the machine's own names, refuses another Host, and checks Origin with the https scheme", async () => {
    const port = new URL(server.url).port;
    const post = (headers: Record<string, string>) =>
      pinnedRequest(`${server.url}/api/lan.status`, cert, server.status.fingerprint!, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: '{}',
      }).then((r) => r.status);
    expect(await post({ host: `billing-pc:${port}` })).toBe(200);
    expect(await post({ host: `billing-pc.local:${port}` })).toBe(200);
    expect(await post({ host: `evil.example:${port}` })).toBe(403);
    expect(await post({ origin: `https://127.0.0.2:${port}` })).toBe(200);
    expect(await post({ origin: `https://billing-pc:${port}` })).toBe(200);
    expect(await post({ origin: `http://127.0.0.2:${port}` })).toBe(403);
    expect(await post({ origin: `https://evil.example:${port}` })).toBe(403);
  });

  it('every terminal signs in; the session cookie is Secure and a device cookie names the terminal', async () => {
    const counter = terminal('Counter PC');
    expect((await counter.call('customers.list', {})).status).toBe(401);
    const res = await pinnedRequest(`${server.url}/api/auth.login`, cert, server.status.fingerprint!, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'ravi', password: 'password-123' }),
    });
    const cookies = res.headers.getSetCookie();
    expect(cookies[0]).toMatch(/^stockist_session=[^;]+; HttpOnly; SameSite=Strict; Path=\/; Secure$/);
    expect(cookies[1]).toMatch(/^stockist_device=[A-Za-z0-9_-]{22}; HttpOnly; SameSite=Strict; .*Secure$/);
  });

  it('an admin sees the devices and sessions, and ending one sends that terminal to sign-in', async () => {
    const counter = terminal('Counter PC');
    await counter.ok('auth.login', { username: 'ravi', password: 'password-123' });
    const list = await admin.ok('devices.list', {});
    const ravi = list.sessions.find((s: any) => s.username === 'ravi' && s.userAgent === 'Counter PC');
    expect(ravi).toMatchObject({ userName: 'Ravi', address: '127.0.0.1', current: false });
    expect(ravi.signedInAt).toBe(TEST_TODAY.toISOString());
    expect(list.sessions.find((s: any) => s.username === 'admin')).toMatchObject({ current: true });
    expect(list.network).toMatchObject({ mode: 'lan', secure: true, fingerprint: server.status.fingerprint });

    // A clerk may not see or end sessions.
    expect((await counter.call('devices.list', {})).status).toBe(403);
    expect((await counter.call('devices.endSession', { id: list.sessions[0].id })).status).toBe(403);

    await admin.ok('devices.endSession', { id: ravi.id });
    const after = await counter.call('customers.list', {});
    expect(after.status).toBe(401);
    expect((await admin.call('devices.endSession', { id: ravi.id })).status).toBe(404);
  });

  it('ends every session of one device, and no other', async () => {
    const shared = terminal('Warehouse tablet');
    await shared.ok('auth.login', { username: 'ravi', password: 'password-123' });
    await shared.ok('auth.login', { username: 'admin', password: 'correct-horse' });
    const other = terminal('Counter PC');
    await other.ok('auth.login', { username: 'ravi', password: 'password-123' });
    const { sessions } = await admin.ok('devices.list', {});
    const tablet = sessions.find((s: any) => s.userAgent === 'Warehouse tablet').deviceId;
    expect(sessions.filter((s: any) => s.deviceId === tablet)).toHaveLength(2);
    expect(await admin.ok('devices.endDevice', { deviceId: tablet })).toEqual({ ended: 2 });
    expect((await shared.call('auth.me', {})).body).toBeNull();
    expect((await other.call('customers.list', {})).status).toBe(200);
    const audit = await admin.ok('audit.list', { entity: 'device' });
    expect(audit.rows[0]).toMatchObject({ action: 'end_device_sessions' });
  });

  it('an admin turns "Let other computers on this network use Stockist" on; the shell hears of it', async () => {
    expect((await admin.ok('devices.list', {})).lanEnabled).toBe(false);
    const before = changes();
    expect(await admin.ok('lan.setEnabled', { enabled: true })).toMatchObject({ lanEnabled: true });
    await new Promise((r) => setImmediate(r));
    expect(changes()).toBe(before + 1);
    expect((await admin.ok('devices.list', {})).lanEnabled).toBe(true);
    const clerk = terminal('Counter PC');
    await clerk.ok('auth.login', { username: 'ravi', password: 'password-123' });
    expect((await clerk.call('lan.setEnabled', { enabled: false })).status).toBe(403);
  });
});

describe('--insecure-http', () => {
  it('serves plain HTTP on the LAN address only when asked, and says so', async () => {
    const { ledger, server } = await lanServer(true);
    try {
      expect(server.url).toMatch(/^http:\/\/127\.0\.0\.2:\d+$/);
      expect(server.status).toMatchObject({ secure: false, fingerprint: null });
      expect(fs.existsSync(`${ledger.file}.tls`)).toBe(false);
      const status = await new Promise<number>((resolve, reject) => {
        const req = http.request(`${server.url}/api/lan.status`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
        });
        req.on('response', (res) => resolve(res.statusCode ?? 0)).on('error', reject);
        req.end('{}');
      });
      expect(status).toBe(200);
    } finally {
      await server.close();
      ledger.close();
    }
  });
});

describe('the desktop setting', () => {
  it('starts the LAN server when an admin turns it on and stops it when turned off', async () => {
    const ledger = openLedger(tempDbPath(), { backup: false });
    const lines: string[] = [];
    const lan = createLanSwitch({ ledger, rendererDir: null, port: 0, address: ADDRESS, log: (l) => lines.push(l) });
    const api = createApi(ledger, { log: () => {}, network: lan.network });
    lan.attach(api);
    try {
      await lan.apply();
      expect(lan.network.status().mode).toBe('desktop');
      const setupResult = await api.call('setup.initialize', setup);
      const token = setupResult.session!;
      await api.call('lan.setEnabled', { enabled: true }, token);
      await new Promise((r) => setImmediate(r));
      await lan.apply();
      const serving = lan.network.status();
      expect(serving).toMatchObject({ mode: 'lan', secure: true });
      expect(serving.url).toMatch(/^https:\/\/127\.0\.0\.2:\d+$/);
      expect(lines.join('\n')).toContain(`Certificate fingerprint (SHA-256): ${serving.fingerprint}`);
      const cert = fs.readFileSync(path.join(`${ledger.file}.tls`, 'cert.pem'), 'utf8');
      const terminal = new PinnedClient(serving.url!, cert, serving.fingerprint!);
      expect(await terminal.ok('lan.status', {})).toMatchObject({ mode: 'lan' });
      // No desktop auto-login over the LAN: the terminal must sign in.
      expect((await terminal.call('auth.me', {})).body).toBeNull();

      await api.call('lan.setEnabled', { enabled: false }, token);
      await new Promise((r) => setImmediate(r));
      await lan.apply();
      expect(lan.network.status().mode).toBe('desktop');
      await expect(terminal.raw('lan.status', {})).rejects.toThrow();
    } finally {
      await lan.stop();
      ledger.close();
    }
  });
});
