import { beforeAll, describe, expect, it } from 'vitest';
import type { TestHq } from '../../support/hq';
import { event, invoicePayload, invoices } from '../../support/sync-events';

/** What HQ holds for a device: inbox rows and the secondary sales they produced. */
async function holdings(hq: TestHq, deviceId: string) {
  const [inbox] = await hq.sql.query<{ n: number }>('select count(*)::int as n from inbox where device_id = $1', [
    deviceId,
  ]);
  const [sales] = await hq.sql.query<{ rows: number; total: number | null }>(
    'select count(*)::int as rows, sum(total_paise) as total from secondary_sales where device_id = $1',
    [deviceId],
  );
  return { inbox: inbox!.n, saleRows: sales!.rows, salesPaise: sales!.total ?? 0 };
}

/** What a restore from an older backup looks like to HQ: everything after seq is gone. */
async function loseEverythingAfter(hq: TestHq, deviceId: string, seq: number) {
  const ids = `select event_id from inbox where device_id = $1 and device_seq > $2`;
  await hq.sql.query(`delete from secondary_sales where device_id = $1 and event_id in (${ids})`, [deviceId, seq]);
  await hq.sql.query('delete from events where device_id = $1 and device_seq > $2', [deviceId, seq]);
  await hq.sql.query('delete from inbox where device_id = $1 and device_seq > $2', [deviceId, seq]);
}

