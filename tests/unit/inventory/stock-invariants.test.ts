import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createProduct, type ProductInput } from '../../../src-main/engine/catalog/product-service';
import { adjustStock } from '../../../src-main/engine/inventory/adjust-stock';
import { checkBalances } from '../../../src-main/engine/inventory/check-balances';
import { receiveGoods } from '../../../src-main/engine/inventory/receive-goods';
import { allocateAndReserve, releaseReservations } from '../../../src-main/engine/inventory/reserve-stock';
import { receiveTransfer, sendTransfer } from '../../../src-main/engine/inventory/transfers';
import { createWarehouse } from '../../../src-main/engine/inventory/warehouse-service';
import { DomainError } from '../../../src-main/engine/errors';
import { productFields } from '../../../src-shared/contract/products';
import { engineContext } from '../../support/engine';
import { biscuit } from '../../support/fixtures';

const op = fc.oneof(
  fc.record({
    kind: fc.constant('receive' as const),
    wh: fc.integer({ min: 0, max: 1 }),
    batch: fc.integer({ min: 0, max: 2 }),
    qty: fc.integer({ min: 1, max: 50 }),
  }),
  fc.record({
    kind: fc.constant('allocate' as const),
    wh: fc.integer({ min: 0, max: 1 }),
    qty: fc.integer({ min: 1, max: 60 }),
    method: fc.constantFrom('fefo' as const, 'fifo' as const, 'lifo' as const),
  }),
  fc.record({ kind: fc.constant('cancel' as const), pick: fc.nat() }),
  fc.record({
    kind: fc.constant('transfer' as const),
    wh: fc.integer({ min: 0, max: 1 }),
    batch: fc.integer({ min: 0, max: 2 }),
    qty: fc.integer({ min: 1, max: 40 }),
    arrive: fc.boolean(),
  }),
  fc.record({
    kind: fc.constant('adjust' as const),
    wh: fc.integer({ min: 0, max: 1 }),
    batch: fc.integer({ min: 0, max: 2 }),
    qty: fc.integer({ min: -30, max: 30 }).filter((q) => q !== 0),
  }),
);

describe('stock invariants under any sequence of work', () => {
  it('no balance goes negative, reserved never exceeds on hand, and balances equal their movements', () => {
    fc.assert(
      fc.property(fc.array(op, { minLength: 1, maxLength: 40 }), (ops) => {
        const ctx = engineContext();
        const { sqlite } = ctx.ledger;
        const address = {
          line1: '',
          line2: '',
          area: '',
          city: 'Pune',
          district: 'Pune',
          stateCode: '27',
          pincode: '',
        };
        const warehouses = [
          createWarehouse(ctx, { code: 'A', name: 'A', address, active: true }).id,
          createWarehouse(ctx, { code: 'B', name: 'B', address, active: true }).id,
        ];
        const productId = createProduct(ctx, productFields.parse(biscuit()) as ProductInput).id;
        const customer = sqlite
          .prepare("INSERT INTO customers (code, name, type, bill_state_code) VALUES ('C', 'C', 'retailer', '27')")
          .run().lastInsertRowid;
        const expiries = ['2027-01-01', '2027-06-01', '2028-01-01'];
        const lines: number[] = [];
        for (const o of ops) {
          // Each step is one transaction, as through the API; a refused step must leave no trace.
          try {
            sqlite.transaction(() => {
              if (o.kind === 'receive') {
                receiveGoods(ctx, {
                  warehouseId: warehouses[o.wh]!,
                  kind: 'receipt',
                  supplier: '',
                  reference: '',
                  lines: [
                    {
                      productId,
                      batchNo: `B${o.batch}`,
                      manufacturedOn: null,
                      expiresOn: expiries[o.batch]!,
                      mrp: null,
                      quantity: o.qty,
                    },
                  ],
                });
              } else if (o.kind === 'allocate') {
                const order = sqlite
                  .prepare(
                    "INSERT INTO orders (customer_id, warehouse_id, order_date, created_at) VALUES (?, ?, '2026-11-22', '')",
                  )
                  .run(customer, warehouses[o.wh]!).lastInsertRowid;
                const line = Number(
                  sqlite
                    .prepare(
                      'INSERT INTO order_lines (order_id, line_no, product_id, quantity, unit_price, gross, tax_rate_bps, taxable, tax, total) VALUES (?, 1, ?, ?, 1, 1, 0, 1, 0, 1)',
                    )
                    .run(order, productId, o.qty).lastInsertRowid,
                );
                allocateAndReserve(ctx, {
                  orderLineId: line,
                  warehouseId: warehouses[o.wh]!,
                  productId,
                  quantity: o.qty,
                  method: o.method,
                  minShelfLifeDays: 0,
                });
                lines.push(line);
              } else if (o.kind === 'cancel') {
                if (lines.length) releaseReservations(ctx, lines[o.pick % lines.length]!);
              } else {
                const batch = sqlite.prepare('SELECT id FROM batches WHERE batch_no = ?').get(`B${o.batch}`) as
                  { id: number } | undefined;
                if (!batch) return;
                if (o.kind === 'transfer') {
                  const t = sendTransfer(ctx, {
                    fromWarehouseId: warehouses[o.wh]!,
                    toWarehouseId: warehouses[1 - o.wh]!,
                    lines: [{ batchId: batch.id, quantity: o.qty }],
                  });
                  if (o.arrive) receiveTransfer(ctx, t.id);
                } else {
                  adjustStock(ctx, {
                    warehouseId: warehouses[o.wh]!,
                    batchId: batch.id,
                    kind: 'adjustment',
                    quantity: o.qty,
                    reason: 'count',
                  });
                }
              }
            })();
          } catch (error) {
            if (!(error instanceof DomainError)) throw error;
          }
          const bad = sqlite
            .prepare(
              'SELECT count(*) AS n FROM stock_balances WHERE on_hand < 0 OR reserved < 0 OR in_transit < 0 OR reserved > on_hand',
            )
            .get() as { n: number };
          expect(bad.n).toBe(0);
        }
        expect(checkBalances(ctx).differences).toEqual([]);
        ctx.ledger.close();
      }),
      { numRuns: 60 },
    );
  }, 120_000);
});
