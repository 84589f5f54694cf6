import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uqcFor, uqcOrOther } from '../../src-shared/uqc';
import { biscuit } from '../support/fixtures';
import { snapshot, startTestServer, type TestClient, type TestServer } from '../support/test-server';

/* A product's GST unit code (UQC): its own when set, else the usual code for its base unit (src-shared/uqc.ts). */
let server: TestServer;
let admin: TestClient;

beforeAll(async () => {
  server = await startTestServer();
  admin = await server.admin();
});
afterAll(() => server.close());

describe('a product’s GST unit code', () => {
  it('is kept as given (in capitals) and can be cleared back to the unit’s usual code', async () => {
    const made = await admin.ok('products.create', biscuit({ baseUnit: 'strip', uqc: 'box' }));
    expect(made.uqc).toBe('BOX');
    expect((await admin.ok('products.get', { id: made.id })).uqc).toBe('BOX');
    const { createdAt: _c, updatedAt: _u, ...fields } = made;
    const cleared = await admin.ok('products.update', { ...fields, uqc: '' });
    expect(cleared.uqc).toBe('');
    expect(uqcFor(cleared)).toBe('PCS');
  });

  it('refuses a code outside the GST list, naming the field, and writes nothing', async () => {
    const before = snapshot(server.ledger);
    const refused = await admin.call('products.create', biscuit({ sku: 'SUN-0002', barcodes: [], uqc: 'CASE' }));
    expect(refused.status).toBe(400);
    expect(refused.body.error.field).toBe('uqc');
    expect(refused.body.error.message).toBe('UQC must be a GST unit code such as PCS, BOX or KGS');
    expect(snapshot(server.ledger)).toEqual(before);
  });
});

describe('the one unit map', () => {
  it('gives the product’s own code first, then the unit’s, and OTH only where the portal takes it', () => {
    expect(uqcFor({ uqc: 'CTN', baseUnit: 'pc' })).toBe('CTN');
    expect(uqcFor({ uqc: '', baseUnit: 'Case' })).toBe('CTN');
    expect(uqcFor({ uqc: '', baseUnit: 'kgs' })).toBe('KGS');
    expect(uqcFor({ uqc: '', baseUnit: 'jar' })).toBeNull();
    expect(uqcOrOther({ uqc: '', baseUnit: 'jar' })).toBe('OTH');
  });
});
