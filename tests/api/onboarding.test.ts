import { afterEach, describe, expect, it } from 'vitest';
import { demoGstin } from '../../src-main/engine/demo/seed-demo';
import { snapshot, startTestServer, type TestServer } from '../support/test-server';

const setup = {
  companyName: 'Shree Traders',
  stateCode: '27',
  adminUsername: 'admin',
  adminName: 'Asha',
  password: 'correct-horse',
};
let server: TestServer;
afterEach(() => server.close());

describe('first-run setup asks for what a tax invoice prints', () => {
  it('keeps the GSTIN, address and state it is given, and billing is then ready', async () => {
    server = await startTestServer();
    const client = server.client();
    await client.ok('setup.initialize', {
      ...setup,
      gstin: '27aapfu0939f1zv',
      addressLine1: '12 Market Yard',
      city: 'Pune',
      pincode: '411037',
    });
    expect(await client.ok('company.get', {})).toMatchObject({
      gstin: '27AAPFU0939F1ZV',
      addressLine1: '12 Market Yard',
      city: 'Pune',
      pincode: '411037',
      stateCode: '27',
    });
    expect(await client.ok('company.readiness', {})).toEqual({ ready: true, missing: [], warning: null });
    expect((await client.ok('setup.status', {})).demoUsers).toEqual([]);
  });

  it('refuses a GSTIN of another state or a malformed one, naming the field, and writes nothing', async () => {
    server = await startTestServer();
    const client = server.client();
    const before = snapshot(server.ledger);
    const otherState = await client.call('setup.initialize', { ...setup, gstin: demoGstin('29', 5) });
    expect(otherState.status).toBe(400);
    expect(otherState.body.error).toMatchObject({
      field: 'gstin',
      message: expect.stringMatching(/Karnataka.*Maharashtra/),
    });
    const malformed = await client.call('setup.initialize', { ...setup, gstin: '27ABC' });
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.field).toBe('gstin');
    const pin = await client.call('setup.initialize', { ...setup, pincode: '01234' });
    expect(pin.body.error.field).toBe('pincode');
    expect(snapshot(server.ledger)).toBe(before);
    expect((await client.ok('setup.status', {})).needsSetup).toBe(true);
  });

  it('without GSTIN or address, warns before the first invoice until the profile is filled in', async () => {
    server = await startTestServer();
    const admin = await server.admin();
    const readiness = await admin.ok('company.readiness', {});
    expect(readiness).toMatchObject({ ready: false, missing: ['GSTIN', 'address', 'city'] });
    expect(readiness.warning).toMatch(
      /no GSTIN, address, city: a tax invoice must show the seller's GSTIN and address/,
    );
    const company = await admin.ok('company.get', {});
    await admin.ok('company.update', {
      ...company,
      gstin: '27AAPFU0939F1ZV',
      addressLine1: '12 Market Yard',
      city: 'Pune',
    });
    expect((await (await server.as('billing_clerk')).ok('company.readiness', {})).warning).toBeNull();
  });
});
