import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { EngineContext } from '../../../src-main/engine/context';
import { createProduct, type ProductInput } from '../../../src-main/engine/catalog/product-service';
import { adjustStock } from '../../../src-main/engine/inventory/adjust-stock';
import { checkValues } from '../../../src-main/engine/inventory/check-balances';
import { receiveGoods } from '../../../src-main/engine/inventory/receive-goods';
import { balanceOf, postMovement } from '../../../src-main/engine/inventory/stock-ledger';
import { stockValueReport } from '../../../src-main/engine/inventory/stock-value-report';
import { receiveTransfer, sendTransfer } from '../../../src-main/engine/inventory/transfers';
import { createWarehouse } from '../../../src-main/engine/inventory/warehouse-service';
import { productFields } from '../../../src-shared/contract/products';
import { engineContext } from '../../support/engine';
import { biscuit } from '../../support/fixtures';

/**
 * Random movement histories through the real services: receipts with and without a value (free goods at 0),
 * issues, transfers out and in (some left on the road), returns with and without a known cost, adjustments
 * both ways. After every history: the stock value (report and stock_values) is Σ movement values; no value is
 * left on zero quantity; and the value stays within [min, max] of the unit costs received, give or take the
 * half paisa each rounded share may move it.
 */
type Step =
  | { op: 'receive'; wh: 0 | 1; quantity: number; unitCost: number | null }
  | { op: 'issue'; wh: 0 | 1; quantity: number }
  | { op: 'send'; wh: 0 | 1; quantity: number }
  | { op: 'arrive' }
  | { op: 'return'; wh: 0 | 1; quantity: number; unitCost: number | null }
  | { op: 'adjust'; wh: 0 | 1; quantity: number };

const wh = fc.constantFrom(0 as const, 1 as const);
const qty = fc.integer({ min: 1, max: 400 });
const cost = fc.option(fc.integer({ min: 0, max: 5_000 }), { nil: null });
const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ op: fc.constant('receive' as const), wh, quantity: qty, unitCost: cost }) },
  { weight: 3, arbitrary: fc.record({ op: fc.constant('issue' as const), wh, quantity: qty }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('send' as const), wh, quantity: qty }) },
  { weight: 2, arbitrary: fc.constant({ op: 'arrive' as const }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('return' as const), wh, quantity: qty, unitCost: cost }) },
  {
    weight: 2,
    arbitrary: fc.record({ op: fc.constant('adjust' as const), wh, quantity: fc.integer({ min: -300, max: 300 }) }),
  },
);

let ctx: EngineContext;
let warehouses: [number, number];
let run = 0;

beforeAll(() => {
  ctx = engineContext(new Date('2026-11-22T10:00:00Z'));
  const address = { line1: '', line2: '', area: '', city: 'Pune', district: 'Pune', stateCode: '27', pincode: '' };
  warehouses = [
    createWarehouse(ctx, { code: 'PUN', name: 'Pune', address, active: true }).id,
    createWarehouse(ctx, { code: 'NSK', name: 'Nashik', address, active: true }).id,
  ];
});

/**
 * Plays one history on a fresh product. Answers the unit costs received (anywhere: transfers carry them across)
 * and the per-unit rounding allowance: each rounded share moves the average by at most ½ paisa over the units it
 * is spread on, so the allowance adds ½ ÷ (units after the step) for every step that took a share.
 */
