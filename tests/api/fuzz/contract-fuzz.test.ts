import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { z } from 'zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contract, type OperationName } from '../../../src-shared/contract';
import { invalidish, validish, type JsonSchema, type Overrides } from '../../support/schema-arbitrary';
import { startTestServer, type TestClient, type TestServer } from '../../support/test-server';
import { buildWorld } from '../../support/world';

/**
 * Every operation of the contract, fed inputs derived from its own zod schema: shaped right and
 * broken on purpose. Whatever arrives, the answer is never a 5xx, the server keeps answering and
 * the ledger stays sound. FUZZ_SEED=<n> replays a run; FUZZ_RUNS=<n> changes how many per operation.
 */
const seed = Number(process.env.FUZZ_SEED ?? Date.now() % 2 ** 31);
const runs = Number(process.env.FUZZ_RUNS ?? 20);
const names = Object.keys(contract) as OperationName[];

let server: TestServer;
let admin: TestClient;
let clerk: TestClient;
let adminId: number;

/** Fields that reach outside the ledger get safe values: no folder written outside the test's, no network beyond loopback. */
function overrides(): Overrides {
  const scratch = path.join(path.dirname(server.ledger.file), 'fuzz');
  return {
    folder: fc.constantFrom('', scratch, 'relative/folder', path.join(scratch, '..', 'fuzz2')),
    path: fc.constantFrom('', '/', server.ledger.file, path.join(os.tmpdir(), 'no-such-backup.db'), scratch),
    hqAddress: fc.constantFrom('', 'https://127.0.0.1:9', 'http://127.0.0.1:9', 'not an address', 'ftp://x'),
  };
}

/** Calls that would take the admin's own session or account away from the rest of the run. */
function spares(name: OperationName, input: unknown): boolean {
  const id = (input as { id?: unknown } | null)?.id;
  if (name === 'users.update' && id === adminId) return false;
  return !['auth.logout', 'backups.restore'].includes(name) || typeof input !== 'object';
}

const inputSchema = (name: OperationName) =>
  z.toJSONSchema(contract[name].input as z.ZodType, { io: 'input', unrepresentable: 'any' }) as JsonSchema;

beforeAll(async () => {
  server = await startTestServer();
  admin = await server.admin();
  await buildWorld(admin);
  clerk = await server.as('warehouse_clerk');
  adminId = (server.ledger.sqlite.prepare("SELECT id FROM users WHERE username = 'admin'").get() as { id: number }).id;
  console.log(`contract fuzz: seed ${seed}, ${runs} runs per operation (FUZZ_SEED=${seed} replays it)`);
}, 60_000);
afterAll(() => server.close());

describe('every operation of the contract, fuzzed from its input schema', () => {
  it('keeps the findings fixed: impossible dates, amounts past the ceiling, a missing customer', async () => {
    const day = await admin.raw('sync.closingStock', { businessDate: '0000-00-00' });
    expect(day.status).toBe(400);
    expect(day.body.error.field).toBe('businessDate');
    const huge = {
      customerId: 1,
      warehouseId: 1,
      lines: [{ productId: 1, quantity: 1, priceOverride: 84745762711865 }],
    };
    const order = await admin.raw('orders.place', huge);
    expect(order.status).toBe(400);
    expect(order.body.error.field).toBe('lines.0.quantity');
    const statement = await admin.raw('documents.statement', { customerId: 999, from: '2026-11-01', to: '2026-11-30' });
    expect(statement.status).toBe(404);
  });

  it.each(names)('%s never answers 5xx', async (name) => {
    const schema = inputSchema(name);
    const safe = overrides();
    const input = fc.oneof(validish(schema, safe), invalidish(schema, safe), fc.jsonValue({ maxDepth: 3 }));
    const caller = fc.constantFrom<'admin' | 'clerk'>('admin', 'admin', 'admin', 'clerk');
    await fc.assert(
      fc.asyncProperty(input, caller, async (value, who) => {
        fc.pre(spares(name, value));
        const result = await (who === 'admin' ? admin : clerk).raw(name, value);
        if (result.status >= 500)
          throw new Error(
            `${name} answered ${result.status}: ${JSON.stringify(result.body)} to ${JSON.stringify(value).slice(0, 500)}`,
          );
        if (result.status >= 400) expect(result.body.error?.code, JSON.stringify(result.body)).toBeTypeOf('string');
      }),
      { seed: seed + names.indexOf(name), numRuns: name.startsWith('backups.') ? 4 : runs },
    );
  });

  it('leaves a server that still answers, and a sound ledger', async () => {
    expect((await admin.raw('auth.me', {})).status).toBe(200);
    expect(server.ledger.sqlite.pragma('integrity_check')).toEqual([{ integrity_check: 'ok' }]);
    expect(server.ledger.sqlite.pragma('foreign_key_check')).toEqual([]);
  });
});
