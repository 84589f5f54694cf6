import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/test-server';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
  await server.admin();
});
afterAll(() => server.close());

const post = (path: string, init: { headers?: Record<string, string>; body?: string } = {}) =>
  fetch(`${server.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...init.headers },
    body: init.body ?? '{}',
  });

describe('browser mode transport', () => {
  it('refuses a request whose Host is not loopback (DNS rebinding)', async () => {
    const port = new URL(server.url).port;
    const http = await import('node:http');
    const status = await new Promise<number>((resolve) => {
      const req = http.request(
        {
          host: '127.0.0.1',
          port,
          path: '/api/setup.status',
          method: 'POST',
          headers: { host: `evil.example:${port}`, 'content-type': 'application/json' },
        },
        (res) => resolve(res.statusCode!),
      );
      req.end('{}');
    });
    expect(status).toBe(403);
  });

  it('refuses calls from another site', async () => {
    const res = await post('/api/setup.status', { headers: { origin: 'http://evil.example' } });
    expect(res.status).toBe(403);
  });

  it('requires a JSON body, so a plain HTML form elsewhere cannot post', async () => {
    const res = await post('/api/auth.login', {
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'username=admin',
    });
    expect(res.status).toBe(415);
  });

  it('signs in with an HttpOnly cookie and never puts the token in the body', async () => {
    const res = await post('/api/auth.login', {
      body: JSON.stringify({ username: 'admin', password: 'correct-horse' }),
    });
    expect(res.status).toBe(200);
    const cookie = res.headers.get('set-cookie')!;
    expect(cookie).toMatch(/^stockist_session=[^;]+; HttpOnly; SameSite=Strict/);
    const body = (await res.json()) as { user: unknown };
    expect(body).not.toHaveProperty('token');
    expect(body.user).toMatchObject({ username: 'admin', role: 'admin' });
    const me = await post('/api/auth.me', { headers: { cookie: cookie.split(';')[0]! } });
    expect(((await me.json()) as { username: string }).username).toBe('admin');
  });

  it('ends the session on logout so the cookie no longer works', async () => {
    const client = server.client();
    await client.ok('auth.login', { username: 'admin', password: 'correct-horse' });
    expect((await client.call('customers.list', {})).status).toBe(200);
    await client.ok('auth.logout', {});
    expect((await client.call('customers.list', {})).status).toBe(401);
  });

  it('gives one message for a wrong password and an unknown user', async () => {
    const wrong = await server.client().call('auth.login', { username: 'admin', password: 'wrong-password' });
    const unknown = await server.client().call('auth.login', { username: 'nobody', password: 'wrong-password' });
    expect(wrong.status).toBe(401);
    expect(wrong.body.error).toEqual({
      code: 'unauthenticated',
      message: 'Username or password is incorrect',
      field: 'password',
    });
    expect(unknown.body.error.message).toBe(wrong.body.error.message);
  });

  it('locks out a deactivated user at once, even with a live session', async () => {
    const admin = await server.admin();
    const clerk = await server.as('sales_clerk');
    const me = (await clerk.ok('auth.me', {})) as { id: number; displayName: string };
    await admin.ok('users.update', { id: me.id, displayName: me.displayName, role: 'sales_clerk', active: false });
    expect((await clerk.call('customers.list', {})).status).toBe(401);
  });

  it('never lets the last administrator be demoted', async () => {
    const admin = await server.admin();
    const me = (await admin.ok('auth.me', {})) as { id: number };
    const result = await admin.call('users.update', { id: me.id, displayName: 'Asha', role: 'manager', active: true });
    expect(result.status).toBe(409);
    expect(result.body.error.field).toBe('role');
  });

  it('stores passwords only as scrypt hashes', () => {
    const rows = server.ledger.sqlite.prepare('SELECT password_hash AS h FROM users').all() as { h: string }[];
    for (const { h } of rows) {
      expect(h).toMatch(/^scrypt\$32768\$8\$1\$/);
      expect(h).not.toContain('correct-horse');
    }
  });

  it('answers a second setup with 409: first run happens once', async () => {
    const result = await server.client().call('setup.initialize', {
      companyName: 'Hijack',
      stateCode: '27',
      adminUsername: 'mallory',
      adminName: 'M',
      password: 'password-123',
    });
    expect(result.status).toBe(409);
  });
});
