import type { EngineContext } from '../context';
import { invalid } from '../errors';
import { correctStockValue } from './value-correction';
import type { PurchaseInvoiceInput, WorkedPurchaseInvoice } from './work-purchase-invoice';

interface ReceiptMovement {
  productId: number;
  batchId: number;
  quantity: number;
  value: number;
}

/**
 * The brand's invoice for goods already received (a primary shipment pulled by sync, posted as a GRN): the goods
 * are not received again. The invoice must cover the receipt exactly (each product and batch, billed + free units);
 * then each product's receipt value is corrected to the invoice's landed value by a value-only movement.
 */
export function valueReceivedShipment(
  ctx: EngineContext,
  input: PurchaseInvoiceInput & { goodsReceiptId: number },
  worked: WorkedPurchaseInvoice,
  batchIds: number[],
  invoiceId: number,
): number {
  const { sqlite } = ctx.ledger;
  const grn = sqlite
    .prepare('SELECT number, warehouse_id AS warehouseId, kind FROM goods_receipts WHERE id = ?')
    .get(input.goodsReceiptId) as { number: string; warehouseId: number; kind: string } | undefined;
  if (!grn) throw invalid(`Goods receipt ${input.goodsReceiptId} does not exist`, 'goodsReceiptId');
  if (grn.kind !== 'receipt') throw invalid(`${grn.number} is opening stock, not a receipt`, 'goodsReceiptId');
  if (grn.warehouseId !== input.warehouseId)
    throw invalid(`${grn.number} was received in another warehouse`, 'goodsReceiptId');
  const valued = sqlite
    .prepare(
      "SELECT number FROM purchase_invoices WHERE goods_receipt_id = ? AND status = 'posted' AND id <> ? LIMIT 1",
    )
    .get(input.goodsReceiptId, invoiceId) as { number: string } | undefined;
  if (valued) throw invalid(`${grn.number} is already valued by ${valued.number}`, 'goodsReceiptId');
  const moved = sqlite
    .prepare(
      `SELECT product_id AS productId, batch_id AS batchId, sum(quantity) AS quantity, sum(value) AS value
       FROM stock_movements WHERE document_type = 'goods_receipt' AND document_id = ? AND quantity > 0
       GROUP BY product_id, batch_id`,
    )
    .all(input.goodsReceiptId) as ReceiptMovement[];
  const key = (productId: number, batchId: number) => `${productId}:${batchId}`;
  const billed = new Map<string, number>();
  input.lines.forEach((l, i) => {
    const k = key(l.productId, batchIds[i]!);
    billed.set(k, (billed.get(k) ?? 0) + l.quantity + l.freeQuantity);
  });
  input.lines.forEach((l, i) => {
    const m = moved.find((r) => r.productId === l.productId && r.batchId === batchIds[i]);
    const w = worked.lines[i]!;
    if (!m) throw invalid(`${w.sku} batch ${w.batchNo} is not on ${grn.number}`, `lines.${i}.batchNo`);
    if (billed.get(key(m.productId, m.batchId)) !== m.quantity)
      throw invalid(
        `${grn.number} received ${m.quantity} of ${w.sku} batch ${w.batchNo}; the invoice has ${billed.get(key(m.productId, m.batchId))}`,
        `lines.${i}.quantity`,
      );
  });
  const missing = moved.find((m) => !billed.has(key(m.productId, m.batchId)));
  if (missing) throw invalid(`The invoice leaves out goods received on ${grn.number}`, 'lines');
  // One correction per product: the value side is kept per warehouse × product.
  const products = [...new Set(moved.map((m) => m.productId))];
  for (const productId of products) {
    const landed = worked.lines.filter((l) => l.productId === productId).reduce((s, l) => s + l.taxable, 0);
    const was = moved.filter((m) => m.productId === productId).reduce((s, m) => s + m.value, 0);
    const batchId = moved.find((m) => m.productId === productId)!.batchId;
    correctStockValue(
      ctx,
      { warehouseId: input.warehouseId, productId, batchId, documentType: 'purchase_invoice', documentId: invoiceId },
      landed - was,
      `valued by the brand's invoice ${input.supplierInvoiceNo}`,
    );
  }
  return input.goodsReceiptId;
}
