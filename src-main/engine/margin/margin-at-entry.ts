import type { PricedLine } from '../../../src-shared/contract/orders';
import type { QuoteMargin } from '../../../src-shared/contract/margin';
import type { EngineContext } from '../context';
import { costsAtAverage } from '../inventory/stock-valuation';
import { assessBillMargin, type MarginPolicy } from './margin-rules';

export function marginPolicy(ctx: EngineContext): MarginPolicy {
  const row = ctx.ledger.sqlite.prepare('SELECT margin_policy AS p FROM company WHERE id = 1').get() as
    { p: MarginPolicy } | undefined;
  return row?.p ?? 'approval';
}

export interface EntryMargin {
  margin: QuoteMargin;
  /** the full reason (lines and amounts below cost) when the bill sells below cost, else null */
  reason: string | null;
  policy: MarginPolicy;
}

/**
 * Prices an order's lines at cost: each line's units at the moving average of the warehouse it ships from
 * (unknown when that stock was never valued, or valued at nothing), and whether the bill sells below cost.
 */
export function marginAtEntry(ctx: EngineContext, lines: PricedLine[], orderWarehouseId: number): EntryMargin {
  const costs = costsAtAverage(
    ctx,
    lines.map((l) => ({
      warehouseId: l.warehouseId ?? orderWarehouseId,
      productId: l.productId,
      quantity: l.quantity,
    })),
  );
  const assessed = assessBillMargin(
    lines.map((l, i) => {
      const cost = costs[i]!;
      return {
        lineNo: l.lineNo,
        sku: l.sku,
        quantity: l.quantity,
        taxable: l.taxable,
        isFree: l.isFree,
        cost: cost !== null && cost > 0 ? cost : null,
      };
    }),
  );
  return {
    margin: { ...assessed.figures, negative: assessed.negative, lines: assessed.lines },
    reason: assessed.reason,
    policy: marginPolicy(ctx),
  };
}
