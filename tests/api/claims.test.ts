import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { snapshot, startTestServer, type TestClient, type TestServer } from '../support/test-server';
import { buildWorld, type World } from '../support/world';

/** Claims on the brand over the contract: a scheme claim built from a counter sale, who may do what, evidence. */
let server: TestServer;
let admin: TestClient;
let world: World;
let brandId: number;

beforeAll(async () => {
  server = await startTestServer();
  admin = await server.admin();
  world = await buildWorld(admin);
  brandId = (await admin.ok('suppliers.create', { code: 'SUN', name: 'Sunrise Foods', stateCode: '27' })).id;
  // Buy 10 glucose, get 1 free: the brand funds the free packet.
  await admin.ok('schemes.create', {
    code: 'G10',
    name: 'Glucose 10+1',
    rule: {
      kind: 'free_goods',
      buyProductId: world.glucose,
      buyQuantity: 10,
      getProductId: world.glucose,
      getQuantity: 1,
      repeat: true,
    },
    fundedBySupplierId: brandId,
  });
  await admin.ok('counter.sale', {
    warehouseId: world.warehouseId,
    lines: [{ productId: world.glucose, quantity: 10 }],
    payment: { mode: 'cash', tendered: 200_00 },
  });
  // An expired batch bought from the brand, still on the shelf.
  await admin.ok('purchaseInvoices.post', {
    ...{ supplierId: brandId, supplierInvoiceNo: 'SUN-1', invoiceDate: '2026-10-01', warehouseId: world.warehouseId },
    lines: [{ productId: world.cream, batchNo: 'OLD', expiresOn: '2026-11-25', quantity: 6, rate: 15_00 }],
  });
});
afterAll(() => server.close());

const schemeSource = { kind: 'scheme' as const, supplierId: 0, from: '2026-11-01', to: '2026-11-30' };

describe('claims on the brand over the API', () => {
  it('builds a scheme claim from the free goods given, files it, and takes the brand’s answer', async () => {
    const source = { ...schemeSource, supplierId: brandId };
    const proposal = await admin.ok('claims.propose', { source });
    expect(proposal.lines).toEqual([
      expect.objectContaining({ sourceKind: 'invoice_line_scheme', quantity: 1, amount: 10_00 }),
    ]);
    const draft = await admin.ok('claims.draft', { source, keep: proposal.lines, notes: 'November' });
    expect(draft).toMatchObject({ kind: 'scheme', status: 'draft', amount: 10_00, periodFrom: '2026-11-01' });
    const again = await admin.call('claims.draft', { source, keep: proposal.lines, notes: '' });
    expect(again.status).toBe(400);
    expect(again.body.error.field).toBe('keep.0');

    const filed = await admin.ok('claims.file', { id: draft.id, version: draft.version });
    expect(filed.number).toBe('CLM/26-27/000001');
    const stale = await admin.call('claims.answer', { id: filed.id, version: draft.version, outcome: 'accepted' });
    expect(stale.status).toBe(409);
    const accepted = await admin.ok('claims.answer', { id: filed.id, version: filed.version, outcome: 'accepted' });
    expect(accepted).toMatchObject({ status: 'accepted', acceptedAmount: 10_00 });

    const csv = await admin.ok('claims.export', { format: 'csv' });
    expect(Buffer.from(csv.base64, 'base64').toString('utf8')).toContain('CLM/26-27/000001');
    const xlsx = await admin.ok('claims.export', { format: 'xlsx' });
    expect(Buffer.from(xlsx.base64, 'base64').subarray(0, 2).toString('latin1')).toBe('PK');
  });

  it('proposes expired batches bought from the brand at the rate it billed', async () => {
    const proposal = await admin.ok('claims.propose', {
      source: { kind: 'expiry', supplierId: brandId, asOf: '2026-11-30' },
    });
    expect(proposal.lines).toEqual([
      expect.objectContaining({ sourceKind: 'expired_batch', quantity: 6, amount: 90_00 }),
    ]);
  });

  it('lets only purchasing read claims and only payables settle them; bad input writes nothing', async () => {
    const clerk = await server.as('sales_clerk');
    expect((await clerk.call('claims.list', {})).status).toBe(403);
    const [claim] = await admin.ok('claims.list', { status: 'accepted' });
    const before = snapshot(server.ledger);
    const zero = await admin.call('claims.settle', {
      ...{ id: claim.id, version: claim.version, creditNoteNumber: 'CN-1', amount: 0 },
    });
    expect(zero.status).toBe(400);
    expect(zero.body.error.field).toBe('amount');
    expect(snapshot(server.ledger)).toBe(before);
  });

  it('takes a photo over HTTP, gives it back, and refuses a file that is not a photo or PDF', async () => {
    const [claim] = await admin.ok('claims.list', {});
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(2_000_000)]);
    const kept = await admin.ok('claims.attachEvidence', {
      ...{ claimId: claim.id, filename: 'shelf.png', base64: png.toString('base64') },
    });
    expect(kept).toMatchObject({ mime: 'image/png', size: png.length });
    const back = await admin.ok('claims.evidenceFile', { id: kept.id });
    expect(back.base64).toBe(png.toString('base64'));
    const text = await admin.call('claims.attachEvidence', {
      ...{ claimId: claim.id, filename: 'notes.txt', base64: Buffer.from('hello').toString('base64') },
    });
    expect(text.status).toBe(400);
    expect(text.body.error).toMatchObject({ field: 'base64', message: expect.stringContaining('photos') });
  });
});
