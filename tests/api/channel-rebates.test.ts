import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { snapshot, startTestServer, type TestClient, type TestServer } from '../support/test-server';
import { retailer } from '../support/fixtures';

let server: TestServer;
let admin: TestClient;
let customerId: number;

const agreement = (changes: object = {}) => ({
  code: 'RB-1',
  name: 'Quarter rebate',
  customerId,
  periodFrom: '2026-10-01',
  periodTo: '2026-12-31',
  basis: 'value' as const,
  rateKind: 'bps' as const,
  method: 'retroactive' as const,
  tiers: [
    { threshold: 1_00_000_00, rate: 100 },
    { threshold: 2_00_000_00, rate: 200 },
  ],
  ...changes,
});

beforeAll(async () => {
  server = await startTestServer();
  admin = await server.admin();
  customerId = (await admin.ok('customers.create', retailer({ gstin: '' }))).id;
});
afterAll(() => server.close());

describe('rebate agreements over the API', () => {
  it('saves an agreement with its tiers, lists it, and fixes nothing until something accrues', async () => {
    const saved = await admin.ok('rebates.save', agreement());
    expect(saved).toMatchObject({
      code: 'RB-1',
      status: 'active',
      accrued: 0,
      settled: 0,
      customerName: 'Sharma Traders',
    });
    expect(saved.tiers).toEqual([
      { threshold: 1_00_000_00, rate: 100 },
      { threshold: 2_00_000_00, rate: 200 },
    ]);
    const changed = await admin.ok(
      'rebates.save',
      agreement({ id: saved.id, version: saved.version, name: 'Q3 rebate' }),
    );
    expect(changed).toMatchObject({ id: saved.id, name: 'Q3 rebate', version: saved.version + 1 });
    expect((await admin.ok('rebates.list', {})).map((a: { code: string }) => a.code)).toEqual(['RB-1']);
  });

  it('names the field of bad terms and writes nothing', async () => {
    const before = snapshot(server.ledger);
    const unordered = await admin.call(
      'rebates.save',
      agreement({
        code: 'RB-2',
        tiers: [
          { threshold: 5, rate: 100 },
          { threshold: 5, rate: 200 },
        ],
      }),
    );
    expect(unordered.status).toBe(400);
    expect(unordered.body.error).toMatchObject({ field: 'tiers.1.threshold' });
    const noParty = await admin.call('rebates.save', agreement({ code: 'RB-3', customerId: null }));
    expect(noParty.body.error.issues).toEqual([expect.objectContaining({ field: 'customerId' })]);
    const twice = await admin.call('rebates.save', agreement());
    expect(twice.body.error).toMatchObject({ code: 'conflict', field: 'code' });
    const early = await admin.call('rebates.settle', { id: 1 });
    expect(early.body.error.message).toMatch(/runs to 2026-12-31; settle it from the day after/);
    expect(snapshot(server.ledger)).toBe(before);
  });

  it('lets only those who set prices write agreements, and exports the reports as CSV and XLSX', async () => {
    const clerk = await server.as('warehouse_clerk');
    expect((await clerk.call('rebates.save', agreement({ code: 'RB-9' }))).status).toBe(403);
    expect((await clerk.call('rebates.report', { report: 'liabilities' })).status).toBe(403);
    const csv = await admin.ok('rebates.export', { report: 'accrued_vs_settled', format: 'csv' });
    expect(Buffer.from(csv.base64, 'base64').toString('utf8')).toMatch(/^Agreement,Name,Customer,From,To,Achieved/);
    const xlsx = await admin.ok('rebates.export', { report: 'liabilities', groupBy: 'brand', format: 'xlsx' });
    expect(xlsx.filename).toMatch(/^liabilities-\d{4}-\d{2}-\d{2}\.xlsx$/);
    expect(Buffer.from(xlsx.base64, 'base64').subarray(0, 2).toString()).toBe('PK');
  });
});
