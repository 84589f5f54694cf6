import type { EngineContext } from '../../context';
import { publishEvent } from '../publish-event';

interface BenefitRow {
  code: string;
  hqVersion: number | null;
  sku: string;
  quantity: number;
  isFree: number;
  discount: number;
}

/** One scheme-benefit.given per invoice line a scheme touched: free goods, or a discount. A scheme pulled from
 * HQ is named by HQ's code and version. */
export function publishSchemeBenefits(
  ctx: EngineContext,
  invoiceId: number,
  invoice: {
    number: string;
    date: string;
    party: { code: string; name: string; gstin: string | null; stateCode: string };
  },
): void {
  const rows = ctx.ledger.sqlite
    .prepare(
      `SELECT coalesce(m.key, s.code) AS code, m.version AS hqVersion, p.sku, il.quantity, il.is_free AS isFree, il.discount
       FROM invoice_lines il JOIN order_lines ol ON ol.id = il.order_line_id JOIN schemes s ON s.id = ol.scheme_id
       LEFT JOIN hq_masters m ON m.master_type = 'scheme' AND m.local_ref = 'scheme:' || s.id
       JOIN products p ON p.id = il.product_id WHERE il.invoice_id = ? ORDER BY il.id`,
    )
    .all(invoiceId) as BenefitRow[];
  for (const r of rows) {
    publishEvent(ctx, 'scheme-benefit.given', {
      schemeCode: r.code,
      schemeVersion: r.hqVersion,
      documentNumber: invoice.number,
      date: invoice.date,
      party: invoice.party,
      sku: r.sku,
      freeQty: r.isFree ? r.quantity : 0,
      discountPaise: r.isFree ? 0 : r.discount,
    });
  }
}
