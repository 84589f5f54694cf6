import crypto from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { controlTotalsOf, type SyncEvent } from '../../../src-shared/sync';
import type { TestHq } from '../../support/hq';
import { event, invoicePayload, line, party } from '../../support/sync-events';

const sha256 = (t: string) => crypto.createHash('sha256').update(t).digest('hex');

/** A distributor's two days: sales, a cancellation, a return, a payment, closing stock, a new outlet. */
function twoDays(): SyncEvent[] {
  const inv1 = invoicePayload('INV/1', '2025-04-10', [line('SOAP-100', 72, 3100), line('TEA-250', 12, 11500)]);
  const inv2 = invoicePayload('INV/2', '2025-04-10');
  const d1 = '2025-04-10',
    d2 = '2025-04-11';
  const returned = line('SOAP-100', 6, 3100);
  const events = [
    event(
      1,
      'customer.created',
      {
        code: 'C001',
        name: party.name,
        gstin: party.gstin,
        stateCode: '27',
        customerType: 'RETAIL',
        district: 'Pune',
        city: 'Pune',
        pincode: '411001',
        phone: '9800000000',
        creditLimitPaise: 5_000_000,
        creditDays: 15,
        active: true,
      },
      d1,
    ),
    event(2, 'invoice.posted', inv1, d1),
    event(3, 'invoice.posted', inv2, d1),
    event(
      4,
      'payment.received',
      {
        number: 'RCPT/1',
        date: d1,
        party,
        amountPaise: 59_000,
        mode: 'upi',
        reference: 'UTR123',
        allocations: [{ invoiceNumber: 'INV/2', amountPaise: 59_000 }],
      },
      d1,
    ),
    event(
      5,
      'closing-stock.snapshot',
      {
        warehouseCode: 'MAIN',
        asOf: d1,
        lines: [
          { sku: 'SOAP-100', batchNo: 'S1', expiryDate: '2027-02-28', qty: 1368 },
          { sku: 'TEA-250', batchNo: 'T1', expiryDate: null, qty: 0 },
        ],
      },
      d1,
    ),
    event(
      6,
      'closing-stock.snapshot',
      { warehouseCode: 'GODOWN-2', asOf: d1, lines: [{ sku: 'TEA-250', batchNo: null, expiryDate: null, qty: 468 }] },
      d1,
    ),
    event(7, 'invoice.cancelled', { ...inv2, cancelledOn: d2, reason: 'Billed to wrong outlet' }, d2),
    event(
      8,
      'credit-note.posted',
      {
        number: 'CN/1',
        date: d2,
        party,
        kind: 'sales-return',
        againstInvoiceNumber: 'INV/1',
        reason: 'Damaged in transit',
        lines: [returned],
        totals: {
          taxablePaise: returned.taxablePaise,
          taxPaise: returned.taxPaise,
          roundOffPaise: 0,
          totalPaise: returned.totalPaise,
        },
      },
      d2,
    ),
  ];
  return events as SyncEvent[];
}

