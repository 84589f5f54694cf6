import type { ProposedLine } from '../../../../src-shared/contract/channel-claims';
import { multiplyMoney } from '../../../../src-shared/money';
import type { EngineContext } from '../../context';
import { getSupplier } from '../../purchasing/supplier-service';

interface SchemeRow {
  id: number;
  productId: number;
  batchId: number | null;
  quantity: number;
  isFree: number;
  gross: number;
  discount: number;
  number: string;
  scheme: string;
}

interface ExpiredRow {
  batchId: number;
  productId: number;
  batchNo: string;
  expiresOn: string;
  quantity: number;
  rate: number | null;
}

/**
 * Scheme claims: the benefit a brand-funded scheme (schemes.funded_by_supplier_id) gave on invoices posted in the
 * period and still standing: free goods at their price (gross), discounts as given. One line per invoice line.
 */
export function proposeSchemeLines(ctx: EngineContext, f: { supplierId: number; from: string; to: string }) {
  getSupplier(ctx, f.supplierId, 'supplierId');
  const rows = ctx.ledger.sqlite
    .prepare(
      `SELECT il.id, il.product_id AS productId, il.batch_id AS batchId, il.quantity, il.is_free AS isFree,
         il.gross, il.discount, i.number, s.code AS scheme
       FROM invoice_lines il JOIN invoices i ON i.id = il.invoice_id
       JOIN order_lines ol ON ol.id = il.order_line_id JOIN schemes s ON s.id = ol.scheme_id
       WHERE s.funded_by_supplier_id = ? AND i.status = 'posted' AND i.invoice_date BETWEEN ? AND ?
         AND NOT EXISTS (SELECT 1 FROM claim_lines cl WHERE cl.source_kind = 'invoice_line_scheme' AND cl.source_id = il.id)
       ORDER BY i.invoice_date, i.id, il.id`,
    )
    .all(f.supplierId, f.from, f.to) as SchemeRow[];
  return rows
    .map((r): ProposedLine => ({
      ...{ sourceKind: 'invoice_line_scheme', sourceId: r.id, productId: r.productId, batchId: r.batchId },
      quantity: r.quantity,
      amount: r.isFree ? r.gross : r.discount,
      description: `${r.number}: ${r.isFree ? 'free goods' : 'discount'} under ${r.scheme}`,
    }))
    .filter((l) => l.amount > 0);
}

/**
 * Expiry claims: batches bought from the brand that expired on or before the day and are still on the shelf
 * (all warehouses), at the rate the brand billed them. One line per batch.
 */
export function proposeExpiryLines(ctx: EngineContext, f: { supplierId: number; asOf: string }): ProposedLine[] {
  getSupplier(ctx, f.supplierId, 'supplierId');
  const rows = ctx.ledger.sqlite
    .prepare(
      `SELECT b.id AS batchId, b.product_id AS productId, b.batch_no AS batchNo, b.expires_on AS expiresOn,
         (SELECT coalesce(sum(on_hand), 0) FROM stock_balances sb WHERE sb.batch_id = b.id) AS quantity,
         (SELECT pl.rate FROM purchase_invoice_lines pl JOIN purchase_invoices pi ON pi.id = pl.purchase_invoice_id
          WHERE pl.batch_id = b.id AND pi.supplier_id = ? ORDER BY pl.id DESC LIMIT 1) AS rate
       FROM batches b
       WHERE b.expires_on IS NOT NULL AND b.expires_on <= ?
         AND NOT EXISTS (SELECT 1 FROM claim_lines cl WHERE cl.source_kind = 'expired_batch' AND cl.source_id = b.id)
       ORDER BY b.expires_on, b.id`,
    )
    .all(f.supplierId, f.asOf) as ExpiredRow[];
  return rows
    .filter((r) => r.rate !== null && r.quantity > 0)
    .map((r) => ({
      ...{ sourceKind: 'expired_batch', sourceId: r.batchId, productId: r.productId, batchId: r.batchId },
      quantity: r.quantity,
      amount: multiplyMoney(r.rate!, r.quantity),
      description: `Batch ${r.batchNo} expired ${r.expiresOn}: ${r.quantity} on the shelf`,
    }));
}
