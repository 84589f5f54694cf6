import { beforeEach, describe, expect, it } from 'vitest';
import type { EngineContext } from '../../../src-main/engine/context';
import { createProduct, type ProductInput } from '../../../src-main/engine/catalog/product-service';
import { adjustStock } from '../../../src-main/engine/inventory/adjust-stock';
import { checkBalances } from '../../../src-main/engine/inventory/check-balances';
import { importOpeningStock } from '../../../src-main/engine/imports/start-import';
import { receiveGoods } from '../../../src-main/engine/inventory/receive-goods';
import { allocateAndReserve, releaseReservations } from '../../../src-main/engine/inventory/reserve-stock';
import { listStock, movementHistory, type StockQuery } from '../../../src-main/engine/inventory/stock-views';
import { receiveTransfer, sendTransfer } from '../../../src-main/engine/inventory/transfers';
import { createWarehouse } from '../../../src-main/engine/inventory/warehouse-service';
import { productFields } from '../../../src-shared/contract/products';
import { engineContext } from '../../support/engine';
import { biscuit } from '../../support/fixtures';

let ctx: EngineContext;
let pune: number;
let nashik: number;
let productId: number;
const address = { line1: '', line2: '', area: '', city: 'Pune', district: 'Pune', stateCode: '27', pincode: '' };
const stock = (q: Partial<StockQuery> = {}) =>
  listStock(ctx, {
    search: '',
    warehouseId: null,
    productId: null,
    expiry: 'all',
    inStockOnly: true,
    sort: 'expiry',
    dir: 'asc',
    offset: 0,
    limit: 100,
    ...q,
  });
const receive = (lines: { batchNo: string; expiresOn: string; quantity: number }[], warehouseId = pune) =>
  receiveGoods(ctx, {
    warehouseId,
    kind: 'receipt',
    supplier: 'Sunrise Foods',
    reference: 'INV-77',
    lines: lines.map((l) => ({ productId, manufacturedOn: '2026-06-01', mrp: null, ...l })),
  });

beforeEach(() => {
  ctx = engineContext(new Date('2026-11-22T10:00:00Z'));
  pune = createWarehouse(ctx, { code: 'PUN', name: 'Pune', address, active: true }).id;
  nashik = createWarehouse(ctx, {
    code: 'NSK',
    name: 'Nashik',
    address: { ...address, city: 'Nashik' },
    active: true,
  }).id;
  productId = createProduct(ctx, productFields.parse(biscuit()) as ProductInput).id;
});

describe('goods receipt', () => {
  it('creates batches, raises on hand and numbers the receipt by financial year', () => {
    const grn = receive([
      { batchNo: 'b2611a', expiresOn: '2027-05-01', quantity: 480 },
      { batchNo: 'B2611B', expiresOn: '2027-08-01', quantity: 96 },
    ]);
    expect(grn).toMatchObject({ number: 'GRN/26-27/000001', lines: 2, quantity: 576 });
    expect(receive([{ batchNo: 'B2611A', expiresOn: '2027-05-01', quantity: 10 }]).number).toBe('GRN/26-27/000002');
    const rows = stock();
    expect(rows.rows.map((r) => [r.batchNo, r.onHand, r.available])).toEqual([
      ['B2611A', 490, 490],
      ['B2611B', 96, 96],
    ]);
    expect(rows.rows[0]!.daysToExpiry).toBe(160);
  });

  it('refuses a batch number that arrives with a different expiry', () => {
    receive([{ batchNo: 'B1', expiresOn: '2027-05-01', quantity: 10 }]);
    expect(() => receive([{ batchNo: 'B1', expiresOn: '2027-06-01', quantity: 10 }])).toThrow(
      /on record with expiry 2027-05-01, not 2027-06-01/,
    );
  });

  it('refuses expired stock and writes nothing, not even a receipt number', () => {
    expect(() =>
      receive([
        { batchNo: 'OK', expiresOn: '2027-05-01', quantity: 10 },
        { batchNo: 'OLD', expiresOn: '2026-11-01', quantity: 5 },
      ]),
    ).toThrow();
    // The caller's transaction is what rolls back; through the API this is one transaction (see the API tests).
  });
});

