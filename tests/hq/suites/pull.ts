import { beforeAll, describe, expect, it } from 'vitest';
import type { MasterItem } from '../../../src-shared/sync';
import type { TestHq } from '../../support/hq';

export const soap = {
  sku: 'SOAP-100',
  name: 'Neem Soap 100 g',
  brand: 'Acme',
  category: 'Soaps',
  hsn: '3401',
  gstRateBps: 1800,
  unitName: 'PCS',
  unitsPerCase: 72,
  mrpPaise: 4000,
  gtin: '8901234567893',
  shelfLifeDays: 730,
};

export function pullSuite(backend: string, theHq: () => TestHq) {
  describe(`pull of masters and primary shipments (${backend})`, () => {
    let hq: TestHq;
    beforeAll(() => {
      hq = theHq();
    });

    it('pages masters by cursor, only what is published for this distributor, each version with its dates', async () => {
      const a = await hq.enrolledClient('D-PULL-A');
      const b = await hq.enrolledClient('D-PULL-B');
      const published = await hq.admin<{ published: unknown[] }>('POST', '/admin/masters', {
        items: [
          { masterType: 'product', data: soap, validFrom: '2025-04-01', validTo: '2025-04-30' },
          {
            masterType: 'product',
            data: { ...soap, sku: 'SHAMPOO-200', name: 'Shampoo 200 ml', hsn: '3305' },
            validFrom: '2025-04-01',
          },
          {
            masterType: 'price-list',
            distributorCode: 'D-PULL-A',
            validFrom: '2025-04-01',
            data: { code: 'GT', name: 'General trade', items: [{ sku: 'SOAP-100', ratePaise: 3100 }] },
          },
          {
            masterType: 'scheme',
            validFrom: '2025-04-01',
            validTo: '2025-06-30',
            data: {
              code: 'SOAP12+1',
              name: 'Buy 12 get 1',
              customerTypes: [],
              stateCodes: ['27'],
              rule: { kind: 'free_goods', buySku: 'SOAP-100', buyQty: 12, getSku: 'SOAP-100', getQty: 1, repeat: true },
            },
          },
        ],
      });
      expect(published.status).toBe(200);
      const pages: MasterItem[][] = [];
      let cursor: string | null = null;
      for (;;) {
        const page = await a.client.pull(cursor, 2);
        pages.push(page.items);
        cursor = page.nextCursor;
        if (!page.hasMore) break;
      }
      expect(pages.map((p) => p.length)).toEqual([2, 2]);
      expect(pages.flat().map((i) => `${i.masterType}:${i.key}:v${i.version}`)).toEqual([
        'product:SOAP-100:v1',
        'product:SHAMPOO-200:v1',
        'price-list:GT:v1',
        'scheme:SOAP12+1:v1',
      ]);
      expect(pages[0]![0]).toMatchObject({ validFrom: '2025-04-01', validTo: '2025-04-30', data: soap });
      const seenByB = await b.client.pull(null);
      expect(seenByB.items.map((i) => i.key)).toEqual(['SOAP-100', 'SHAMPOO-200', 'SOAP12+1']);

      await hq.admin('POST', '/admin/masters', {
        items: [{ masterType: 'product', data: { ...soap, mrpPaise: 4500 }, validFrom: '2025-05-01' }],
      });
      const next = await a.client.pull(cursor);
      expect(next.items).toEqual([
        expect.objectContaining({ key: 'SOAP-100', version: 2, validFrom: '2025-05-01', validTo: null }),
      ]);
      expect(next.items[0]!.data).toMatchObject({ mrpPaise: 4500 });
      const empty = await a.client.pull(next.nextCursor);
      expect(empty).toEqual({ items: [], nextCursor: next.nextCursor, hasMore: false });
    });

    it('refuses a master that does not follow its schema, naming the field, and publishes nothing', async () => {
      const before = await hq.sql.query('select seq from masters');
      const bad = await hq.admin<{ error: { message: string } }>('POST', '/admin/masters', {
        items: [
          { masterType: 'product', data: { ...soap, sku: 'OK-1' }, validFrom: '2025-04-01' },
          { masterType: 'product', data: { ...soap, sku: 'BAD-1', gstRateBps: 'eighteen' }, validFrom: '2025-04-01' },
        ],
      });
      expect(bad.status).toBe(400);
      expect(bad.body.error.message).toContain('item 2 (product): data.gstRateBps');
      expect(await hq.sql.query('select seq from masters')).toHaveLength(before.length);
    });

    it('refuses a cursor it never gave out', async () => {
      const { client } = await hq.enrolledClient('D-PULL-C');
      await expect(client.pull('yesterday')).rejects.toMatchObject({ status: 400, code: 'bad_request' });
    });

    it('publishes products, customer-type prices and primary shipments from CSV', async () => {
      const { client } = await hq.enrolledClient('D-CSV');
      await hq.enrolledClient('D-CSV-OTHER');
      const products = [
        'sku,name,brand,category,hsn,gstRateBps,unitName,unitsPerCase,mrpPaise,gtin,shelfLifeDays',
        'TEA-250,Assam Tea 250 g,Acme,Beverages,0902,500,PCS,48,14000,,365',
      ].join('\n');
      const up = await hq.admin('POST', '/admin/masters/csv?type=product&validFrom=2025-04-01', products, 'text/csv');
      expect(up).toMatchObject({
        status: 200,
        body: { published: [{ masterType: 'product', key: 'TEA-250', version: 1 }] },
      });
      const rates = 'customerType,sku,ratePaise,validFrom,validTo\nWHOLESALE,TEA-250,11500,2025-04-01,2025-09-30';
      const ratesUp = await hq.admin(
        'POST',
        '/admin/masters/csv?type=customer-type-price&distributor=D-CSV',
        rates,
        'text/csv',
      );
      expect(ratesUp.status).toBe(200);
      const shipment = [
        'brandInvoiceNumber,invoiceDate,distributorCode,sku,batchNo,mfgDate,expiryDate,qty,ratePaise',
        'ACME/PI/901,2025-04-08,D-CSV,TEA-250,T2504A,2025-03-20,2026-03-19,480,10500',
        'ACME/PI/901,2025-04-08,D-CSV,SOAP-100,S2503C,2025-03-01,2027-02-28,1440,2600',
        'ACME/PI/902,2025-04-09,D-CSV-OTHER,TEA-250,T2504A,2025-03-20,2026-03-19,96,10500',
      ].join('\n');
      const shipUp = await hq.admin<{ published: unknown[] }>(
        'POST',
        '/admin/masters/csv?type=primary-shipment',
        shipment,
        'text/csv',
      );
      expect(shipUp.body.published).toHaveLength(2);
      const all: MasterItem[] = [];
      let cursor: string | null = null;
      for (let more = true; more;) {
        const page = await client.pull(cursor);
        all.push(...page.items);
        cursor = page.nextCursor;
        more = page.hasMore;
      }
      const mine = all.filter(
        (i) => i.masterType !== 'product' && i.masterType !== 'scheme' && i.masterType !== 'price-list',
      );
      expect(mine).toEqual([
        expect.objectContaining({
          masterType: 'customer-type-price',
          key: 'WHOLESALE:TEA-250',
          validTo: '2025-09-30',
          data: { customerType: 'WHOLESALE', sku: 'TEA-250', ratePaise: 11500 },
        }),
        expect.objectContaining({ masterType: 'primary-shipment', key: 'ACME/PI/901', validFrom: '2025-04-08' }),
      ]);
      expect(mine[1]!.data).toEqual({
        brandInvoiceNumber: 'ACME/PI/901',
        invoiceDate: '2025-04-08',
        distributorCode: 'D-CSV',
        lines: [
          {
            sku: 'TEA-250',
            batchNo: 'T2504A',
            mfgDate: '2025-03-20',
            expiryDate: '2026-03-19',
            qty: 480,
            ratePaise: 10500,
          },
          {
            sku: 'SOAP-100',
            batchNo: 'S2503C',
            mfgDate: '2025-03-01',
            expiryDate: '2027-02-28',
            qty: 1440,
            ratePaise: 2600,
          },
        ],
      });
      expect(all.find((i) => i.key === 'TEA-250')!.data).toMatchObject({
        gtin: null,
        gstRateBps: 500,
        unitsPerCase: 48,
      });
    });
  });
}
