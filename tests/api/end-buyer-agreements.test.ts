import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { snapshot, startTestServer, type TestServer } from '../support/test-server';
import { biscuit, retailer } from '../support/fixtures';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

async function terms() {
  const admin = await server.admin();
  const brand = await admin.ok('suppliers.create', { code: 'HEAL', name: 'Healwell', stateCode: '27' });
  const hospital = await admin.ok('customers.create', retailer({ code: 'HOSP', name: 'City Hospital', gstin: '' }));
  const product = await admin.ok('products.create', biscuit({ sku: 'EBA-P', barcodes: [] }));
  return {
    supplierId: brand.id,
    endBuyerId: hospital.id,
    number: 'EBA-API-1',
    validFrom: '2026-01-01',
    validTo: '2026-12-31',
    lines: [{ productId: product.id, specialPrice: 1200, listCost: 1500, agreedCost: 1000, quantityCap: 50 }],
  };
}

describe('end-buyer agreements over the API', () => {
  it('the manager records one, the sales clerk reads but may not write, and a bad one names its field', async () => {
    const input = await terms();
    const clerk = await server.as('sales_clerk');
    expect((await clerk.call('endBuyerAgreements.create', input)).status).toBe(403);
    const manager = await server.as('manager');
    const saved = await manager.ok('endBuyerAgreements.create', input);
    expect(saved).toMatchObject({ number: 'EBA-API-1', endBuyerName: 'City Hospital', version: 1 });
    expect(saved.lines[0]).toMatchObject({ claimPerUnit: 500, accruedQuantity: 0 });
    expect(await clerk.ok('endBuyerAgreements.list', {})).toHaveLength(1);

    const before = snapshot(server.ledger);
    const twice = await manager.call('endBuyerAgreements.create', {
      ...input,
      number: 'EBA-API-2',
      lines: [input.lines[0]!, input.lines[0]!],
    });
    expect(twice.body.error).toMatchObject({ field: 'lines.1.productId' });
    const stale = await manager.call('endBuyerAgreements.update', { ...input, id: saved.id, version: 7 });
    expect(stale.body.error).toMatchObject({ code: 'conflict', field: 'version' });
    expect(snapshot(server.ledger)).toBe(before);
  });

  it('the accountant raises the claim and exports the report; the sales clerk cannot see it', async () => {
    const accountant = await server.as('accountant');
    const period = { from: '2026-11-01', to: '2026-11-30' };
    const supplierId = (await accountant.ok('suppliers.list', {}))[0].id;
    expect(await accountant.ok('shipAndDebit.raiseClaim', { supplierId, ...period })).toEqual({
      claimId: null,
      amount: 0,
      lines: 0,
    });
    const csv = await accountant.ok('shipAndDebit.export', { ...period, supplierId: null, format: 'csv' });
    expect(Buffer.from(csv.base64, 'base64').toString()).toContain('Agreement,Brand,End buyer');
    const xlsx = await accountant.ok('shipAndDebit.export', { ...period, supplierId: null, format: 'xlsx' });
    expect(xlsx.base64.startsWith('UEsDB')).toBe(true);
    const clerk = await server.as('sales_clerk');
    expect((await clerk.call('shipAndDebit.report', { ...period, supplierId: null })).status).toBe(403);
  });
});
