import { businessDate } from '../../business-date';
import type { EngineContext } from '../../context';
import { publishEvent } from '../publish-event';
import { warehouseCodeOf } from './party';

interface ShipmentLine {
  sku: string;
  batchNo: string;
  ratePaise: number;
}

/**
 * A goods receipt as HQ sees it. When its reference is a primary shipment's brand invoice number,
 * it is the receipt of that shipment: the brand's rates come from the shipment.
 */
export function goodsReceivedPayload(ctx: EngineContext, receiptId: number) {
  const { sqlite } = ctx.ledger;
  const gr = sqlite
    .prepare(
      `SELECT g.number, g.posted_at AS postedAt, g.warehouse_id AS warehouseId, g.supplier, g.reference, w.state_code AS stateCode,
              s.data AS shipment
       FROM goods_receipts g JOIN warehouses w ON w.id = g.warehouse_id
       LEFT JOIN primary_shipments s ON s.brand_invoice_number = g.reference AND s.goods_receipt_id = g.id
       WHERE g.id = ?`,
    )
    .get(receiptId) as {
    number: string;
    postedAt: string;
    warehouseId: number;
    supplier: string;
    reference: string;
    stateCode: string;
    shipment: string | null;
  };
  const rates = gr.shipment ? (JSON.parse(gr.shipment) as { lines: ShipmentLine[] }).lines : [];
  const lines = sqlite
    .prepare(
      `SELECT p.sku, b.batch_no AS batchNo, b.manufactured_on AS mfgDate, b.expires_on AS expiryDate, sum(m.quantity) AS qty
       FROM stock_movements m JOIN products p ON p.id = m.product_id JOIN batches b ON b.id = m.batch_id
       WHERE m.document_type = 'goods_receipt' AND m.document_id = ? GROUP BY m.product_id, m.batch_id HAVING sum(m.quantity) > 0 ORDER BY min(m.id)`,
    )
    .all(receiptId) as {
    sku: string;
    batchNo: string;
    mfgDate: string | null;
    expiryDate: string | null;
    qty: number;
  }[];
  const supplier = gr.supplier.trim() || 'Unnamed supplier';
  return {
    number: gr.number,
    date: businessDate(ctx, new Date(gr.postedAt)),
    party: { code: supplier.slice(0, 40), name: supplier.slice(0, 200), gstin: null, stateCode: gr.stateCode },
    warehouseCode: warehouseCodeOf(ctx, gr.warehouseId),
    supplierInvoiceNumber: gr.reference.slice(0, 40),
    brandInvoiceNumber: gr.shipment ? gr.reference : null,
    lines: lines.map((l) => ({
      sku: l.sku,
      batchNo: l.batchNo,
      mfgDate: l.mfgDate,
      expiryDate: l.expiryDate,
      qty: l.qty,
      freeQty: 0,
      ratePaise: rates.find((r) => r.sku === l.sku && r.batchNo.trim().toUpperCase() === l.batchNo)?.ratePaise ?? 0,
    })),
  };
}

/** Opening stock is not a receipt of goods, so HQ does not hear of it; nor does a receipt with nothing good in it. */
export function publishGoodsReceived(ctx: EngineContext, receiptId: number): void {
  const kind = (
    ctx.ledger.sqlite.prepare('SELECT kind FROM goods_receipts WHERE id = ?').get(receiptId) as { kind: string }
  ).kind;
  if (kind === 'opening') return;
  const payload = goodsReceivedPayload(ctx, receiptId);
  if (payload.lines.length > 0) publishEvent(ctx, 'goods.received', payload);
}