function play(steps: Step[]) {
  run += 1;
  const productId = createProduct(
    ctx,
    productFields.parse(biscuit({ sku: `PROP-${run}`, barcodes: [] })) as ProductInput,
  ).id;
  let batchId = 0;
  const costs: number[] = [];
  let slack = 0;
  const everIn = [false, false];
  const onTheRoad: { id: number; to: 0 | 1 }[] = [];
  const onHand = (w: 0 | 1) => (batchId ? balanceOf(ctx, warehouses[w], batchId).onHand : 0);
  const quantityAfter = (w: 0 | 1) =>
    (
      ctx.ledger.sqlite
        .prepare('SELECT quantity FROM stock_values WHERE warehouse_id = ? AND product_id = ?')
        .get(warehouses[w], productId) as { quantity: number } | undefined
    )?.quantity ?? 0;
  const rounded = (w: 0 | 1, units: number) => {
    slack += 0.5 / Math.max(quantityAfter(w), 1) + 0.5 / units;
  };
  const comeIn = (w: 0 | 1, unitCost: number | null, units: number) => {
    // Goods in at no given cost on a shelf never valued come in at 0: that is a cost "received" too.
    if (unitCost !== null) costs.push(unitCost);
    else if (!everIn[w]) costs.push(0);
    else rounded(w, units);
    everIn[w] = true;
  };
  for (const s of steps) {
    if (s.op === 'arrive') {
      const t = onTheRoad.shift();
      if (!t) continue;
      receiveTransfer(ctx, t.id);
      // Only goods on the shelf give a warehouse an average; goods on the road do not.
      everIn[t.to] = true;
      continue;
    }
    const warehouseId = warehouses[s.wh];
    if (s.op === 'receive' || (s.op === 'return' && !batchId)) {
      const unitCost = s.unitCost;
      receiveGoods(ctx, {
        warehouseId,
        kind: 'receipt',
        supplier: 'Sunrise Foods',
        reference: '',
        lines: [
          {
            productId,
            batchNo: 'B1',
            manufacturedOn: null,
            expiresOn: '2099-01-01',
            mrp: null,
            quantity: s.quantity,
            value: unitCost === null ? undefined : unitCost * s.quantity,
          },
        ],
      });
      batchId ||= (
        ctx.ledger.sqlite.prepare('SELECT id FROM batches WHERE product_id = ?').get(productId) as { id: number }
      ).id;
      comeIn(s.wh, unitCost, s.quantity);
    } else if (s.op === 'return') {
      const value = s.unitCost === null ? undefined : s.unitCost * s.quantity;
      postMovement(ctx, { warehouseId, productId, batchId, kind: 'return', quantity: s.quantity, value });
      comeIn(s.wh, s.unitCost, s.quantity);
    } else if (s.op === 'issue') {
      const q = Math.min(s.quantity, onHand(s.wh));
      if (q === 0) continue;
      postMovement(ctx, { warehouseId, productId, batchId, kind: 'issue', quantity: -q });
      rounded(s.wh, q);
    } else if (s.op === 'send') {
      const q = Math.min(s.quantity, onHand(s.wh));
      if (q === 0) continue;
      const to = s.wh === 0 ? 1 : 0;
      const t = sendTransfer(ctx, {
        fromWarehouseId: warehouseId,
        toWarehouseId: warehouses[to],
        lines: [{ batchId, quantity: q }],
      });
      onTheRoad.push({ id: t.id, to });
      rounded(s.wh, q);
      // Goods on the road bring the sender's value; the arrival (a share of the transit value) rounds again.
      slack += 0.5 / q;
    } else {
      const q = s.quantity < 0 ? -Math.min(-s.quantity, onHand(s.wh)) : s.quantity;
      if (q === 0 || !batchId) continue;
      adjustStock(ctx, { warehouseId, batchId, kind: 'adjustment', quantity: q, reason: 'count' });
      if (q > 0) comeIn(s.wh, null, q);
      else rounded(s.wh, -q);
    }
  }
  return { productId, costs, slack };
}

describe('stock valuation over random movement histories', () => {
  it('stock value = Σ movement values; nothing valued on an empty shelf; value within the costs received', () => {
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 25 }), (steps) => {
        const { productId, costs, slack } = play(steps);
        const { sqlite } = ctx.ledger;
        const sums = sqlite
          .prepare(
            `SELECT warehouse_id AS w, sum(quantity) AS q, sum(value) AS v, sum(in_transit) AS tq, sum(transit_value) AS tv
             FROM stock_movements WHERE product_id = ? GROUP BY warehouse_id`,
          )
          .all(productId) as { w: number; q: number; v: number; tq: number; tv: number }[];
        const stored = sqlite
          .prepare(
            `SELECT warehouse_id AS w, quantity AS q, value AS v, transit_quantity AS tq, transit_value AS tv
             FROM stock_values WHERE product_id = ?`,
          )
          .all(productId) as typeof sums;
        const byW = (rows: typeof sums) => Object.fromEntries(rows.map((r) => [r.w, r]));
        expect(byW(stored)).toEqual(byW(sums));
        const report = stockValueReport(ctx, {
          asOf: '2026-11-22',
          warehouseId: null,
          productId,
          brand: '',
          category: '',
        });
        const total = sums.reduce((s, r) => s + r.v + r.tv, 0);
        expect(report.totals.totalValue).toBe(total);
        expect(report.totals.value).toBe(sums.reduce((s, r) => s + r.v, 0));
        for (const r of stored) {
          if (r.q === 0) expect(r.v).toBe(0);
          if (r.tq === 0) expect(r.tv).toBe(0);
          if (r.q > 0 && costs.length) {
            expect(r.v / r.q).toBeGreaterThanOrEqual(Math.min(...costs) - slack);
            expect(r.v / r.q).toBeLessThanOrEqual(Math.max(...costs) + slack);
          }
        }
      }),
      { numRuns: 100 },
    );
    expect(checkValues(ctx).differences).toEqual([]);
  });
});
