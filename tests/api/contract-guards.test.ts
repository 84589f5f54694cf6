import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contract, type OperationName } from '../../src-shared/contract';
import { roles, roleCan, type Permission, type Role } from '../../src-shared/permissions';
import { snapshot, startTestServer, type TestClient, type TestServer } from '../support/test-server';

let server: TestServer;
const clients = new Map<Role, TestClient>();

beforeAll(async () => {
  server = await startTestServer();
  await server.admin();
  for (const role of roles.filter((r) => r !== 'admin')) clients.set(role, await server.as(role));
});
afterAll(() => server.close());

const writes = (Object.keys(contract) as OperationName[]).filter((name) => contract[name].kind === 'write');
const guarded = writes.filter((name) => !['public', 'signed-in'].includes(contract[name].access));

describe('every write operation in the contract', () => {
  it('has at least the masters to guard', () => {
    expect(guarded).toEqual(
      expect.arrayContaining([
        'customers.create',
        'products.import',
        'warehouses.update',
        'company.update',
        'users.create',
      ]),
    );
  });

  it.each(guarded)('%s answers 401 without a session and writes nothing', async (name) => {
    const before = snapshot(server.ledger);
    const result = await server.client().raw(name, {});
    expect(result.status).toBe(401);
    expect(result.body.error.code).toBe('unauthenticated');
    expect(snapshot(server.ledger)).toBe(before);
  });

  it.each(guarded)('%s answers 403 to every role without its permission and writes nothing', async (name) => {
    const permission = contract[name].access as Permission;
    const denied = roles.filter((role) => !roleCan(role, permission));
    expect(denied.length).toBeGreaterThan(0);
    for (const role of denied) {
      const before = snapshot(server.ledger);
      const result = await clients.get(role)!.raw(name, {});
      expect(result.status, `${role} calling ${name}`).toBe(403);
      expect(result.body.error.code).toBe('forbidden');
      expect(snapshot(server.ledger)).toBe(before);
    }
  });
});

describe('unknown operations and malformed bodies', () => {
  it('answers 404 for an operation that does not exist', async () => {
    const result = await (await server.admin()).raw('customers.delete', { id: 1 });
    expect(result.status).toBe(404);
    expect(result.body.error).toMatchObject({ code: 'unknown_operation' });
  });

  it('answers 400 for a body that is not JSON, without a stack trace', async () => {
    // A public operation: one that needs a session answers 401 before reading the body at all.
    const res = await fetch(`${server.url}/api/auth.login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"username":',
    });
    const body = (await res.json()) as { error: { code: string } };
    expect(res.status).toBe(400);
    expect(body.error.code).toBe('invalid_input');
    expect(JSON.stringify(body)).not.toMatch(/at .*\.ts/);
  });
});