export function pushSuite(backend: string, theHq: () => TestHq) {
  describe(`push (${backend})`, () => {
    let hq: TestHq;
    beforeAll(() => {
      hq = theHq();
    });

    it('accepts new events with their effects, and answers duplicate without applying them twice', async () => {
      const { client, deviceId } = await hq.enrolledClient('D-PUSH');
      const batch = invoices(1, 3);
      const first = await client.push(batch);
      expect(first.results.map((r) => r.status)).toEqual(['accepted', 'accepted', 'accepted']);
      expect(first.highWaterMark).toBe(3);
      const again = await client.push(batch);
      expect(again.results.map((r) => r.status)).toEqual(['duplicate', 'duplicate', 'duplicate']);
      expect(again.highWaterMark).toBe(3);
      expect(await holdings(hq, deviceId)).toEqual({ inbox: 3, saleRows: 3, salesPaise: 3 * 59_000 });
    });

    it('refuses the same id with a different payload, and a sequence number already used, as conflicts', async () => {
      const { client, deviceId } = await hq.enrolledClient('D-CONFLICT');
      const [one] = invoices(1, 1);
      await client.push([one!]);
      const changed = { ...one!, payload: invoicePayload('INV/25-26/1', '2025-04-10', []) };
      const reusedSeq = invoices(1, 1)[0]!;
      const answer = await client.push([changed, reusedSeq]);
      expect(answer.results).toEqual([
        { eventId: one!.eventId, status: 'conflict', reason: expect.stringContaining('different content') },
        { eventId: reusedSeq.eventId, status: 'conflict', reason: expect.stringContaining('deviceSeq 1') },
      ]);
      expect(await holdings(hq, deviceId)).toEqual({ inbox: 1, saleRows: 1, salesPaise: 59_000 });
    });

    it('rejects a bad event with a reason, lists it as parked, and does not let it block the events after it', async () => {
      const { client, deviceId } = await hq.enrolledClient('D-REJECT');
      const noLines = event(1, 'invoice.posted', { ...invoicePayload('INV/1', '2025-04-10'), lines: [] });
      const unknown = { ...invoices(2, 1)[0]!, type: 'invoice.teleported' };
      const future = { ...invoices(3, 1)[0]!, schemaVersion: 7 };
      const good = invoices(4, 1)[0]!;
      const answer = await client.push([noLines, unknown, future, good]);
      expect(answer.results).toEqual([
        { eventId: noLines.eventId, status: 'rejected', reason: expect.stringContaining('payload.lines') },
        { eventId: unknown.eventId, status: 'rejected', reason: 'unknown event type invoice.teleported' },
        {
          eventId: future.eventId,
          status: 'rejected',
          reason: expect.stringContaining('schema version 7 is not supported'),
        },
        { eventId: good.eventId, status: 'accepted' },
      ]);
      expect(answer.highWaterMark).toBe(4);
      const resent = await client.push([noLines]);
      expect(resent.results[0]).toMatchObject({ status: 'rejected', reason: expect.stringContaining('payload.lines') });
      expect(await holdings(hq, deviceId)).toEqual({ inbox: 4, saleRows: 1, salesPaise: 59_000 });
      const parked = await hq.admin<unknown[]>('GET', '/admin/views/parked?distributor=D-REJECT');
      expect(parked.body).toHaveLength(3);
    });

    it('refuses a whole request whose envelope is malformed, writing nothing', async () => {
      const { client, deviceId } = await hq.enrolledClient('D-ENVELOPE');
      const broken = { ...invoices(1, 1)[0]!, eventId: 'not-a-uuid' };
      await expect(client.push([broken])).rejects.toMatchObject({ status: 400, code: 'bad_request', retryable: false });
      expect((await holdings(hq, deviceId)).inbox).toBe(0);
    });

    it('keeps the high-water mark at the highest contiguous sequence held', async () => {
      const { client } = await hq.enrolledClient('D-GAPS');
      const all = invoices(1, 6);
      expect((await client.push([all[0]!, all[1]!, all[3]!])).highWaterMark).toBe(2);
      expect((await client.push([all[4]!, all[5]!])).highWaterMark).toBe(2);
      expect((await client.push([all[2]!])).highWaterMark).toBe(6);
      expect((await client.push([])).highWaterMark).toBe(6);
    });

    it('reports a lower mark after HQ is restored from an older backup, and takes the re-sent events once', async () => {
      const { client, deviceId } = await hq.enrolledClient('D-RESTORE');
      const all = invoices(1, 10);
      expect((await client.push(all)).highWaterMark).toBe(10);
      await loseEverythingAfter(hq, deviceId, 6);
      const mark = (await client.push([])).highWaterMark;
      expect(mark).toBe(6);
      const resend = await client.push(all.slice(mark));
      expect(resend.results.map((r) => r.status)).toEqual(['accepted', 'accepted', 'accepted', 'accepted']);
      expect(resend.highWaterMark).toBe(10);
      expect(await holdings(hq, deviceId)).toEqual({ inbox: 10, saleRows: 10, salesPaise: 10 * 59_000 });
    });

    it("accepts a claim's life (filed, answered, settled) without counting it as a sale", async () => {
      const { client, deviceId } = await hq.enrolledClient('D-CLAIMS');
      const head = { number: 'CLM/25-26/000001', brandCode: 'SUN', kind: 'price_protection' as const };
      const line = { sourceKind: 'price_change:1', sku: 'P', batchNo: null, qty: 62, amountPaise: 620_00 };
      const answer = await client.push([
        event(1, 'claim.filed', {
          ...{ ...head, filedOn: '2025-04-10', periodFrom: '2025-04-10', periodTo: '2025-04-10' },
          ...{ amountPaise: 620_00, lines: [{ ...line, description: '' }] },
        }),
        event(2, 'claim.answered', {
          ...{ ...head, answeredOn: '2025-04-10', status: 'partly_accepted', amountPaise: 620_00 },
          ...{ acceptedPaise: 600_00, reason: 'one report unverified' },
        }),
        event(3, 'claim.settled', {
          ...{ ...head, settledOn: '2025-04-10', creditNoteNumber: 'SUN-CN-77', settledPaise: 600_00 },
        }),
      ]);
      expect(answer.results.map((r) => r.status)).toEqual(['accepted', 'accepted', 'accepted']);
      expect(await holdings(hq, deviceId)).toEqual({ inbox: 3, saleRows: 0, salesPaise: 0 });
    });

    it('files events by month of business date in the partitioned event tables', async () => {
      const { client, deviceId } = await hq.enrolledClient('D-MONTHS');
      await client.push([
        ...invoices(1, 1, '2025-03-31'),
        ...invoices(2, 1, '2025-04-01'),
        ...invoices(3, 1, '2026-01-15'),
      ]);
      const rows = await hq.sql.query<{ part: string }>(
        'select tableoid::regclass::text as part from events where device_id = $1 order by device_seq',
        [deviceId],
      );
      expect(rows.map((r) => r.part)).toEqual(['events_y2025m03', 'events_y2025m04', 'events_y2026m01']);
      const sales = await hq.sql.query<{ part: string }>(
        'select distinct tableoid::regclass::text as part from secondary_sales where device_id = $1 order by 1',
        [deviceId],
      );
      expect(sales.map((r) => r.part)).toEqual([
        'secondary_sales_y2025m03',
        'secondary_sales_y2025m04',
        'secondary_sales_y2026m01',
      ]);
    });
  });
}
