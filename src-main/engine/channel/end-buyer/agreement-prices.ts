import type { EngineContext } from '../../context';
import type { PriceListCandidate } from '../../pricing/resolve-price';

export interface AgreementPrice {
  candidate: PriceListCandidate;
  number: string;
  /** base units still supported under the cap; null = no cap */
  remaining: number | null;
}

/**
 * The agreement lines that may price an order for this end buyer today, by product, each as a price-list candidate
 * of 'end_buyer' scope (so resolve-price weighs it with the other lists and explains it), with what is left of its
 * cap: the cap less the net quantity already accrued (invoiced less returned) and less what other placed orders
 * still hold under it (ordered, not yet invoiced). Drafts hold nothing.
 */
export function agreementPrices(
  ctx: EngineContext,
  query: { endBuyerId: number; soldToId: number; productIds: number[]; date: string; excludeOrderId: number | null },
): Map<number, AgreementPrice> {
  const { sqlite } = ctx.ledger;
  const rows = sqlite
    .prepare(
      `SELECT l.id AS lineId, l.product_id AS productId, l.special_price AS price, l.quantity_cap AS cap,
              a.id AS agreementId, a.number, a.valid_from AS validFrom, a.valid_to AS validTo
       FROM end_buyer_agreement_lines l JOIN end_buyer_agreements a ON a.id = l.agreement_id
       WHERE a.end_buyer_id = ? AND a.active = 1 AND a.valid_from <= ? AND a.valid_to >= ?
         AND l.product_id IN (SELECT value FROM json_each(?))
         AND (a.sold_to_ids = '[]' OR EXISTS (SELECT 1 FROM json_each(a.sold_to_ids) WHERE value = ?))
       ORDER BY a.valid_from DESC, l.special_price, l.id`,
    )
    .all(query.endBuyerId, query.date, query.date, JSON.stringify(query.productIds), query.soldToId) as {
    lineId: number;
    productId: number;
    price: number;
    cap: number | null;
    agreementId: number;
    number: string;
    validFrom: string;
    validTo: string;
  }[];
  const out = new Map<number, AgreementPrice>();
  for (const r of rows) {
    // The newest agreement for a product wins (the same tie-break resolve-price uses); older ones are not offered.
    if (out.has(r.productId)) continue;
    out.set(r.productId, {
      number: r.number,
      remaining: r.cap === null ? null : Math.max(0, r.cap - usedUnderLine(ctx, r.lineId, query.excludeOrderId)),
      candidate: {
        id: -r.lineId,
        name: `end-buyer agreement ${r.number}`,
        scope: 'end_buyer',
        customerId: null,
        customerType: '',
        stateCode: '',
        district: '',
        area: '',
        endBuyer: '',
        endBuyerId: query.endBuyerId,
        agreementLineId: r.lineId,
        validFrom: r.validFrom,
        validTo: r.validTo,
        taxInclusive: false,
        slabs: [{ minQuantity: 1, price: r.price }],
      },
    });
  }
  return out;
}

/** Base units an agreement line has used of its cap: net accrued, plus placed orders' quantity not yet invoiced. */
export function usedUnderLine(ctx: EngineContext, lineId: number, excludeOrderId: number | null): number {
  const row = ctx.ledger.sqlite
    .prepare(
      `SELECT (SELECT coalesce(sum(quantity), 0) FROM ship_and_debit_accruals WHERE agreement_line_id = @line)
            + (SELECT coalesce(sum(max(0, ol.quantity - (
                 SELECT coalesce(sum(il.quantity), 0) FROM invoice_lines il JOIN invoices i ON i.id = il.invoice_id
                 WHERE il.order_line_id = ol.id AND i.status <> 'cancelled'))), 0)
               FROM order_lines ol JOIN orders o ON o.id = ol.order_id
               WHERE ol.end_buyer_agreement_line_id = @line AND o.status NOT IN ('draft', 'cancelled')
                 AND o.id IS NOT @exclude) AS used`,
    )
    .get({ line: lineId, exclude: excludeOrderId }) as { used: number };
  return row.used;
}