describe('adjustments, write-offs and transfers', () => {
  beforeEach(() => receive([{ batchNo: 'B1', expiresOn: '2027-05-01', quantity: 100 }]));
  const batchId = () => stock().rows[0]!.batchId;

  it('writes off damage with a reason and refuses to go below zero', () => {
    expect(
      adjustStock(ctx, {
        warehouseId: pune,
        batchId: batchId(),
        kind: 'damage',
        quantity: -4,
        reason: 'crushed cartons',
      }).onHand,
    ).toBe(96);
    expect(() =>
      adjustStock(ctx, { warehouseId: pune, batchId: batchId(), kind: 'adjustment', quantity: -97, reason: 'count' }),
    ).toThrow(/has 96 free in this warehouse, 97 needed/);
    expect(() =>
      adjustStock(ctx, { warehouseId: pune, batchId: batchId(), kind: 'damage', quantity: 3, reason: 'oops' }),
    ).toThrow(/takes stock out/);
  });

  it('moves stock through transit to the other warehouse', () => {
    const t = sendTransfer(ctx, {
      fromWarehouseId: pune,
      toWarehouseId: nashik,
      lines: [{ batchId: batchId(), quantity: 30 }],
    });
    expect(t.number).toBe('TRF/26-27/000001');
    expect(stock({ warehouseId: pune }).rows[0]!.onHand).toBe(70);
    expect(stock({ warehouseId: nashik }).rows[0]).toMatchObject({ onHand: 0, inTransit: 30 });
    receiveTransfer(ctx, t.id);
    expect(stock({ warehouseId: nashik }).rows[0]).toMatchObject({ onHand: 30, inTransit: 0 });
    expect(() => receiveTransfer(ctx, t.id)).toThrow(/already received/);
    expect(checkBalances(ctx).differences).toEqual([]);
  });

  it('keeps a history with running balances per batch', () => {
    adjustStock(ctx, {
      warehouseId: pune,
      batchId: batchId(),
      kind: 'adjustment',
      quantity: -10,
      reason: 'stock count',
    });
    const history = movementHistory(ctx, { productId, batchId: null, warehouseId: pune, limit: 50 });
    expect(history.map((h) => [h.kind, h.quantity, h.balanceAfter])).toEqual([
      ['adjustment', -10, 90],
      ['receipt', 100, 100],
    ]);
    expect(history[1]!.document).toBe('GRN/26-27/000001');
  });
});

describe('reservations', () => {
  it('reserve lowers available, release gives it back, on hand is untouched', () => {
    receive([{ batchNo: 'B1', expiresOn: '2027-05-01', quantity: 10 }]);
    const line = fakeOrderLine();
    const a = allocateAndReserve(ctx, {
      orderLineId: line,
      warehouseId: pune,
      productId,
      quantity: 12,
      method: 'fefo',
      minShelfLifeDays: 0,
    });
    expect(a).toMatchObject({ allocated: 10, shortfall: 2 });
    expect(stock().rows[0]).toMatchObject({ onHand: 10, reserved: 10, available: 0 });
    expect(releaseReservations(ctx, line)).toBe(10);
    expect(stock().rows[0]).toMatchObject({ onHand: 10, reserved: 0, available: 10 });
    expect(checkBalances(ctx).differences).toEqual([]);
  });
});

describe('the balance check', () => {
  it('finds a balance that no longer matches its movements', () => {
    receive([{ batchNo: 'B1', expiresOn: '2027-05-01', quantity: 10 }]);
    ctx.ledger.sqlite.prepare('UPDATE stock_balances SET on_hand = 11').run();
    expect(checkBalances(ctx).differences).toEqual([
      expect.objectContaining({ field: 'onHand', stored: 11, computed: 10 }),
    ]);
  });
});

describe('near expiry and expired', () => {
  it('lists batches by how soon they expire', () => {
    receive([
      { batchNo: 'SOON', expiresOn: '2027-01-10', quantity: 5 },
      { batchNo: 'LATER', expiresOn: '2027-09-01', quantity: 5 },
    ]);
    expect(stock({ expiry: 'near' }).rows.map((r) => r.batchNo)).toEqual(['SOON']);
    ctx = { ...ctx, now: () => new Date('2027-02-01T10:00:00Z') };
    expect(stock({ expiry: 'expired' }).rows.map((r) => r.batchNo)).toEqual(['SOON']);
  });
});

describe('opening stock from CSV', () => {
  it('reads warehouse codes, Indian dates and packs, one OPN document for the file', async () => {
    const csv = [
      'Godown,Item Code,Batch,Mfg,Expiry,Qty,UOM',
      'PUN,SUN-0001,B7,01/06/2026,31/05/2027,10,case',
      'NSK,SUN-0001,B7,01/06/2026,31/05/2027,5,pc',
      'XXX,SUN-0001,B8,,,1,',
    ].join('\n');
    const result = await importOpeningStock(ctx, csv, 'valid-rows');
    expect(result.imported).toBe(2);
    expect(result.errors).toEqual([{ row: 4, field: 'warehouse', message: 'Warehouse XXX does not exist' }]);
    expect(stock().rows.map((r) => [r.warehouseCode, r.batchNo, r.onHand, r.expiresOn])).toEqual([
      ['PUN', 'B7', 480, '2027-05-31'],
      ['NSK', 'B7', 5, '2027-05-31'],
    ]);
    expect(ctx.ledger.sqlite.prepare('SELECT number FROM goods_receipts').all()).toEqual([
      { number: 'OPN/26-27/000001' },
    ]);
  });
});

/** A customer, an order and a line to hang reservations on. */
function fakeOrderLine(): number {
  const { sqlite } = ctx.ledger;
  const customer = sqlite
    .prepare("INSERT INTO customers (code, name, type, bill_state_code) VALUES ('C1', 'Cust', 'retailer', '27')")
    .run().lastInsertRowid;
  const order = sqlite
    .prepare(
      "INSERT INTO orders (customer_id, warehouse_id, order_date, created_at) VALUES (?, ?, '2026-11-22', '2026-11-22')",
    )
    .run(customer, pune).lastInsertRowid;
  return Number(
    sqlite
      .prepare(
        'INSERT INTO order_lines (order_id, line_no, product_id, quantity, unit_price, gross, tax_rate_bps, taxable, tax, total) VALUES (?, 1, ?, 12, 100, 1200, 0, 1200, 0, 1200)',
      )
      .run(order, productId).lastInsertRowid,
  );
}
