import type { EngineContext } from '../context';
import type { EarnRule } from './free-goods-earned';

/** One order line as the free-goods rule sees it. */
export interface LineState {
  id: number;
  lineNo: number;
  productId: number;
  quantity: number;
  allocated: number;
  delivered: number;
  isFree: boolean;
  /** for a linked free line, what earns it */
  earn: EarnRule | null;
}

/** The earn rule of a free-goods scheme, to be copied onto the free line it produced. */
export function earnRuleOfScheme(ctx: EngineContext, schemeId: number | null): EarnRule | null {
  if (schemeId === null) return null;
  const row = ctx.ledger.sqlite
    .prepare("SELECT rule FROM schemes WHERE id = ? AND kind = 'free_goods'")
    .get(schemeId) as { rule: string } | undefined;
  if (!row) return null;
  const rule = JSON.parse(row.rule) as {
    buyProductId: number;
    buyQuantity: number;
    getQuantity: number;
    repeat?: boolean;
  };
  return {
    productId: rule.buyProductId,
    buyQuantity: rule.buyQuantity,
    getQuantity: rule.getQuantity,
    repeat: rule.repeat ?? true,
  };
}

export function orderLineStates(ctx: EngineContext, orderId: number): LineState[] {
  const rows = ctx.ledger.sqlite
    .prepare(
      `SELECT id, line_no AS lineNo, product_id AS productId, quantity, allocated, delivered, is_free AS isFree, earned_by_product_id AS earnProduct,
              earn_buy_quantity AS buyQuantity, earn_get_quantity AS getQuantity, earn_repeat AS earnRepeat
       FROM order_lines WHERE order_id = ? ORDER BY line_no`,
    )
    .all(orderId) as (Omit<LineState, 'isFree' | 'earn'> & {
    isFree: number;
    earnProduct: number | null;
    buyQuantity: number | null;
    getQuantity: number | null;
    earnRepeat: number | null;
  })[];
  return rows.map((r) => ({
    id: r.id,
    lineNo: r.lineNo,
    productId: r.productId,
    quantity: r.quantity,
    allocated: r.allocated,
    delivered: r.delivered,
    isFree: r.isFree === 1,
    earn:
      r.isFree === 1 && r.earnProduct !== null
        ? {
            productId: r.earnProduct,
            buyQuantity: r.buyQuantity ?? 0,
            getQuantity: r.getQuantity ?? 0,
            repeat: r.earnRepeat === 1,
          }
        : null,
  }));
}

/** Paid units of a product on the order, counted by reservation (allocated) or by delivery. */
export function paidUnits(lines: LineState[], productId: number, measure: 'allocated' | 'delivered'): number {
  return lines.filter((l) => !l.isFree && l.productId === productId).reduce((s, l) => s + l[measure], 0);
}
