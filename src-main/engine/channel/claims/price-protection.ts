import type { ProposedLine } from '../../../../src-shared/contract/channel-claims';
import { addDays, startOfDayInstant } from '../../../../src-shared/dates';
import { formatMoney, multiplyMoney } from '../../../../src-shared/money';
import { companyTimeZone } from '../../business-date';
import type { EngineContext } from '../../context';
import { notFound } from '../../errors';

interface PriceCut {
  id: number;
  supplierId: number;
  productId: number;
  oldRate: number;
  newRate: number;
  effectiveOn: string;
}

/** The distributor's stock of a product at the close of a business day: today's balance less what moved since. */
export function stockHeldOn(ctx: EngineContext, productId: number, day: string): number {
  const after = startOfDayInstant(addDays(day, 1), companyTimeZone(ctx)).toISOString();
  const row = ctx.ledger.sqlite
    .prepare(
      `SELECT (SELECT coalesce(sum(on_hand), 0) FROM stock_balances WHERE product_id = ?)
            - (SELECT coalesce(sum(quantity), 0) FROM stock_movements WHERE product_id = ? AND at >= ?) AS held`,
    )
    .get(productId, productId, after) as { held: number };
  return row.held;
}

/** Each retailer's closing stock from its latest report at or before the day (a later report does not count). */
function retailersHolding(ctx: EngineContext, productId: number, day: string) {
  return ctx.ledger.sqlite
    .prepare(
      `SELECT r.customer_id AS customerId, c.name, r.report_date AS reportDate, r.closing_quantity AS quantity
       FROM channel_stock_reports r JOIN customers c ON c.id = r.customer_id
       WHERE r.product_id = ? AND r.closing_quantity IS NOT NULL AND r.report_date = (
         SELECT max(report_date) FROM channel_stock_reports x
         WHERE x.customer_id = r.customer_id AND x.product_id = r.product_id AND x.report_date <= ?
           AND x.closing_quantity IS NOT NULL)
       ORDER BY c.name, r.customer_id`,
    )
    .all(productId, day) as { customerId: number; name: string; reportDate: string; quantity: number }[];
}

export function getPriceCut(ctx: EngineContext, id: number, field = 'priceChangeId'): PriceCut {
  const cut = ctx.ledger.sqlite
    .prepare(
      `SELECT id, supplier_id AS supplierId, product_id AS productId, old_rate AS oldRate, new_rate AS newRate,
         effective_on AS effectiveOn FROM price_changes WHERE id = ?`,
    )
    .get(id) as PriceCut | undefined;
  if (!cut) throw notFound(`Price change ${id}`, field);
  return cut;
}

/**
 * Price protection: the stock held when the cut took effect was bought at the old rate, so the brand owes
 * (old − new) on each unit: the distributor's own stock at the close of that day, from the stock ledger (not
 * today's balance), and each retailer's closing stock in its last report at or before that day. One line per
 * holder; source `price_change:<id>`, source id the retailer (0 for the distributor), so each is claimed once.
 */
export function proposePriceProtection(ctx: EngineContext, priceChangeId: number): ProposedLine[] {
  const cut = getPriceCut(ctx, priceChangeId);
  const perUnit = cut.oldRate - cut.newRate;
  const sourceKind = `price_change:${cut.id}`;
  const rate = `${formatMoney(cut.oldRate)} → ${formatMoney(cut.newRate)} from ${cut.effectiveOn}`;
  const holders = [
    { sourceId: 0, quantity: stockHeldOn(ctx, cut.productId, cut.effectiveOn), who: 'Our stock' },
    ...retailersHolding(ctx, cut.productId, cut.effectiveOn).map((r) => ({
      ...{ sourceId: r.customerId, quantity: r.quantity },
      who: `${r.name}, reported ${r.reportDate}`,
    })),
  ];
  const claimed = ctx.ledger.sqlite.prepare('SELECT 1 FROM claim_lines WHERE source_kind = ? AND source_id = ?');
  return holders
    .filter((h) => h.quantity > 0 && perUnit > 0 && !claimed.get(sourceKind, h.sourceId))
    .map((h) => ({
      ...{ sourceKind, sourceId: h.sourceId, productId: cut.productId, batchId: null, quantity: h.quantity },
      amount: multiplyMoney(perUnit, h.quantity),
      description: `${h.who}: ${h.quantity} × (${rate})`,
    }));
}
