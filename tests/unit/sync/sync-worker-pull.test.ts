import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createProduct } from '../../../src-main/engine/catalog/product-service';
import { createWarehouse } from '../../../src-main/engine/inventory/warehouse-service';
import { receiveGoods } from '../../../src-main/engine/inventory/receive-goods';
import { syncSettings } from '../../../src-main/engine/sync/sync-settings';
import { contract } from '../../../src-shared/contract';
import { startFaultyProxy } from '../../support/faulty-proxy';
import { biscuit } from '../../support/fixtures';
import { pgliteBackend, startTestHq, type TestHq } from '../../support/hq';
import { enrolledDevice } from '../../support/sync-device';

/** Pulling masters: a page is applied whole or not at all; closing stock goes once per warehouse and day. */

let hq: TestHq;
beforeAll(async () => {
  hq = await startTestHq(pgliteBackend);
}, 60_000);
afterAll(() => hq?.stop());

const product = (sku: string, gtin: string | null) => ({
  masterType: 'product',
  validFrom: '2026-11-01',
  data: {
    sku,
    name: `Product ${sku}`,
    brand: 'Sunrise',
    category: 'Biscuits',
    hsn: '19053100',
    gstRateBps: 1800,
    unitName: 'PCS',
    unitsPerCase: 24,
    mrpPaise: 2000,
    gtin,
    shelfLifeDays: 270,
  },
});
const count = (
  ctx: { ledger: { sqlite: { prepare(s: string): { get(...a: unknown[]): unknown } } } },
  sql: string,
  ...args: unknown[]
) => (ctx.ledger.sqlite.prepare(sql).get(...args) as { n: number }).n;

describe('pulling masters from HQ', () => {
  it('applies nothing of a page when one item in it cannot be applied, and everything once it can', async () => {
    const { ctx, worker } = await enrolledDevice(hq, 'D-ATOMIC', { pullLimit: 10 });
    ctx.ledger.sqlite.transaction(() => createProduct(ctx, contract['products.create'].input.parse(biscuit())))();
    // HQ gives its second product a barcode that here already belongs to SUN-0001.
    await hq.admin('POST', '/admin/masters', {
      items: [product('HQ-0001', null), product('HQ-0002', '8901063010215'), product('HQ-0003', null)],
      distributorCode: null,
    });
    const run = await worker.runNow();
    expect(run.ok).toBe(false);
    expect(syncSettings(ctx).lastError).toMatch(/barcode 8901063010215, which here belongs to SUN-0001/);
    expect(count(ctx, "SELECT count(*) AS n FROM products WHERE sku LIKE 'HQ-%'")).toBe(0);
    expect(count(ctx, 'SELECT count(*) AS n FROM hq_masters')).toBe(0);
    expect(syncSettings(ctx).pullCursor).toBeNull();

    ctx.ledger.sqlite.prepare("DELETE FROM product_barcodes WHERE code = '8901063010215'").run();
    const again = await worker.runNow();
    expect(again).toMatchObject({ ok: true, pull: { items: 3 } });
    expect(count(ctx, "SELECT count(*) AS n FROM products WHERE sku LIKE 'HQ-%'")).toBe(3);
    expect(syncSettings(ctx).lastError).toBe('');
  }, 60_000);

  it('applies a page once when its answer was lost after HQ sent it', async () => {
    const proxy = await startFaultyProxy(hq.url, (n) => (n === 1 ? 'dropAfterCommit' : 'none'));
    // request 0 is the (empty) push; request 1 is the first pull, whose answer is lost and asked for again
    const { ctx, worker } = await enrolledDevice(hq, 'D-LOST', { via: proxy.url, pullLimit: 500 });
    await worker.runNow();
    await proxy.close();
    expect(proxy.counts.dropAfterCommit).toBe(1);
    const pulled = count(ctx, "SELECT count(*) AS n FROM hq_masters WHERE master_type = 'product'");
    expect(pulled).toBe(count(ctx, "SELECT count(*) AS n FROM products WHERE sku LIKE 'HQ-%'"));
    expect(pulled).toBeGreaterThan(0);
  }, 60_000);
});

describe('closing stock', () => {
  it('sends one snapshot per warehouse for yesterday, never a second for the same day', async () => {
    let now = new Date('2026-11-22T10:00:00Z');
    const { ctx, worker } = await enrolledDevice(hq, 'D-CLOSING', { now: () => now });
    const wh = ctx.ledger.sqlite.transaction(() =>
      createWarehouse(
        ctx,
        contract['warehouses.create'].input.parse({ code: 'PUN', name: 'Pune', address: { stateCode: '27' } }),
      ),
    )();
    // (no barcode: the products HQ published for everyone above carry this biscuit's)
    const p = ctx.ledger.sqlite.transaction(() =>
      createProduct(ctx, contract['products.create'].input.parse(biscuit({ barcodes: [] }))),
    )();
    ctx.ledger.sqlite.transaction(() =>
      receiveGoods(
        ctx,
        contract['inventory.receive'].input.parse({
          warehouseId: wh.id,
          lines: [{ productId: p.id, batchNo: 'B1', expiresOn: '2027-06-01', quantity: 40 }],
        }),
      ),
    )();
    now = new Date('2026-11-22T18:00:00Z'); // 23:30 in Pune: still the 22nd
    ctx.ledger.sqlite.transaction(() =>
      receiveGoods(
        ctx,
        contract['inventory.receive'].input.parse({
          warehouseId: wh.id,
          lines: [{ productId: p.id, batchNo: 'B1', expiresOn: '2027-06-01', quantity: 5 }],
        }),
      ),
    )();
    now = new Date('2026-11-22T19:00:00Z'); // 00:30 in Pune: already the 23rd, though UTC says the 22nd
    ctx.ledger.sqlite.transaction(() =>
      receiveGoods(
        ctx,
        contract['inventory.receive'].input.parse({
          warehouseId: wh.id,
          lines: [{ productId: p.id, batchNo: 'B1', expiresOn: '2027-06-01', quantity: 7 }],
        }),
      ),
    )();
    now = new Date('2026-11-23T04:00:00Z'); // the next morning: 09:30 in Pune
    ctx.ledger.sqlite.transaction(() =>
      receiveGoods(
        ctx,
        contract['inventory.receive'].input.parse({
          warehouseId: wh.id,
          lines: [{ productId: p.id, batchNo: 'B1', expiresOn: '2027-06-01', quantity: 10 }],
        }),
      ),
    )();
    const first = await worker.runNow();
    expect(first.message).toBe('Up to date with HQ');
    expect(first.snapshots).toBe(1);
    expect((await worker.runNow()).snapshots).toBe(0);
    const snaps = ctx.ledger.sqlite
      .prepare("SELECT payload FROM outbox_events WHERE type = 'closing-stock.snapshot'")
      .all() as { payload: string }[];
    expect(snaps.map((s) => JSON.parse(s.payload))).toEqual([
      {
        warehouseCode: 'PUN',
        asOf: '2026-11-22',
        lines: [{ sku: 'SUN-0001', batchNo: 'B1', expiryDate: '2027-06-01', qty: 45 }],
      },
    ]);
    expect(syncSettings(ctx).lastControlTotals).toContain('"matches":true');
  }, 60_000);
});