export function controlTotalsSuite(backend: string, theHq: () => TestHq) {
  describe(`daily control totals and read views (${backend})`, () => {
    let hq: TestHq;
    beforeAll(() => {
      hq = theHq();
    });

    it('agrees with the device on counts, sums and the closing-stock hash, and names what differs', async () => {
      const { client } = await hq.enrolledClient('D-TOTALS');
      const events = twoDays();
      const pushed = await client.push(events);
      expect(pushed.results.every((r) => r.status === 'accepted')).toBe(true);
      const day1 = controlTotalsOf(
        events.filter((e) => e.businessDate === '2025-04-10'),
        sha256,
      );
      expect(day1.eventCounts).toEqual({
        'customer.created': 1,
        'invoice.posted': 2,
        'payment.received': 1,
        'closing-stock.snapshot': 2,
      });
      expect(day1.closingStockHash).toBe(sha256('GODOWN-2\tTEA-250\t\t468\nMAIN\tSOAP-100\tS1\t1368\n'));
      const agreed = await client.controlTotals('2025-04-10', day1);
      expect(agreed).toMatchObject({ matches: true, differences: [], highWaterMark: 8 });
      expect(agreed.hq).toEqual(day1);

      const claimed = {
        ...day1,
        invoicesPostedPaise: day1.invoicesPostedPaise + 100,
        closingStockHash: sha256('other'),
      };
      const disagreed = await client.controlTotals('2025-04-10', claimed);
      expect(disagreed.matches).toBe(false);
      expect(disagreed.differences.map((d) => d.field)).toEqual(['invoicesPostedPaise', 'closingStockHash']);
      const day2 = controlTotalsOf(
        events.filter((e) => e.businessDate === '2025-04-11'),
        sha256,
      );
      expect((await client.controlTotals('2025-04-11', day2)).matches).toBe(true);
    });

    it('shows events and secondary sales per distributor per day, net of cancellations and returns', async () => {
      const from = 'from=2025-04-10&to=2025-04-11&distributor=D-TOTALS';
      const events = await hq.admin<Array<{ businessDate: string; type: string; accepted: number }>>(
        'GET',
        `/admin/views/events?${from}`,
      );
      expect(events.body.map((r) => `${r.businessDate} ${r.type} ${r.accepted}`)).toEqual([
        '2025-04-10 closing-stock.snapshot 2',
        '2025-04-10 customer.created 1',
        '2025-04-10 invoice.posted 2',
        '2025-04-10 payment.received 1',
        '2025-04-11 credit-note.posted 1',
        '2025-04-11 invoice.cancelled 1',
      ]);
      const sales = await hq.admin<Array<Record<string, unknown>>>('GET', `/admin/views/secondary-sales?${from}`);
      expect(sales.body).toEqual([
        {
          distributorCode: 'D-TOTALS',
          businessDate: '2025-04-10',
          sku: 'SKU-1',
          qty: 10,
          freeQty: 0,
          taxablePaise: 50_000,
          taxPaise: 9_000,
          totalPaise: 59_000,
          outlets: 1,
        },
        {
          distributorCode: 'D-TOTALS',
          businessDate: '2025-04-10',
          sku: 'SOAP-100',
          qty: 72,
          freeQty: 0,
          taxablePaise: 223_200,
          taxPaise: 40_176,
          totalPaise: 263_376,
          outlets: 1,
        },
        {
          distributorCode: 'D-TOTALS',
          businessDate: '2025-04-10',
          sku: 'TEA-250',
          qty: 12,
          freeQty: 0,
          taxablePaise: 138_000,
          taxPaise: 24_840,
          totalPaise: 162_840,
          outlets: 1,
        },
        {
          distributorCode: 'D-TOTALS',
          businessDate: '2025-04-11',
          sku: 'SKU-1',
          qty: -10,
          freeQty: 0,
          taxablePaise: -50_000,
          taxPaise: -9_000,
          totalPaise: -59_000,
          outlets: 1,
        },
        {
          distributorCode: 'D-TOTALS',
          businessDate: '2025-04-11',
          sku: 'SOAP-100',
          qty: -6,
          freeQty: 0,
          taxablePaise: -18_600,
          taxPaise: -3_348,
          totalPaise: -21_948,
          outlets: 1,
        },
      ]);
      const stock = await hq.sql.query(
        'select warehouse_code, sku, batch_no, qty from closing_stock where distributor_code = $1 order by 1, 2',
        ['D-TOTALS'],
      );
      expect(stock).toHaveLength(3);
      const [outlet] = await hq.sql.query<{ data: { customerType: string } }>(
        'select data from outlets where distributor_code = $1',
        ['D-TOTALS'],
      );
      expect(outlet!.data.customerType).toBe('RETAIL');
    });
  });
}
